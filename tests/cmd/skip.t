# skip.t - records answered from their bytes before parsing
# (inc_loop.answer) are answered exactly as when parsed: inc-escalate's
# due fields, status and messages are the same (INC_NO_FASTPATH=1 keeps
# every record parsed, so it is the reference), every bad old record is
# still reported,
# with its line, and the good ones are left out of the day report.
. tests/lib.sh
A=tests/cmd/skip/archive.rec
N='--now 2026-11-25T00:00:00+08:00'
plan 30

check_status 2 'notices: bad old records are still data errors' \
    "inc-escalate --notices $N $A"
check 'notices: unreadable closed reported at its line' \
    "inc-escalate --notices $N $A 2>&1 >/dev/null | grep -q ':17: closed: not a time'"
check 'notices: a level that is no level reported' \
    "inc-escalate --notices $N $A 2>&1 >/dev/null | grep -q ':21: level: \"V\"'"
check 'notices: an unreadable done field reported' \
    "inc-escalate --notices $N $A 2>&1 >/dev/null | grep -q ':27: reported: not a time'"
check 'notices: a bad field name reported' \
    "inc-escalate --notices $N $A 2>&1 >/dev/null | grep -q ':36: bad field name'"
check 'notices: the same as without skipping (INC_NO_FASTPATH=1)' \
    "cp $A \$T/a.rec && inc-escalate --notices $N $A >\$T/1 2>\$T/1e;
     INC_NO_FASTPATH=1 inc-escalate --notices $N \$T/a.rec >\$T/2 2>\$T/2e;
     cmp \$T/1 \$T/2"

# The due fields of records answered from their bytes, against the same
# records parsed, on every record file of the tests and the examples.
same_as_parsed() {	# what, options, file
	check "$1: $(basename "$3") answered as parsed" \
	    "inc-escalate $2 $3 >\$T/1 2>\$T/1e; echo \$? >>\$T/1;
	     INC_NO_FASTPATH=1 inc-escalate $2 $3 >\$T/2 2>\$T/2e;
	     echo \$? >>\$T/2; cmp \$T/1 \$T/2 && cmp \$T/1e \$T/2e"
}
for f in $A tests/cmd/escalate/states.rec tests/cmd/escalate/levels.rec \
    tests/cmd/escalate/one.rec tests/cmd/escalate/bad.rec \
    tests/cmd/escalate/hostile.rec tests/cmd/report/day.rec \
    tests/cmd/report/handling.rec share/examples/incidents.rec; do
	same_as_parsed filter "$N" "$f"
done
python3 tests/cmd/skip/mix.py 3000 7 >"$T/mix.rec"
same_as_parsed 'filter, 3000 mixed records' "$N" "$T/mix.rec"
check 'notices, 3000 mixed records: mix.rec answered as parsed' \
    "inc-escalate --notices $N $T/mix.rec >\$T/1 2>\$T/1e; echo \$? >>\$T/1;
     inc-escalate -i --notices --ack police-report --incident no-such-incident $N $T/mix.rec >\$T/2 2>\$T/2e;
     echo \$? >>\$T/2; cmp \$T/1 \$T/2 && cmp \$T/1e \$T/2e && grep -q '^due: ' $T/mix.rec"
same_as_parsed 'filter, clock in Z' '--now 2026-11-24T02:00:00Z' \
    tests/cmd/escalate/states.rec
check 'in place: a.rec answered as parsed' \
    "cp $A \$T/a.rec; cp $A \$T/b.rec;
     inc-escalate -i $N \$T/a.rec 2>\$T/1e; echo \$? >>\$T/1e;
     INC_NO_FASTPATH=1 inc-escalate -i $N \$T/b.rec 2>\$T/2e; echo \$? >>\$T/2e;
     sed 's/b.rec/a.rec/' \$T/2e | cmp \$T/1e - && cmp \$T/a.rec \$T/b.rec"
check 'in place: the due fields added to the file' \
    "grep -q '^due: ' \$T/a.rec"
check_out 'a record without a newline at the end gets its due fields' \
    'id: x
detected: 2026-11-24T09:00:00+08:00
closed: 2026-11-24T11:00:00+08:00
due: initial-report missed 2026-11-24T10:00:00+08:00
due: police-report missed 2026-11-24T10:00:00+08:00
due: risk-assessment missed 2026-11-24T11:00:00+08:00
due: handling-report missed 2026-11-24T11:00:00+08:00
' \
    "printf 'id: x\\ndetected: 2026-11-24T09:00:00+08:00\\nclosed: 2026-11-24T11:00:00+08:00' | inc-escalate $N"
check 'report: the day lists the late report of an old incident' \
    "inc-report --format json --day 2026-11-24 $N $A 2>/dev/null | grep -q late-report"
check 'report: a closed time that goes on is its time: old, left out, no word' \
    "inc-report --format json --day 2026-11-24 $N $A 2>\$T/e >\$T/r;
     ! grep -q closed-goes-on \$T/r && ! grep -q ':4[89]:' \$T/e"
check 'report: the good old record is left out, the unreadable one kept' \
    "inc-report --format json --day 2026-11-24 $N $A 2>/dev/null >\$T/r;
     ! grep -q ok-closed \$T/r && grep -q bad-closed \$T/r"
check 'report: bad old records are still reported' \
    "inc-report --format json --day 2026-11-24 $N $A 2>&1 >/dev/null | grep -q ':36: bad field name'"

# The day report from records skipped by their bytes, against the same
# records all parsed: the same bytes out, the same words, the same status.
for f in $A tests/cmd/report/day.rec share/examples/incidents.rec \
    tests/cmd/agree/status.rec "$T/mix.rec"; do
	check "report: $(basename "$f") skipped as parsed" \
	    "inc-report --format json --day 2026-11-24 $f >\$T/1 2>\$T/1e; echo \$? >>\$T/1;
	     INC_NO_FASTPATH=1 inc-report --format json --day 2026-11-24 $f >\$T/2 2>\$T/2e;
	     echo \$? >>\$T/2; cmp \$T/1 \$T/2 && cmp \$T/1e \$T/2e"
done
