#!/bin/sh
# report.t - inc-report: the day report around midnight Asia/Shanghai with
# records in Z and +08:00, the boundaries of the day to the second, every
# format read back by a real parser, hostile text in every format, the
# handling report, and the errors a user can reach.
. tests/lib.sh
plan 80

D=tests/cmd/report
R="inc-report --plan $D/plan.yaml"
DAY="$R --day 2026-11-24"
H="$R --now 2026-11-25T00:00:00+08:00 --incident inc-20261124-0002"

# JSON of the day, for the checks that follow.
$DAY --format json $D/day.rec >"$T/day.json" 2>"$T/day.err"
echo $? >"$T/day.status"

# --- the day in Asia/Shanghai: [2026-11-23T16:00:00Z, 2026-11-24T16:00:00Z)
check_out 'day: counts by level, records in Z and +08:00' \
    '{"I":1,"II":2,"III":1,"IV":1}' \
    'jq -c .counts.level "$T/day.json"'
check_out 'day: counts by category' \
    '{"network-attack":2,"information-destruction":2,"other":1}' \
    'jq -c .counts.category "$T/day.json"'
check_out 'day: total detected in the period' 5 \
    'jq .counts.total "$T/day.json"'
check_out 'day: incidents listed by detection, open one from the day before first' \
    'g b c h i d' \
    'jq -r "[.incidents[].id] | join(\" \")" "$T/day.json"'
check_out 'day: 00:00:00 in Z and in +08:00 both belong to the day' \
    'true true' \
    'jq -r "[.incidents[] | select(.id == \"b\" or .id == \"c\") | .in_period] | join(\" \")" "$T/day.json"'
check_out 'day: 23:59:59 belongs to the day, its deadline pending' \
    'true initial-report pending' \
    'jq -r ".incidents[] | select(.id == \"d\") | [.in_period, .next_deadline.obligation, .next_deadline.state] | join(\" \")" "$T/day.json"'
check_out 'day: open since the day before: listed, not counted' \
    'false true' \
    'jq -r ".incidents[] | select(.id == \"g\") | [.in_period, .open_at_end] | join(\" \")" "$T/day.json"'
check_out 'day: the next day (Z and +08:00) and a closed old one are left out' \
    0 \
    'jq "[.incidents[] | select(.id == \"a\" or .id == \"e\" or .id == \"f\")] | length" "$T/day.json"'
check_out 'day: obligations overdue, late in the day, missed' \
    'g:risk-assessment:overdue b:risk-assessment:late c:initial-report:overdue c:risk-assessment:overdue h:handling-report:missed' \
    'jq -r "[.obligations[] | \"\(.id):\(.obligation):\(.state)\"] | join(\" \")" "$T/day.json"'
check_out 'day: median and worst to the initial report' '3 30m 45m' \
    'jq -r ".response_times.reported | \"\(.n) \(.median) \(.worst)\"" "$T/day.json"'
check_out 'day: median and worst to the risk assessment' '3 1h 3h' \
    'jq -r ".response_times.assessed | \"\(.n) \(.median) \(.worst)\"" "$T/day.json"'
check_out 'day: recovery measured to recovered, else closed; even median' \
    '2 16200 18000' \
    'jq -r ".response_times.recovered | \"\(.n) \(.median_seconds) \(.worst_seconds)\"" "$T/day.json"'
check_out 'day: period in the zone of TZ' \
    '2026-11-24T00:00:00+08:00 2026-11-25T00:00:00+08:00' \
    'jq -r "\"\(.period.since) \(.period.until)\"" "$T/day.json"'
check_out 'day: duty office and phones from the plan' \
    'office 0759-1111111,0759-2222222' \
    'jq -r "\"\(.duty.unit) \(.duty.phones | join(\",\"))\"" "$T/day.json"'
check_out 'day: overdue obligations exit 1' 1 'cat "$T/day.status"'

