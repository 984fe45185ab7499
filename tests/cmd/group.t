# group.t - alerts grouped into incidents (DESIGN 5 step 3,
# inc-classify(1) GROUPING, inc-plan(5) GROUPING): noise is no incident,
# one brute force is one incident, thresholds and windows of the shipped
# sshd rules and of a plan's own, the key (the Alertmanager dedup trap),
# stable ids, live input held no longer than --hold, --append updating
# the incident it wrote, a replay making no second copy, the cap on
# open groups, and the errors a user can reach.
. tests/lib.sh
NOW=2026-12-03T12:00:00+08:00
N="--now $NOW"
plan 33

# failures COUNT ADDRESS HOST [START_MINUTE [STEP_SECONDS]]: sshd lines.
failures() {
	awk -v n="$1" -v a="$2" -v h="$3" -v m="${4:-15}" -v s="${5:-1}" 'BEGIN {
		for (i = 0; i < n; i++) {
			t = m * 60 + i * s
			printf "Dec  3 09:%02d:%02d %s sshd[%d]: Failed password " \
			    "for root from %s port %d ssh2\n", int(t / 60) % 60,
			    t % 60, h, 2000 + i, a, 40000 + i
		}
	}'
}
# count FIELD FILE: how many records carry FIELD
count() { grep -c "^$1:" "$2"; }
value() { sed -n "s/^$1: //p" "$2"; }

failures 4 203.0.113.5 www >$T/four.log
failures 5 203.0.113.5 www >$T/five.log
failures 100 203.0.113.5 www >$T/hundred.log
{ failures 6 203.0.113.5 www; failures 6 198.51.100.9 www; } >$T/two.log
check_out 'sshd: 4 failures from one address are no incident (fail2ban: 5 in 10 minutes)' \
    '0' 'inc-classify --raw $N $T/four.log | grep -c "^id:"'
check_out 'sshd: 5 failures are one incident of 5 alerts' \
    'alerts: 5' 'inc-classify --raw $N $T/five.log | grep "^alerts:"'
inc-classify --raw $N $T/hundred.log >$T/hundred.rec
check 'sshd: 100 failures are one incident, detected at the first, last_seen the last' '
	[ "$(count id $T/hundred.rec)" = 1 ] &&
	[ "$(value alerts $T/hundred.rec)" = 100 ] &&
	[ "$(value detected $T/hundred.rec)" = 2026-12-03T09:15:00+08:00 ] &&
	[ "$(value last_seen $T/hundred.rec)" = 2026-12-03T09:16:39+08:00 ] &&
	[ "$(value address $T/hundred.rec)" = 203.0.113.5 ] &&
	[ "$(value rule $T/hundred.rec)" = sshd-failed-password ]'
check_out 'sshd: its log is bounded: the first three alert lines and the last, each at its time' \
"2026-12-03T09:15:00+08:00 alert: Dec  3 09:15:00 www sshd[2000]: Failed password for root from 203.0.113.5 port 40000 ssh2
2026-12-03T09:15:01+08:00 alert: Dec  3 09:15:01 www sshd[2001]: Failed password for root from 203.0.113.5 port 40001 ssh2
2026-12-03T09:15:02+08:00 alert: Dec  3 09:15:02 www sshd[2002]: Failed password for root from 203.0.113.5 port 40002 ssh2
2026-12-03T09:16:39+08:00 alert: Dec  3 09:16:39 www sshd[2099]: Failed password for root from 203.0.113.5 port 40099 ssh2" \
    'value log $T/hundred.rec'
check 'sshd: the title says what happened, how often, from where, to what' '
	value title $T/hundred.rec | grep -q "^sshd: .*: 100 alerts from 203.0.113.5 on www$"'
check_out 'sshd: two addresses are two incidents' \
"203.0.113.5 6
198.51.100.9 6" \
    'inc-classify --raw $N $T/two.log | awk "/^address:/{a=\$2} /^alerts:/{print a, \$2}"'
