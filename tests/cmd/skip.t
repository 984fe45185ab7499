# skip.t - records skipped before parsing (inc_loop.skip) are only those
# the program would have dropped without a word: every bad old record is
# still reported, with its line, and the good ones are left out.
. tests/lib.sh
A=tests/cmd/skip/archive.rec
N='--now 2026-11-25T00:00:00+08:00'
plan 10

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
check 'notices: the same as without skipping (-i keeps every record parsed)' \
    "cp $A \$T/a.rec && inc-escalate --notices $N $A >\$T/1 2>\$T/1e;
     inc-escalate -i --notices $N \$T/a.rec >\$T/2 2>\$T/2e; cmp \$T/1 \$T/2"
check 'report: the day lists the late report of an old incident' \
    "inc-report --format json --day 2026-11-24 $N $A 2>/dev/null | grep -q late-report"
check 'report: a closed time that goes on is read, not skipped' \
    "inc-report --format json --day 2026-11-24 $N $A 2>&1 >/dev/null | grep -q ':48: closed: not a time'"
check 'report: the good old record is left out, the unreadable one kept' \
    "inc-report --format json --day 2026-11-24 $N $A 2>/dev/null >\$T/r;
     ! grep -q ok-closed \$T/r && grep -q bad-closed \$T/r"
check 'report: bad old records are still reported' \
    "inc-report --format json --day 2026-11-24 $N $A 2>&1 >/dev/null | grep -q ':36: bad field name'"
