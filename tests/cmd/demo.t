# demo.t - make demo's script runs through on the shipped examples and
# ends in a real duty report and a handling report.
. tests/lib.sh
plan 4
check 'the demo runs through' "sh share/examples/demo >$T/demo.out 2>$T/demo.err"
check 'it shows the day report' "grep -q '值班日报' $T/demo.out"
check 'and the handling report with the steps done' \
    "grep -q 'done 2026-11-25 00:05, by 陈钊' $T/demo.out"
check 'what every program wrote is a valid rec file' \
    "recfix --check build/demo/incidents.rec && recfix --check build/demo/alerts.rec"