# Alertmanager's dedup merged alerts of one summary from different hosts
# (GoAlert #4461): the key holds the host.
{ failures 5 203.0.113.5 www; failures 5 203.0.113.5 db; } >$T/hosts.log
check_out 'the same text on two hosts: two incidents, not one' \
"www
db" 'inc-classify --raw $N $T/hosts.log | value host /dev/stdin'
# A sliding window: 5 failures 3 minutes apart never have 5 within 10.
failures 5 203.0.113.5 www 10 180 >$T/slow.log
check_out 'threshold: 5 failures spread over 12 minutes are none' \
    '0' 'inc-classify --raw $N $T/slow.log | grep -c "^id:"'
{ failures 5 203.0.113.5 www 10; failures 5 203.0.113.5 www 30; } >$T/gap.log
check_out 'window: the same attack again 20 minutes later is a second incident' \
"5
5" 'inc-classify --raw $N $T/gap.log | value alerts /dev/stdin'
check 'the same input gives the same incidents and ids' '
	inc-classify --raw $N $T/two.log >$T/a.rec &&
	inc-classify --raw --now 2026-12-04T08:00:00+08:00 $T/two.log >$T/b.rec &&
	[ "$(value id $T/a.rec)" = "$(value id $T/b.rec)" ] &&
	[ "$(value id $T/a.rec | sort -u | wc -l)" = 2 ]'
check 'grouped records pass recfix --check and read again unchanged' '
	inc-classify --raw $N $T/two.log >$T/a.rec && recfix --check $T/a.rec &&
	inc-classify $N $T/a.rec | cmp -s - $T/a.rec'

# One attacker as sshd and pam_unix log it: "Invalid user", the
# addressless "input_userauth_request" and "check pass" lines, PAM's
# failure, "Failed password", disconnects: one incident of the rules of
# ssh-login-failures; a user who mistyped twice is none.
check_out 'an sshd brute force of 210 lines: one incident, its address, 164 alerts' \
"173.234.31.186 164
inc-classify: lines 210, alerts 166, incidents 1, below threshold 2, unmatched 44, noise 0" \
    'inc-classify --raw --stats --now 2026-12-10T12:00:00+08:00 tests/cmd/group/sshd-attack.log 2>$T/e |
     awk "/^address:/{a=\$2} /^alerts:/{print a, \$2}"; cat $T/e'

# Noise: a line no rule matches, and one an ignore rule names.
cat >$T/noise.log <<'EOF'
Dec  3 09:15:00 www sshd[811]: Accepted publickey for deploy from 192.0.2.10 port 52144 ssh2
Dec  3 09:15:01 www sshd[811]: Received disconnect from 192.0.2.10 port 52144:11: Bye Bye
Dec  3 09:15:02 av01 clamd[77]: Loaded 8675309 virus signatures.
Dec  3 09:15:03 www kernel: [4.2] Out of memory: Killed process 811 (php-fpm)
EOF
check_out 'noise is no incident; an alert alone is one' \
    'rule: kernel-oom' 'inc-classify --raw $N $T/noise.log | grep "^rule:"'
check_out '--all: every line a record of its own, noise as other/other' \
"other/other
other/other
other/other
equipment-failure/hardware-software" \
    'inc-classify --raw --all $N $T/noise.log |
     awk "/^category:/{c=\$2} /^subtype:/{print c \"/\" \$2}"'
check_out '--stats: what became of the lines, one line on standard error' \
    'inc-classify: lines 108, alerts 105, incidents 2, below threshold 0, unmatched 2, noise 1' \
    'cat $T/noise.log $T/hundred.log $T/four.log | inc-classify --raw --stats $N 2>&1 >/dev/null'

# A plan's own rules: a key of host and user, a distinct count of ports.
cp tests/plan/minimal.yaml $T/p.yaml
cat >>$T/p.yaml <<'EOF'
detection:
  window: 5m
  rules:
    - id: user-denied
      subtype: attack/dos
      note: {zh: 用户被拒, en: A user denied}
      pattern: 'denied user (?<user>\S+) from (?<address>\S+)'
      literals: [denied user]
      by: [host, user]
      threshold: 3
    - id: scan
      subtype: attack/dos
      pattern: 'BLOCK SRC=(?<address>\S+) DPT=(?<port>\d+)'
      literals: [block src]
      threshold: 10
      distinct: port
      window: 1m
    - id: flood
      subtype: attack/dos
      keywords: [flood]
