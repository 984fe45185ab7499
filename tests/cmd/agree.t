#!/bin/sh
# agree.t - the same records through inc-escalate and inc-report --day:
# a record rule (status: one of the four; closed needs a closed: time) is
# said the same, at the same line, with the same exit status, whether
# the report is about the record (in the day), not (long closed, or
# detected after the day), or the record is read from its bytes only;
# a time followed by free text (after a blank, a TAB or a line break)
# is read as the same time by both; and a NUL in a field only a plan
# names is no time to either.
. tests/lib.sh
D=tests/cmd/agree
E='inc-escalate --now 2026-11-28T00:00:00+08:00'
R='inc-report --day 2026-11-24'
plan 19

check 'the whole archive: the same messages from both, both exit 2' \
    "$E $D/status.rec 2>&1 >/dev/null | sed 's/^inc-[a-z]*: //' >$T/e;
     $R $D/status.rec 2>&1 >/dev/null | sed 's/^inc-[a-z]*: //' >$T/r;
     cmp $T/e $T/r && [ \$(wc -l <$T/e) -eq 6 ] &&
     $E $D/status.rec >/dev/null 2>&1; [ \$? -eq 2 ] &&
     $R $D/status.rec >/dev/null 2>&1; [ \$? -eq 2 ]"

# Record by record: each one's exit status and words, from both.
awk -v d="$T" 'BEGIN { RS = ""; ORS = "\n\n" }
    { f = d "/rec" NR ".rec"; print > f; close(f) }' $D/status.rec
for f in "$T"/rec*.rec; do
	id=$(sed -n 's/^id: //p' "$f")
	check "$id: the same exit status (2 or not) and words from both" \
	    "$E $f >/dev/null 2>$T/e; e=\$?; $R $f >/dev/null 2>$T/r; r=\$?;
	     sed 's/^inc-[a-z]*: //' $T/e >$T/e2; sed 's/^inc-[a-z]*: //' $T/r >$T/r2;
	     cmp $T/e2 $T/r2 && { [ \$e -eq 2 ] && [ \$r -eq 2 ] || { [ \$e -ne 2 ] && [ \$r -ne 2 ]; }; }"
