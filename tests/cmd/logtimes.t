# logtimes.t - inc-classify --raw --all: the times and headers of real logs,
# received, detected_note, and bytes that are not UTF-8 (inc-classify(1),
# ALERT LINES, TIMES, HEADERS).
. tests/lib.sh
D=tests/cmd/logtimes
NOW=2026-12-31T23:59:30+08:00
plan 16

raw() { inc-classify --raw --all "$@"; test $? -le 1; }

## Every form, read at Dec 31 23:59:30

raw --now $NOW $D/lines >$T/out
check_out 'times: each form of the fixture, to the second, its offset kept' \
    $D/detected 'recsel -C -P detected $T/out'
check_out 'headers: tags with parentheses and blanks, RFC 5424 app-name' \
    $D/sources 'recsel -C -P source -e "#source" $T/out'
check_out 'titles: after the time and header; an access log line whole' \
    $D/titles 'recsel -C -P title $T/out'
check_out 'received: every record, the clock' "$(wc -l <$D/lines)" \
    'recsel -c -e "received = '\''$NOW'\''" $T/out'
check_out 'detected_note: only the line without a time, and it says why' \
    'no time in the line that inc-classify reads: detected is received' \
    'recsel -C -P detected_note -e "#detected_note" $T/out'
check 'the output passes recfix --check' 'recfix --check $T/out'

## The clock

check 'received without --now: the current time, in $TZ' '
	before=$(date +%s); echo "no time" | inc-classify --raw --all >$T/now.out
	test $? -le 1; after=$(date +%s)
	r=$(recsel -P received $T/now.out); d=$(date -d "$r" +%s) &&
	test "$d" -ge "$before" && test "$d" -le "$after" &&
	case $r in *+08:00) ;; *) false ;; esac &&
	test "$(recsel -P detected $T/now.out)" = "$r"'
check 'live input: the clock is read for each alert, not once at start' '
	mkfifo $T/fifo &&
	{ inc-classify --raw --all <$T/fifo >$T/live.out & pid=$!
	exec 3>$T/fifo; echo "first alert" >&3; i=0
	while [ ! -s $T/live.out ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
	sleep 1.2; echo "second alert" >&3; exec 3>&-; wait $pid
	r1=$(recsel -P received -e "title = '\''first alert'\''" $T/live.out)
	r2=$(recsel -P received -e "title = '\''second alert'\''" $T/live.out)
	test -n "$r1" && test -n "$r2" &&
	test "$(date -d "$r2" +%s)" -gt "$(date -d "$r1" +%s)"; }'
check_out 'syslog year: at New Year, "Jan  1" just after the clock is next year' \
'2027-01-01T00:00:10+08:00
2026-12-31T23:59:00+08:00
2026-01-02T00:00:10+08:00' '
	printf "%s\n" "Jan  1 00:00:10 h t: a" "Dec 31 23:59:00 h t: b" \
	    "Jan  2 00:00:10 h t: c" | raw --now $NOW >$T/year.out &&
	recsel -C -P detected $T/year.out'

## DST: one way, whatever came before, and said

printf '%s\n' '2026-11-01 01:30:00 fold' '2026-11-01 01:30:00 -05:00 after' \
    '2026-03-08 02:30:00 gap' >$T/dst1
printf '%s\n' '2026-11-01 01:30:00 -05:00 after' '2026-03-08 02:30:00 gap' \
    '2026-11-01 01:30:00 fold' >$T/dst2
TZ=America/New_York raw --now 2026-11-24T12:00:00-05:00 $T/dst1 >$T/dst1.out
TZ=America/New_York raw --now 2026-11-24T12:00:00-05:00 $T/dst2 >$T/dst2.out
check_out 'DST fold: the first of the two, whatever line came before' \
'2026-11-01T01:30:00-04:00
2026-11-01T01:30:00-04:00' '
	recsel -C -P detected -e "title = '\''fold'\''" $T/dst1.out $T/dst2.out'
check_out 'DST gap: moved forward by the gap' \
    '2026-03-08T03:30:00-04:00' \
    'recsel -C -P detected -e "title = '\''gap'\''" $T/dst2.out'
check_out 'DST: the gap and the fold say so, the offset given does not' \
'local time 2026-11-01 01:30:00 happens twice (clocks went back): the first taken
local time 2026-03-08 02:30:00 does not exist (clocks went forward): read as 1h later' \
    'recsel -C -P detected_note -e "#detected_note" $T/dst1.out'

## Bytes that are not UTF-8

printf 'Nov 24 09:15:00 web01 app: bad \377 byte, \300\200 overlong, 中文 ok\n' |
    raw --now $NOW >$T/utf8.out
check 'invalid UTF-8: recfix --check accepts the output' 'recfix --check $T/utf8.out'
check_out 'invalid UTF-8: each byte written \xHH, UTF-8 as it is' \
    'bad \xFF byte, \xC0\x80 overlong, 中文 ok' 'recsel -C -P title $T/utf8.out'
check 'invalid UTF-8: a second run over the output changes nothing' '
	inc-classify --now $NOW $T/utf8.out >$T/utf8.again; test $? -le 1 &&
	cmp $T/utf8.out $T/utf8.again'
check 'invalid UTF-8: a long line of it, cut, still makes a record that reads again' '
	{ head -c 600000 /dev/zero | tr "\\0" "\\377"; echo; } >$T/long &&
	raw --now $NOW $T/long >$T/long.out &&
	m=$(awk "length(\$0) > m {m = length(\$0)} END {print m}" $T/long.out) &&
	test "$m" -gt 1000000 && test "$m" -lt 1048576 &&
	grep -q "^title: \(\\\\xFF\)*\$" $T/long.out &&
	recfix --check $T/long.out &&
	inc-classify --now $NOW $T/long.out >$T/long.again; test $? -le 1 &&
	cmp $T/long.out $T/long.again'