EOF
check_status 0 'the plan with grouping rules is valid' 'inc-plan check $T/p.yaml'
printf 'Dec  3 09:00:0%d gw denied user alice from 192.0.2.%d\n' 1 1 2 2 3 3 >$T/users.log
check_out 'by: [host, user]: one user from three addresses is one incident' \
    'alerts: 3' 'inc-classify --plan $T/p.yaml --raw $N $T/users.log | grep "^alerts:"'
awk 'BEGIN { for (i = 0; i < 9; i++) printf "Dec  3 09:00:%02d gw kernel: BLOCK SRC=203.0.113.9 DPT=%d\n", i, 20 + i }' >$T/nine.log
awk 'BEGIN { for (i = 0; i < 10; i++) printf "Dec  3 09:00:%02d gw kernel: BLOCK SRC=203.0.113.9 DPT=%d\n", i, 20 + i }' >$T/ten.log
awk 'BEGIN { for (i = 0; i < 30; i++) printf "Dec  3 09:00:%02d gw kernel: BLOCK SRC=203.0.113.9 DPT=22\n", i }' >$T/same.log
check_out 'distinct: 9 ports are no scan, 10 are one, 30 blocks of one port none' \
"0
1
0" 'for f in nine ten same; do inc-classify --plan $T/p.yaml --raw $N $T/$f.log | grep -c "^id:"; done'
check_out 'the default window (5m here): a keyword rule groups by host within it' \
"2
1" 'printf "Dec  3 09:00:00 gw a flood\nDec  3 09:04:00 gw a flood\nDec  3 09:20:00 gw a flood\n" |
     inc-classify --plan $T/p.yaml --raw $N | value alerts /dev/stdin'

# The cap on open groups: the oldest closed early, said once.
awk 'BEGIN { for (i = 0; i < 3; i++) printf "Dec  3 09:00:0%d h%d a flood\n", i, i;
    for (i = 0; i < 3; i++) printf "Dec  3 09:00:1%d h%d a flood\n", i, i }' >$T/cap.log
check 'the cap: --max-open 2 of 3 hosts closes the oldest early, with one warning' '
	inc-classify --plan $T/p.yaml --raw --max-open 2 $N $T/cap.log >$T/cap.rec 2>$T/e &&
	[ "$(grep -c "2 groups of alerts open, the cap (--max-open): the oldest closed early" $T/e)" = 1 ] &&
	[ "$(count id $T/cap.rec)" = 6 ] &&
	[ "$(value alerts $T/cap.rec | sort -u)" = 1 ]'
check 'the cap: a group below its threshold closed early has its alerts counted' '
	{ failures 4 203.0.113.1 www; failures 4 203.0.113.2 www; failures 4 203.0.113.3 www; } |
	inc-classify --raw --max-open 1 --stats $N >$T/o 2>$T/e &&
	[ ! -s $T/o ] && grep -q "alerts 12, incidents 0, below threshold 12," $T/e'

# Replay: input read again appends nothing; with more alerts, the
# incident is updated in place, what a person added kept.
check 'replay: --append twice from the same log: the file unchanged' '
	inc-classify --raw $N --append $T/f.rec $T/hundred.log &&
	cp $T/f.rec $T/f1.rec && inc-classify --raw $N --append $T/f.rec $T/hundred.log &&
	cmp -s $T/f.rec $T/f1.rec && [ "$(count id $T/f.rec)" = 1 ]'
check 'replay with more lines: the same incident, more alerts, what a person wrote kept' '
	sed -i "/^alerts:/i acknowledged: 2026-12-03T09:30:00+08:00" $T/f.rec &&
	sed -i "/^last_seen:/a log: 2026-12-03T09:31:00+08:00 blocked 203.0.113.5 at the firewall" $T/f.rec &&
	{ cat $T/hundred.log; failures 20 203.0.113.5 www 17; } >$T/more.log &&
	inc-classify --raw $N --append $T/f.rec $T/more.log &&
	[ "$(count id $T/f.rec)" = 1 ] && [ "$(value alerts $T/f.rec)" = 120 ] &&
	grep -q "^acknowledged: 2026-12-03T09:30:00+08:00" $T/f.rec &&
	grep -q "^log: 2026-12-03T09:31:00+08:00 blocked 203.0.113.5 at the firewall$" $T/f.rec &&
	[ "$(grep -c "^log: [^ ]* alert: " $T/f.rec)" = 4 ] &&
	grep -q "^log: 2026-12-03T09:17:19+08:00 alert: .*port 40019 ssh2$" $T/f.rec &&
	recfix --check $T/f.rec'