# --- the same day in UTC counts other records
check_out 'day in UTC: other incidents belong to it' \
    '{"I":1,"II":1,"III":1,"IV":2} d e f h i' \
    'TZ=UTC $DAY --format json $D/day.rec | jq -r "\"\(.counts.level | tojson) \([.incidents[] | select(.in_period) | .id] | sort | join(\" \"))\""'

# --- boundaries to the second with --since/--until
check_out 'until is excluded: 23:59:59 is left out of [00:00:00, 23:59:59)' \
    4 \
    '$R --since 2026-11-24T00:00:00+08:00 --until 2026-11-24T23:59:59+08:00 --format json $D/day.rec | jq .counts.total'
check_out 'since is included, in another notation: 2026-11-23T16:00:00Z' \
    5 \
    '$R --since 2026-11-23T16:00:00Z --until 2026-11-24T16:00:00Z --format json $D/day.rec | jq .counts.total'
check_out 'one second earlier takes in the last second of the 23rd' \
    6 \
    '$R --since "2026-11-23 23:59:59" --until 2026-11-25T00:00:00+08:00 --format json $D/day.rec | jq .counts.total'
check_out 'one second later leaves out the first second of the 24th' \
    3 \
    '$R --since 2026-11-24T00:00:01+08:00 --until 2026-11-25T00:00:00+08:00 --format json $D/day.rec | jq .counts.total'
check_out 'a one-second period holds exactly that second' \
    'b c' \
    '$R --since 2026-11-24T00:00:00+08:00 --until 2026-11-24T00:00:01+08:00 --format json $D/day.rec | jq -r "[.incidents[] | select(.in_period) | .id] | join(\" \")"'
check_out '--since alone runs to the clock' \
    '2026-11-24T12:00:00+08:00 4' \
    '$R --since 2026-11-24T00:00:00+08:00 --now 2026-11-24T12:00:00+08:00 --format json $D/day.rec | jq -r "\"\(.period.until) \(.counts.total)\""'
check_out '--day defaults to the day before --now' \
    '2026-11-24T00:00:00+08:00' \
    '$R --now 2026-11-25T08:00:00+08:00 --format json $D/day.rec | jq -r .period.since'
check_out '--day covers 25 hours on the day DST ends' \
    '2026-11-01T00:00:00-04:00 2026-11-02T00:00:00-05:00' \
    'TZ=America/New_York $R --day 2026-11-01 --format json </dev/null | jq -r "\"\(.period.since) \(.period.until)\""'

# --- the roster: who was on duty when the period began
check_out 'roster: the date entry for the day' '王五 13800000001' \
    '$DAY --roster $D/roster.rec --format json $D/day.rec | jq -r "\"\(.duty.on_duty.name) \(.duty.on_duty.phone)\""'
check 'roster: $INC_ROSTER, in the text heading' \
    'INC_ROSTER=$D/roster.rec $DAY $D/day.rec | grep -qx "On duty: 王五 13800000001"'
check_out 'roster: a weekday entry for another day, in the zone of TZ' \
    '赵六' \
    '$R --since 2026-11-24T16:00:00Z --until 2026-11-25T16:00:00Z --roster $D/roster.rec --format json $D/day.rec | jq -r .duty.on_duty.name'
check_out 'no roster: nobody named' null \
    '$DAY --format json $D/day.rec | jq .duty.on_duty'
check_status 2 'roster: an unreadable roster exits 2' \
    '$DAY --roster "$T/nosuch" $D/day.rec'

# --- text: aligned, bar chart, labels
$DAY $D/day.rec >"$T/day.txt" 2>/dev/null
check 'text: a bar per level, as long as its count' \
    'grep -Eq "^  II +Serious +2  ##$" "$T/day.txt" && grep -Eq "^  I +Extremely serious +1  #$" "$T/day.txt"'
