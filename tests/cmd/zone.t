#!/bin/sh
# zone.t - the district's clock (DESIGN section 7): the plan's timezone
# when $TZ is unset or empty, $TZ over it, and a zone that does not exist
# an error (exit 2) in every program, never a silent UTC.
. tests/lib.sh
plan 24

D=tests/cmd/inc-plan
A='Nov 24 01:30:00 web1 nginx: SQL injection from 203.0.113.9'
NOW=2026-11-25T00:05:00+08:00

# A plan of the test's own, with a zone of its own (Asia/Tokyo).
sed 's|^  id: example$|  id: example\n  timezone: Asia/Tokyo|' \
    $D/tiny.yaml >"$T/tokyo.yaml"
sed 's|^  id: example$|  id: example\n  timezone: Asia/Shanghia|' \
    $D/tiny.yaml >"$T/typo.yaml"
# detected 01:30 in Beijing: 2026-11-23 in UTC, 2026-11-24 in Mazhang
printf 'id: a\ntitle: x\ndetected: 2026-11-24T01:30:00+08:00\n' >"$T/a.rec"

check_out 'TZ unset: a syslog date is read in the plan zone, Asia/Shanghai' \
    'detected: 2026-11-24T01:30:00+08:00' \
    "echo '$A' | env -u TZ inc-classify --raw --all --now $NOW | grep '^detected:'"
check_out 'TZ empty: the same as unset' \
    'detected: 2026-11-24T01:30:00+08:00' \
    "echo '$A' | TZ= inc-classify --raw --all --now $NOW | grep '^detected:'"
check_out 'TZ set: it overrides the plan' \
    'detected: 2026-11-24T01:30:00+00:00' \
    "echo '$A' | TZ=UTC inc-classify --raw --all --now $NOW | grep '^detected:'"
check_out 'TZ in the forms glibc reads: :Area/City, POSIX, a path' \
    '+09:00 +08:00 -05:00' \
    "for z in :Asia/Tokyo CST-8 /usr/share/zoneinfo/America/New_York; do
       echo '$A' | TZ=\$z inc-classify --raw --all --now $NOW |
       sed -n 's/^detected: .*\\([+-][0-9][0-9]:[0-9][0-9]\\)\$/\\1/p'
     done | paste -s -d ' ' -"
check_out 'another plan, another zone: Asia/Tokyo' \
    'detected: 2026-11-24T01:30:00+09:00' \
    "echo '$A' | env -u TZ inc-classify --plan $T/tokyo.yaml --raw --all --now $NOW | grep '^detected:'"
check_out 'a local --now is read in the plan zone' \
    '2026-11-24T09:00:00+08:00' \
    "printf 'id: a\ndetected: 2026-11-24 08:00\n' | env -u TZ inc-escalate --now '2026-11-24 09:00' | sed -n 's/^due: initial-report pending //p'"
check_out 'the duty report on a UTC-less machine covers Mazhang'"'"'s day' \
    1 "env -u TZ inc-report --day 2026-11-24 --now $NOW --format json $T/a.rec | jq .counts.total"
check_out 'with TZ=UTC the same day is the UTC day' \
    0 "TZ=UTC inc-report --day 2026-11-24 --now $NOW --format json $T/a.rec | jq .counts.total"
check 'the day report says its zone once at the top' \
    "env -u TZ inc-report --day 2026-11-24 --now $NOW --lang en $T/a.rec | sed -n 4p | grep -qx 'Time zone: Asia/Shanghai (UTC+08:00)'"
check 'the day report in Chinese says it too' \
    "env -u TZ inc-report --day 2026-11-24 --now $NOW --lang zh --format markdown $T/a.rec | grep -qx -- '- 时区: Asia/Shanghai (UTC+08:00)'"
check 'the handling report says its zone' \
    "TZ=UTC inc-report --incident a --now $NOW --lang en $T/a.rec | grep -qx 'Time zone: UTC (UTC+00:00)'"

# An unknown zone: exit 2 and a clear message, in every program.
for p in inc-classify inc-escalate inc-checklist inc-report; do
	check "$p: TZ=Asia/Shanghia is exit 2, named, not a silent UTC" \
	    "TZ=Asia/Shanghia $p $T/a.rec >$T/out 2>$T/err; [ \$? -eq 2 ] &&
	     grep -qx '$p: TZ=Asia/Shanghia: no such time zone .*' $T/err && [ ! -s $T/out ]"
done
check 'inc-plan show: TZ=Asia/Shanghia is exit 2' \
    "TZ=Asia/Shanghia inc-plan show >/dev/null 2>$T/err; [ \$? -eq 2 ] &&
     grep -q '^inc-plan: TZ=Asia/Shanghia: no such time zone' $T/err"
check 'inc-plan check: TZ=Asia/Shanghia is exit 2' \
    "TZ=Asia/Shanghia inc-plan check 2>$T/err; [ \$? -eq 2 ] &&
     grep -q '^inc-plan: TZ=Asia/Shanghia: no such time zone' $T/err"
check_status 2 'a zone file that is not one (TZ=/etc/passwd)' \
    "TZ=/etc/passwd inc-report $T/a.rec"
check_status 2 'a directory of zones is not a zone (TZ=Asia)' \
    "TZ=Asia inc-escalate $T/a.rec"

# The plan's key.
check_out 'inc-plan check: an unknown timezone at its line and column' \
    "$T/typo.yaml:6:13: timezone \"Asia/Shanghia\": no such time zone (neither a zone of the tz database, like Asia/Shanghai, nor a POSIX rule, like CST-8)" \
    "inc-plan check $T/typo.yaml 2>&1"
check_status 2 'a plan with an unknown timezone is refused by every program' \
    "env -u TZ inc-report --plan $T/typo.yaml $T/a.rec"
check 'inc-plan check: Asia/Tokyo is fine' "inc-plan check $T/tokyo.yaml"
check_out 'inc-plan show names the zone' 'Time zone: Asia/Shanghai' \
    "inc-plan show --lang en | sed -n 4p"
check_out 'inc-plan show --format json carries it' '"Asia/Shanghai"' \
    "inc-plan show --format json | jq .plan.timezone"