# Live: alerts through a pipe, the writer holding it open.  The incident
# is written within --hold of its threshold, while the flood goes on;
# with --append its count grows in the file.
live() {	# live OUT ARGS...: 50 alerts, then 50 more once $T/go exists
	out=$1; shift
	rm -f $T/go
	{ failures 50 203.0.113.5 www; while [ ! -f $T/go ]; do sleep 0.1; done;
	  failures 50 203.0.113.5 www 16; } | inc-classify --raw --hold 1 "$@" >$out 2>$T/live.err &
	pid=$!
}
wait_for() {	# wait_for FILE PATTERN: up to 30 s
	i=0
	while ! grep -q "$2" "$1" 2>/dev/null && [ $i -lt 300 ]; do sleep 0.1; i=$((i + 1)); done
	grep -q "$2" "$1"
}
check 'live --append: the incident is in the file within --hold, the flood still going' '
	: >$T/l.rec; live /dev/null $N --append $T/l.rec &&
	wait_for $T/l.rec "^alerts: 50$"; st=$?; touch $T/go; wait $pid; [ $st = 0 ]'
check 'live --append: later alerts update its count in the file, one record' '
	[ "$(count id $T/l.rec)" = 1 ] && [ "$(value alerts $T/l.rec)" = 100 ] &&
	[ ! -s $T/live.err ]'
check 'live on standard output: the incident at --hold, once more when it closes' '
	live $T/s.rec $N && wait_for $T/s.rec "^alerts: 50$"; st=$?; touch $T/go; wait $pid;
	[ $st = 0 ] && [ "$(value alerts $T/s.rec | tr "\n" " ")" = "50 100 " ] &&
	[ "$(value id $T/s.rec | sort -u | wc -l)" = 1 ]'
# waiting PID: until PID waits for input (all read so far), up to 30 s
waiting() {
	i=0
	until grep -qE 'poll|pipe_read' /proc/$1/wchan 2>/dev/null || [ $i -ge 300 ]; do
		sleep 0.1; i=$((i + 1))
	done
}
check 'SIGTERM with an incident held from a FIFO: written, exit 143' '
	rm -f $T/fifo; mkfifo $T/fifo;
	inc-classify --raw --hold 600 $N <$T/fifo >$T/t.rec & pid=$!;
	exec 3>$T/fifo; failures 5 203.0.113.5 www >&3; waiting $pid; kill -TERM $pid;
	wait $pid; st=$?; exec 3>&-; [ $st = 143 ] && [ "$(value alerts $T/t.rec)" = 5 ]'

# Downstream: the notices and the duty report of what --raw made.
check 'a grouped incident downstream: the notices and the duty report name its alerts' '
	{ inc-escalate --notices $N $T/hundred.rec >$T/n.txt; [ $? -le 1 ]; } &&
	[ "$(grep -c "100 alerts from 203.0.113.5, 2026-12-03 09:15 to 09:16" $T/n.txt)" = 4 ] &&
	{ inc-report --day 2026-12-03 $N $T/hundred.rec >$T/r.txt; [ $? -le 1 ]; } &&
	grep -q "2026-12-03 09:16  100     203.0.113.5" $T/r.txt'

# Errors a user can reach.
check_status 2 '--all without --raw: a usage error' 'inc-classify --all $T/a.rec'
check_status 2 '--hold with --all: a usage error (nothing is held)' \
    'inc-classify --raw --all --hold 5 $T/four.log'
check 'a --hold or --max-open that is no number: named, exit 2' '
	{ inc-classify --raw --hold soon $T/four.log 2>$T/e; [ $? = 2 ]; } &&
	grep -q -- "--hold: soon: not a number from 0 to 86400" $T/e &&
	{ inc-classify --raw --max-open 0 $T/four.log 2>$T/e; [ $? = 2 ]; } &&
	grep -q -- "--max-open: 0: not a number from 1 to 10000000" $T/e'
check 'a write error (/dev/full): said, exit 2' '
	inc-classify --raw $N $T/hundred.log >/dev/full 2>$T/e; [ $? = 2 ] &&
	grep -q "write error" $T/e'
check_status 0 'incidents of no level I or II: exit 0' 'inc-classify --raw $N $T/hundred.log >/dev/null'