done
check 'the records that break the rule are those named by id' \
    "for f in $T/rec*.rec; do $R \$f >/dev/null 2>&1; [ \$? -eq 2 ] && sed -n 's/^id: //p' \$f; done | sort | tr '\n' ' ' >$T/ids;
     [ \"\$(cat $T/ids)\" = 'in-day-no-closed in-day-typo later-no-closed later-typo old-blank-no-closed old-no-closed ' ]"
check 'the rule holds on the handling report of such a record' \
    "inc-report --now 2026-11-28T00:00:00+08:00 --incident old-no-closed $D/status.rec >/dev/null 2>$T/e; [ \$? -eq 2 ] &&
     grep -qx 'inc-report: $D/status.rec:12: status is closed but there is no closed: time' $T/e"
check 'a closed record with its closed time and an open one: no word from either' \
    "cat $T/rec7.rec $T/rec8.rec $T/rec9.rec >$T/fine.rec;
     $E $T/fine.rec >/dev/null 2>$T/e; $R $T/fine.rec >/dev/null 2>$T/r; [ ! -s $T/e ] && [ ! -s $T/r ]"

# A time, then free text: both read the time and judge the same duties.
check 'times with text after them: no word from either, no data error' \
    "$E $D/times.rec >/dev/null 2>$T/e; e=\$?; $R --format csv $D/times.rec >/dev/null 2>$T/r; r=\$?;
     [ ! -s $T/e ] && [ ! -s $T/r ] && [ \$e -ne 2 ] && [ \$r -ne 2 ]"
check 'times with text after them: the late and missed duties are the same' \
    "$E $D/times.rec | awk '/^id: /{id=\$2} /^due: /&&\$3!=\"met\"&&\$3!=\"pending\"{print id, \$2\":\"\$3}' | sort >$T/e;
     $R --format csv $D/times.rec 2>/dev/null | awk -F'\",\"' 'NR>1{n=split(\$19,o,\" \"); for(i=1;i<=n;i++) print substr(\$1,2), o[i]}' | sort >$T/r;
     cmp $T/e $T/r && [ \$(wc -l <$T/e) -eq 3 ]"
check 'times with text after them: the report shows the times alone' \
    "$R --format csv $D/times.rec 2>/dev/null | awk -F'\",\"' 'NR>1{print \$11, \$12, \$14}' >$T/r;
     printf '%s\\n' '2026-11-24T08:20:00+08:00 2026-11-24T12:00:00+08:00 2026-11-24T16:00:00+08:00' \
         '2026-11-24T09:30:00+08:00 2026-11-24T10:00:00+08:00 ' | cmp - $T/r"

# A plan of its own names the handling report's field; a NUL in it is no
# time to either tool (the loop refuses NUL only in inc-record(5) fields).
sed 's/field: handling_report/field: report_filed/' share/inc/plan.yaml >$T/p.yaml
printf 'id: nul-1\ndetected: 2026-11-24T09:00:00+08:00\nstatus: closed\nclosed: 2026-11-24T10:00:00+08:00\ncategory: other\nsubtype: other\nlevel: IV\nreported: 2026-11-24T09:10:00+08:00\nreport_filed: 2026-11-24T11:00:00+08:00%s\n' '' >$T/ok.rec
printf 'id: nul-1\ndetected: 2026-11-24T09:00:00+08:00\nstatus: closed\nclosed: 2026-11-24T10:00:00+08:00\ncategory: other\nsubtype: other\nlevel: IV\nreported: 2026-11-24T09:10:00+08:00\nreport_filed: 2026-11-24T11:00:00+08:00\0 junk\n' >$T/nul.rec
check 'a plan-only time field: read by both without a NUL' \
    "$E --plan $T/p.yaml $T/ok.rec 2>$T/e | grep -q '^due: handling-report ' &&
     $R --plan $T/p.yaml $T/ok.rec >/dev/null 2>$T/r; [ \$? -ne 2 ] && [ ! -s $T/e ] && [ ! -s $T/r ]"
check 'a plan-only time field with a NUL: a data error to both, so named' \
    "$E --plan $T/p.yaml $T/nul.rec >/dev/null 2>$T/e; e=\$?; $R --plan $T/p.yaml $T/nul.rec >/dev/null 2>$T/r; r=\$?;
     [ \$e -eq 2 ] && [ \$r -eq 2 ] &&
     grep -qx 'inc-escalate: $T/nul.rec:9: report_filed: a NUL byte in the value' $T/e &&
     grep -qx 'inc-report: $T/nul.rec:9: report_filed: a NUL byte in the value' $T/r"

# A NUL in a field of an old record the day report would skip unread:
# refused and said all the same (the fast paths never answer a NUL).
printf 'id: old-1\ndetected: 2026-10-01T09:00:00+08:00\nstatus: closed\nclosed: 2026-10-01T10:00:00+08:00\ncategory: other\nsubtype: other\nlevel: IV\nreported: 2026-10-01T09:10:00+08:00\0x\nhandling_report: 2026-10-02T09:00:00+08:00\n\nid: old-2\ndetected: 2026-10-01T09:00:00+08:00\nstatus: closed\nclosed: 2026-10-01T10:00:00+08:00\ncategory: oth\0er\nsubtype: other\nlevel: IV\nreported: 2026-10-01T09:10:00+08:00\nhandling_report: 2026-10-02T09:00:00+08:00\n' >$T/old.rec
check 'a NUL in an old record: the same words and exit 2 from both' \
    "$E $T/old.rec 2>&1 >/dev/null | sed 's/^inc-[a-z]*: //' >$T/e; $E $T/old.rec >/dev/null 2>&1; e=\$?;
     $R $T/old.rec 2>&1 >/dev/null | sed 's/^inc-[a-z]*: //' >$T/r; $R $T/old.rec >/dev/null 2>&1; r=\$?;
     printf '%s\\n' '$T/old.rec:8: reported: a NUL byte in the value' '$T/old.rec:15: category: a NUL byte in the value' |
     cmp - $T/e && cmp $T/e $T/r && [ \$e -eq 2 ] && [ \$r -eq 2 ]"
