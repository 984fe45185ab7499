#!/bin/sh
# alerts.t - incidents made from alerts (DESIGN section 5: alerts,
# last_seen, address, rule) downstream: the day report and the handling
# report show how many alerts, first (detected) and last seen and the
# address, in every format; the notices of inc-escalate name them; a
# record a person filed is shown as it always was; bad values are named
# by file:line, left out, and the report goes on (exit 2).
. tests/lib.sh
plan 42

D=tests/cmd/report
E=tests/cmd/escalate
R="inc-report --plan $D/plan.yaml"
DAY="$R --day 2026-11-24"
H="$R --now 2026-11-25T00:00:00+08:00"
N='--now 2026-11-24T23:59:00+08:00'
BRUTE=inc-20261124-5f3a9c2e71b4
SCAN=inc-20261124-91d04be6a2c7

$DAY --lang en $D/alerts.rec >"$T/day.en" 2>/dev/null
$DAY --format json $D/alerts.rec >"$T/day.json" 2>/dev/null
inc-escalate --notices --lang en $N $E/alerts.rec >"$T/en.notices" 2>/dev/null
inc-escalate --notices --lang zh $N $E/alerts.rec >"$T/zh.notices" 2>/dev/null

# --- the day report
check 'day text: last seen, alerts and address after detected' \
    "grep -Eq '^  id +level +category +system +status +detected +last seen +alerts +address +next deadline +steps left +title\$' $T/day.en"
check 'day text: the brute force, its count, last seen and address in their columns' \
    "grep -Eq '^  $BRUTE .* 2026-11-24 09:15  2026-11-24 09:52  412     203\\.0\\.113\\.5  ' $T/day.en"
check 'day text: a scan written in Z, last seen after midnight in TZ' \
    "grep -q '2026-11-24 23:50  2026-11-25 00:10  1200' $T/day.en"
check 'day text: a person'\''s record has - in the alert columns' \
    "grep -Eq '^  inc-20261124-0002 .* 2026-11-24 10:15  -  +-  +-  +2026' $T/day.en"
check 'a day without alerts has none of their columns (text and markdown)' \
    "$DAY --lang en $D/day.rec >$T/plain 2>/dev/null; $DAY --lang en --format markdown $D/day.rec >>$T/plain 2>/dev/null;
     grep -q '^| id | level' $T/plain && ! grep -Eq 'last seen|alerts|address' $T/plain"
check 'only the columns some incident has: an address alone adds one column' \
    "sed -n '/^id: inc-20261124-7e8f90a1b2c3/,/^\$/p' $D/alerts.rec >$T/addr.rec;
     $DAY --lang en $T/addr.rec | grep -Eq '^  id +level +category +system +status +detected +address +next deadline'"
check 'day markdown (zh): the same columns, one label set' \
    "$DAY --lang zh --format markdown $D/alerts.rec 2>/dev/null | grep -qF '| 发现时间 | 末次告警 | 告警数 | 源地址 | 下一时限 |'"
check_out 'day json: alerts, last_seen, address; null for a person'\''s record' \
    '412 2026-11-24T09:52:40+08:00 203.0.113.5
null null null
1 2026-11-24T11:02:33+08:00 192.0.2.44
null null 198.51.100.23
1200 2026-11-24T16:10:00+00:00 198.51.100.7' \
    'jq -r ".incidents[] | \"\(.alerts) \(.last_seen) \(.address)\"" $T/day.json'
check 'day json: alerts is a number' \
    "jq -e '.incidents[0].alerts | type == \"number\"' $T/day.json >/dev/null"
check_out 'day csv: alerts, last_seen, address are the last columns, read back by a csv parser' \
    'alerts,last_seen,address
412,2026-11-24T09:52:40+08:00,203.0.113.5
,,
1,2026-11-24T11:02:33+08:00,192.0.2.44
,,198.51.100.23
1200,2026-11-24T16:10:00+00:00,198.51.100.7' \
    "$DAY --format csv $D/alerts.rec | python3 -c 'import csv, sys