check 'text: the incident table lines up' \
    'awk "/^  id  level/ { p = index(\$0, \"title\"); on = 1; next } on && /^\$/ { on = 0 } on { rows++; if (substr(\$0, p - 2, 3) !~ /^  [^ ]/) bad = 1 } END { exit bad || rows != 6 }" "$T/day.txt"'
check 'text: no blank at the end of a line' '! grep -q " $" "$T/day.txt"'
check 'text: the accountability clause with the obligations' \
    'grep -q "^  三(三): No late, missed or concealed reports.$" "$T/day.txt"'
check 'text: Chinese labels with --lang zh' \
    '$DAY --lang zh $D/day.rec | grep -q "^值班日报$"'
check 'text: CJK cells count two columns' \
    '$DAY --lang zh $D/day.rec | python3 -c "
import sys, unicodedata
w = lambda s: sum(2 if unicodedata.east_asian_width(c) in \"WF\" else 1 for c in s)
rows = [l for l in sys.stdin.read().split(\"\\n\") if l.startswith(\"  编号\") or l[:4] in (\"  g \", \"  b \", \"  c \")]
cols = set()
for l in rows[:4]:
    k = l.rfind(\"  \")
    cols.add(w(l[:k]))
sys.exit(len(cols) != 1 or len(rows) < 4)"'

# --- machine formats read back by real parsers
check 'csv: python csv reads a header and one row per incident' \
    '$DAY --format csv $D/day.rec | python3 -c "
import csv, sys
rows = list(csv.reader(sys.stdin))
h = rows[0]
assert h[:3] == [\"id\", \"level\", \"category\"], h
assert [r[0] for r in rows[1:]] == list(\"gbchid\"), rows
assert all(len(r) == len(h) for r in rows)
assert rows[2][h.index(\"title\")] == \"first second, in Z\""'
check 'csv: RFC 4180 line ends' '$DAY --format csv $D/day.rec | head -n 1 | grep -q "$(printf "\r")$"'
check 'json: python json reads it' \
    '$DAY --format json $D/day.rec | python3 -c "import json, sys; d = json.load(sys.stdin); assert d[\"counts\"][\"level\"][\"II\"] == 2"'
check 'markdown: every table row has its cells' \
    '$DAY --format markdown $D/day.rec | python3 -c "
import sys
n, cols = 0, None
for l in sys.stdin:
    if l.startswith(\"| --- \"): cols = l.count(\"|\")
    elif not l.strip(): cols = None
    elif l.startswith(\"| \") and cols:
        assert l.count(\"|\") - l.count(\"\\\\|\") == cols, l
        n += 1
assert n == 21, n"'

# --- hostile text in every format
printf 'id: evil\ntitle: \033[2J\033]0;pwned\007=cmd|'"'"' /C calc'"'"'!A0 | "q" \377\376 end\n+ second line | x\ndetected: 2026-11-24T10:00:00+08:00\nlevel: I\ncategory: =HYPERLINK("x")\nstatus: open\nreported: 2026-11-24T10:00:00+08:00\nassessed: 2026-11-24T10:00:00+08:00\n' >"$T/evil.rec"
printf '\nid: evil2\ntitle: =cmd|'"'"' /C calc'"'"'!A0\ndetected: 2026-11-24T11:00:00+08:00\nlevel: II\nstatus: open\nreported: 2026-11-24T11:00:00+08:00\nassessed: 2026-11-24T11:00:00+08:00\n' >>"$T/evil.rec"
ESC=$(printf '\033')
for f in text markdown; do
	check "hostile: no escape byte in $f" \
	    '$DAY --format '$f' "$T/evil.rec" >"$T/evil.out"; ! grep -q "$ESC" "$T/evil.out" && ! grep -q "$(printf "\007")" "$T/evil.out"'
	check "hostile: $f is valid UTF-8" \
	    '$DAY --format '$f' "$T/evil.rec" | python3 -c "import sys; sys.stdin.buffer.read().decode(\"utf-8\")"'
done
check 'hostile: the title stays on one text line' \
    '$DAY "$T/evil.rec" | grep -c "second line" | grep -qx 1 && $DAY "$T/evil.rec" | grep -q "calc.*second line"'
check 'hostile: markdown escapes the pipes and keeps the row' \
    '$DAY --format markdown "$T/evil.rec" | grep "^| evil " | python3 -c "
import sys
l = sys.stdin.read().rstrip(\"\\n\")
assert \"\\n\" not in l
assert l.count(\"|\") - l.count(\"\\\\|\") == 10, l"'
check 'hostile: csv cells start no formula, newline kept in the cell' \
    '$DAY --format csv "$T/evil.rec" | python3 -c "
import csv, sys
rows = list(csv.reader(sys.stdin))
assert len(rows) == 3, rows
assert rows[2][rows[0].index(\"title\")] == \"\x27=cmd|\x27 /C calc\x27!A0\", rows[2]
for c in rows[1] + rows[2]:
    assert c[:1] not in (\"=\", \"+\", \"-\", \"@\"), c
    assert \"\x1b\" not in c and \"\x07\" not in c, c
t = rows[1][rows[0].index(\"title\")]
assert \"\\n+ \" not in t and \"second line\" in t, t
assert rows[1][2].startswith(\"\\x27=HYPERLINK\"), rows[1][2]"'
check 'hostile: json keeps the text exactly, escaped' \
    '$DAY --format json "$T/evil.rec" | python3 -c "
import json, sys
d = json.load(sys.stdin)
t = d[\"incidents\"][0][\"title\"]
assert t.startswith(\"\\x1b[2J\\x1b]0;pwned\\x07=cmd|\"), t
assert \"\\\"q\\\"\" in t and \"\\nsecond line\" in t, t"'
check 'hostile: jq reads it' '$DAY --format json "$T/evil.rec" | jq -e ".incidents[0].id == \"evil\"" >/dev/null'
check 'hostile: handling report text has no escape byte' \
    '$R --incident evil "$T/evil.rec" >"$T/evil.h"; ! grep -q "$ESC" "$T/evil.h" && grep -q "x1b" "$T/evil.h"'
check 'hostile: handling report markdown has no escape byte, one line' \
    '$R --incident evil --format markdown "$T/evil.rec" >"$T/evil.hm"; ! grep -q "$ESC" "$T/evil.hm" && grep "calc" "$T/evil.hm" | grep -q "second line"'
check 'hostile: handling report json keeps the title exactly' \
    '$R --incident evil --format json "$T/evil.rec" | python3 -c "
import json, sys
t = json.load(sys.stdin)[\"title\"]
assert t.startswith(\"\\x1b[2J\") and t.endswith(\"\\nsecond line | x\"), t"'

# --- the handling report
$H --format json $D/handling.rec >"$T/h.json"
check_out 'handling: classification and the basis of the level' \
    'network-attack denial-of-service IV importance important x loss considerable -> IV (一(五)2)' \
    'jq -r ".classification | \"\(.category.id) \(.subtype.id) \(.level.id) \(.level_basis)\"" "$T/h.json"'
check_out 'handling: the timeline in record order, continuation kept' \
    '["SYN flood confirmed on fw01","upstream filtering requested\nby phone to the ISP"]' \
    'jq -c "[.timeline[].text]" "$T/h.json"'
check_out 'handling: every step with its text, who did it and when' \
    '1 true chen 2026-11-24T09:50:00+08:00|2 true wang li 2026-11-24T10:10:00+08:00|3 false null null' \
    'jq -r "[.procedures[0].steps[] | \"\(.n) \(.done) \(.by) \(.at)\"] | join(\"|\")" "$T/h.json"'
check_out 'handling: step text from the plan' 'Isolate the server attacked.' \
    'jq -r ".procedures[0].steps[1].text" "$T/h.json"'
check_out 'handling: how each obligation was met' \
    'initial-report:met risk-assessment:met handling-report:met' \
    'jq -r "[.obligations[] | \"\(.obligation):\(.state)\"] | join(\" \")" "$T/h.json"'
check_out 'handling: text report' $D/handling.txt '$H $D/handling.rec'
check_out 'handling: markdown report in Chinese' $D/handling.md \
    '$H --lang zh --format markdown $D/handling.rec'
check_status 0 'handling: all obligations met exits 0' '$H $D/handling.rec'
check_status 1 'handling: a late obligation exits 1' \
    '$R --now 2026-11-25T00:00:00+08:00 --incident b $D/day.rec'
check_status 2 'handling: unknown --incident exits 2' \
    '$R --incident nosuch $D/handling.rec'
check 'handling: unknown --incident says so' \
    '$R --incident nosuch $D/handling.rec 2>&1 | grep -q "^inc-report: nosuch: no such incident$"'

# --- errors
check_status 0 'a clean day exits 0' '$R --day 2026-11-20 $D/day.rec'
check_status 0 '--help exits 0' '$R --help'
check 'records after the period are left out, however many' \
    'for i in $(seq 1 2000); do printf "id: x%d\ndetected: 2026-12-01T10:00:00+08:00\nstatus: open\n\n" $i; done >"$T/big.rec"; $DAY --format json "$T/big.rec" | jq -e ".incidents == [] and .counts.total == 0" >/dev/null'
check_status 2 'usage: unknown option' '$R --bogus $D/day.rec'
check_status 2 'usage: --until without --since' '$R --until 2026-11-24T00:00:00Z $D/day.rec'
check_status 2 'usage: --day with --since' '$R --day 2026-11-24 --since 2026-11-24T00:00:00Z $D/day.rec'
check_status 2 'bad --day: no such month' '$R --day 2026-13-01 $D/day.rec'
check_status 2 'bad --day: not a date' '$R --day yesterday $D/day.rec'
check_status 2 'bad --since' '$R --since 2026-11-24T25:00:00Z $D/day.rec'
check_status 2 'a period that ends before it starts' \
    '$R --since 2026-11-24T00:00:00Z --until 2026-11-23T00:00:00Z $D/day.rec'
check_status 2 'unknown --format' '$DAY --format xml $D/day.rec'
check_status 2 'no csv handling report' '$H --format csv $D/handling.rec'
check_status 2 'write error: /dev/full' '$DAY $D/day.rec >/dev/full'
printf 'id: nodate\ntitle: x\n\nid: baddate\ndetected: 2026-11-24T24:00:00Z\n' >"$T/bad.rec"
check_status 2 'a record without a readable detected exits 2' '$DAY "$T/bad.rec"'
check 'records that cannot be placed are named by file:line' \
    '$DAY "$T/bad.rec" 2>&1 >/dev/null | grep -q "bad.rec:1: no detected field" && $DAY "$T/bad.rec" 2>&1 >/dev/null | grep -q "bad.rec:5: detected: not a time"'
printf 'id: typo\ndetected: 2026-11-24T10:00:00+08:00\nstatus: clsoed\n\nid: blank\ndetected: 2026-11-23T10:00:00+08:00\nstatus: closed \n' >"$T/status.rec"
check 'a status that is none of the four: named by file:line, exit 2' \
    '$DAY --format json "$T/status.rec" >"$T/o" 2>"$T/e"; [ $? -eq 2 ] &&
     grep -qx "inc-report: $T/status.rec:3: status: \"clsoed\": not open, contained, recovered or closed" "$T/e" &&
     grep -q "\"typo\"" "$T/o"'
check 'status closed with a blank after it: closed before the day, left out' \
    '$DAY --format json "$T/status.rec" >"$T/o" 2>/dev/null; grep -q "\"typo\"" "$T/o" && ! grep -q "\"blank\"" "$T/o"'
check_status 2 'an unreadable file exits 2' '$DAY "$T/nosuch.rec"'