for row in csv.reader(sys.stdin): print(\",\".join(row[-3:]))'"
check 'counts and obligations as for any incident: five detected' \
    "jq -e '.counts.total == 5' $T/day.json >/dev/null"

# --- the handling report
check_out 'handling text: last seen, alerts, address, rule after detected' \
    'detected: 2026-11-24T09:15:01+08:00
last seen: 2026-11-24T09:52:40+08:00
alerts: 412
address: 203.0.113.5
rule: sshd-failed-password
closed: -' \
    "$H --lang en --incident $BRUTE $D/alerts.rec | sed -n '/^detected:/,/^closed:/p'"
check 'handling text (zh): the same words as the day report' \
    "$H --lang zh --incident $BRUTE $D/alerts.rec >$T/h.zh; grep -qx '末次告警: 2026-11-24T09:52:40+08:00' $T/h.zh &&
     grep -qx '告警数: 412' $T/h.zh && grep -qx '源地址: 203.0.113.5' $T/h.zh && grep -qx '检测规则: sshd-failed-password' $T/h.zh"
check 'handling text: the log lines are its timeline' \
    "$H --lang en --incident $BRUTE $D/alerts.rec | grep -c 'Failed password' | grep -qx 4"
check 'handling text of a person'\''s record: no alert lines' \
    "$H --lang en --incident inc-20261124-0002 $D/alerts.rec >$T/h.p; grep -q '^detected:' $T/h.p &&
     ! grep -Eq '^(last seen|alerts|address|rule):' $T/h.p"
check 'handling markdown: the same as table rows' \
    "$H --lang en --format markdown --incident $SCAN $D/alerts.rec >$T/h.md;
     grep -qx '| last seen | 2026-11-25T00:10:00+08:00 |' $T/h.md && grep -qx '| alerts | 1200 |' $T/h.md &&
     grep -qx '| address | 198.51.100.7 |' $T/h.md && grep -qx '| rule | port-scan |' $T/h.md"
check_out 'handling json: alerts, last_seen as written, address, rule' \
    '1200 2026-11-24T16:10:00+00:00 198.51.100.7 port-scan' \
    "$H --format json --incident $SCAN $D/alerts.rec | jq -r '\"\(.alerts) \(.last_seen) \(.address) \(.rule)\"'"

# --- bad values: named, left out, the report goes on
check_status 2 'bad alert fields: exit 2' "$DAY $D/alerts-bad.rec"
check_out 'each named by file:line, the value quoted' \
    "inc-report: $D/alerts-bad.rec:6: alerts: \"0\": not a positive integer
inc-report: $D/alerts-bad.rec:12: alerts: \"+5\": not a positive integer
inc-report: $D/alerts-bad.rec:16: alerts: \"many\": not a positive integer
inc-report: $D/alerts-bad.rec:17: last_seen: \"soon\": not a time (like 2026-11-24T09:15:00+08:00 or 2026-11-24 09:15)
inc-report: $D/alerts-bad.rec:22: last_seen: \"2026-11-24T09:02:59+08:00\": before detected, the first alert
inc-report: $D/alerts-bad.rec:26: alerts: \"99999999999999999999\": not a positive integer" \
    "$DAY $D/alerts-bad.rec 2>&1 >/dev/null"
check_out 'the report goes on: every incident listed, a bad value left out, the good ones kept' \
    'zero null 2026-11-24T09:10:00+08:00 203.0.113.9
signed null null null
words null null null
early 7 null null
huge null 2026-11-24T09:05:00+08:00 null
fine 3 2026-11-24T09:06:00+08:00 203.0.113.10' \
    "$DAY --format json $D/alerts-bad.rec 2>/dev/null | jq -r '.incidents[] | \"\(.id) \(.alerts) \(.last_seen) \(.address)\"'"
check 'the same words in every format' \
    "for f in text markdown csv json; do $DAY --format \$f $D/alerts-bad.rec 2>&1 >/dev/null | md5sum; done | sort -u | wc -l | grep -qx 1"
check 'the handling report names them too, exit 2' \
    "$H --incident words $D/alerts-bad.rec >$T/o 2>$T/e; [ \$? -eq 2 ] && [ \$(wc -l <$T/e) -eq 2 ] &&
     grep -q 'alerts-bad.rec:17: last_seen' $T/e && grep -q '^id: words' $T/o && ! grep -q '^last seen' $T/o"
check 'a record outside the day: its alert fields are not read, no word (as a bad level)' \
    "printf 'id: later\ndetected: 2026-11-25T10:00:00+08:00\nalerts: 0\n' >$T/later.rec; $DAY $T/later.rec >/dev/null 2>$T/e; [ \$? -eq 0 ] && [ ! -s $T/e ]"
check 'alerts 1 and last seen equal to detected are fine' \
    "$DAY $D/alerts.rec >/dev/null 2>$T/e; [ ! -s $T/e ]"

# --- hostile text in the address
printf 'id: evil\ndetected: 2026-11-24T09:00:00+08:00\nalerts: 2\naddress: =HYPERLINK("http://x") \033]0;owned\007\n' >"$T/evil.rec"
ESC=$(printf '\033') BEL=$(printf '\007')
check 'address: no terminal control in text or markdown' \
    "$DAY $T/evil.rec >$T/o 2>/dev/null; $DAY --format markdown $T/evil.rec >>$T/o 2>/dev/null;
     [ \$(grep -c 'HYPERLINK' $T/o) -eq 2 ] && ! grep -q '$ESC' $T/o && ! grep -q '$BEL' $T/o"
check 'address: no formula in csv' \
    "$DAY --format csv $T/evil.rec | python3 -c 'import csv, sys
a = list(csv.reader(sys.stdin))[1][-1]
sys.exit(\"HYPERLINK\" not in a or a.startswith(\"=\") or chr(27) in a)'"
check 'address: escaped in json, read back whole' \
    "$DAY --format json $T/evil.rec | jq -e '.incidents[0].address | startswith(\"=HYPERLINK\") and contains(\"\\u001b\")' >/dev/null"

# --- the notices
check 'notice: how many alerts, from where, first to last seen (en)' \
    "grep -q '^$BRUTE: .*; incident sshd: 412 failed logins from 203.0.113.5 on www; 412 alerts from 203.0.113.5, 2026-11-24 09:15 to 09:52\$' $T/en.notices"
check 'notice: the same in Chinese' \
    "grep -q '^$BRUTE：.*；事件 sshd: 412 failed logins from 203.0.113.5 on www；告警 412 条，源地址 203.0.113.5，2026-11-24 09:15 至 09:52\$' $T/zh.notices"
check 'notice: every notice of the incident names them' \
    "[ \$(grep -c '412 alerts from' $T/en.notices) -eq \$(grep -c '^$BRUTE:' $T/en.notices) ] && [ \$(grep -c '^$BRUTE:' $T/en.notices) -ge 3 ]"
check 'notice: one alert, first seen only' \
    "grep -q '; 1 alert from 192.0.2.44, 2026-11-24 11:02\$' $T/en.notices"
check 'notice: across midnight, the date of the last seen too' \
    "grep -q '; 1200 alerts from 198.51.100.7, 2026-11-24 23:50 to 2026-11-25 00:10\$' $T/en.notices"
check 'notice: times in the offset of the clock' \
    "inc-escalate --notices --lang en --now 2026-11-24T15:59:00Z $E/alerts.rec | grep -q '412 alerts from 203.0.113.5, 2026-11-24 01:15 to 01:52\$'"
check 'notice: an address alone' \
    "grep -q '; incident Invalid user test from 198.51.100.23 port 51234; address 198.51.100.23\$' $T/en.notices"
check 'notice of a person'\''s record: as it always was, ending in its title' \
    "grep '^inc-20261124-0002:' $T/en.notices | grep -q '; incident portal front page defaced\$' &&
     ! grep '^inc-20261124-0002' $T/en.notices $T/zh.notices | grep -Eq 'alert|告警|address|源地址'"
check_out 'tsv: alerts, first seen, last seen, address after the title' \
    "inc-20261124-0002	-	-	-	-
inc-20261124-0c11d2e3f405	1	2026-11-24T11:02:33+08:00	2026-11-24T11:02:33+08:00	192.0.2.44
$BRUTE	412	2026-11-24T09:15:01+08:00	2026-11-24T09:52:40+08:00	203.0.113.5
inc-20261124-7e8f90a1b2c3	-	-	-	198.51.100.23
$SCAN	1200	2026-11-24T23:50:12+08:00	2026-11-25T00:10:00+08:00	198.51.100.7" \
    "inc-escalate --notices --format tsv $N $E/alerts.rec | cut -f1,15- | sort -u"
check 'tsv: 18 columns, the title still column 14' \
    "inc-escalate --notices --format tsv $N $E/alerts.rec >$T/tsv; awk -F'\t' 'NF != 18 { bad = 1 } END { exit bad }' $T/tsv &&
     grep '^$BRUTE' $T/tsv | cut -f14 | sort -u | grep -qx 'sshd: 412 failed logins from 203.0.113.5 on www'"
printf 'id: bad\ndetected: 2026-11-24T09:00:00+08:00\nstatus: open\nalerts: 0\nlast_seen: 2026-11-24T08:00:00+08:00\naddress: 203.0.113.9\n' >"$T/bad.rec"
check 'notice: bad values named once per record, left out, the notices go on, exit 2' \
    "inc-escalate --notices --lang en $N $T/bad.rec >$T/o 2>$T/e; [ \$? -eq 2 ] &&
     [ \"\$(cat $T/e)\" = \"inc-escalate: $T/bad.rec:4: alerts: \\\"0\\\": not a positive integer
inc-escalate: $T/bad.rec:5: last_seen: \\\"2026-11-24T08:00:00+08:00\\\": before detected, the first alert\" ] &&
     [ \$(grep -c '; address 203.0.113.9\$' $T/o) -eq 4 ]"
check 'notice -i: bad alert values do not keep the due fields out of the file' \
    "cp $T/bad.rec $T/bad2.rec; inc-escalate --notices -i $N $T/bad2.rec >/dev/null 2>&1; [ \$(grep -c '^due: ' $T/bad2.rec) -eq 4 ]"
check 'without --notices the alert fields are not read: no word, due fields written' \
    "inc-escalate $N $T/bad.rec >$T/o 2>$T/e; [ \$? -eq 1 ] && [ ! -s $T/e ] && [ \$(grep -c '^due: ' $T/o) -eq 4 ]"
check 'notice: a hostile address made safe on a terminal' \
    "sed 's/^detected: .*/&\nstatus: open/' $T/evil.rec >$T/evil2.rec; inc-escalate --notices --lang en $N $T/evil2.rec >$T/o;
     grep -q '; 2 alerts from =HYPERLINK(\"http://x\") \\\\x1b]0;owned\\\\x07\$' $T/o && ! grep -q '$ESC' $T/o"
check 'tsv: a hostile address blanked' \
    "inc-escalate --notices --format tsv $N $T/evil2.rec | head -1 | cut -f18 | grep -qx '=HYPERLINK(\"http://x\")  ]0;owned '"
