# classify.t - inc-classify: alert lines and records in, classified
# records out (inc-classify(1)).
. tests/lib.sh
D=tests/cmd/classify
NOW=2026-11-24T15:00:00+08:00
plan 56

# The alert fixture without its comments, and its columns.
grep -v '^#' $D/alerts.tsv >"$T/alerts.tsv"
cut -f4 "$T/alerts.tsv" >"$T/alerts"
cut -f1,2 "$T/alerts.tsv" >"$T/want-taxonomy"
# category TAB subtype of each record of a record file.
taxonomy() {
	awk '/^category: /{c = $2} /^subtype: /{print c "\t" $2}' "$@"
}

## Alert lines

check_status 0 'alerts: no loss or impact, so no level, and no error: exit 0' \
    'inc-classify --raw --all --now $NOW $T/alerts >$T/run1'
check_out 'alerts: every hand-written line gets its category and subtype' \
    "$T/want-taxonomy" 'taxonomy $T/run1'
# Every subtype of the plan: a Chinese line and an English one.
if command -v inc-plan >/dev/null 2>&1; then
	inc-plan show --format json | jq -r '.categories[] | .id as $c |
	    .subtypes[] | "\($c)\t\(.id)"' >"$T/subtypes"
else
	awk '/^categories:/ {on = 1} /^[a-z]/ && !/^categories:/ {on = 0}
	    on && /^  - id:/ {c = $3} on && /^      - id:/ {print c "\t" $3}' \
	    share/inc/plan.yaml >"$T/subtypes"
fi
check 'alerts: every subtype of the plan has a zh and an en line' '
	test -s $T/subtypes &&
	while IFS="	" read -r c s; do
		for lang in zh en; do
			awk -F"	" -v c="$c" -v s="$s" -v l=$lang \
			    "\$1 == c && \$2 == s && \$3 == l {f = 1} END {exit !f}" \
			    $T/alerts.tsv || { echo "no $lang line for $c/$s"; exit 1; }
		done
	done <$T/subtypes'
check 'alerts: the output passes recfix --check' 'recfix --check $T/run1'
check_out 'alerts: the output reads with recsel' "$(grep -c '^disaster	' \
    $T/alerts.tsv)" 'recsel -c -e "category = '\''disaster'\''" $T/run1'
check 'alerts: the matched keyword is named, no match says none' '
	recsel -C -P match -e "title = '\''网站首页被篡改'\''" $T/run1 | grep -qx 篡改 &&
	recsel -C -P match -e "title = '\''用户登录成功'\''" $T/run1 | grep -qx none'
check 'alerts: level_basis says what is missing' '
	test "$(grep -c "^level_basis: no level (plan): importance, loss and impact not given (" $T/run1)" \
	    = "$(wc -l <$T/alerts)"'
check_status 0 'alerts: the same input gives the same ids' '
	inc-classify --raw --all --now $NOW $T/alerts >$T/run1b; cmp $T/run1 $T/run1b'
check 'alerts: ids are unique' '
	test "$(recsel -C -P id $T/run1 | sort -u | wc -l)" = "$(wc -l <$T/alerts)"'
check 'alerts: a second run over its own output changes nothing' '
	inc-classify --now $NOW $T/run1 >$T/run2; test $? -le 1 &&
	cmp $T/run1 $T/run2'

# --raw --all writes what classify adds to an alert from the first alert of
# each keyword (inc-classify(1), ALERT LINES): the alerts four times
# over, with no header, a host and a tag, a host alone, a tag alone, in
# turn from line to line (so that the first alert of a keyword is of
# every kind), must give records of the fields --raw --all makes, once each
# (a line with no time of its own has a detected_note, one of the
# fixture's with its own local time none), and what classifying
# records of those fields gives.
awk 'BEGIN {
	h[0] = ""; h[1] = "Nov 24 09:15:00 web01 sshd[1]: "
	h[2] = "2026-11-24T01:00:00Z waf01 "
	h[3] = "2026-11-24T02:00:00+08:00 sshd[7]: "
} { a[NR] = $0 } END {
	for (k = 0; k < 4; k++)
		for (i = 1; i <= NR; i++)
			print h[(i + k) % 4] a[i]
}' "$T/alerts" >"$T/four"
check 'alerts: what --raw --all adds to each is what classify gives its record' '
	inc-classify --raw --all --now $NOW $T/four >$T/four.out; test $? = 0 &&
	awk -F: "NF {n = n \$1 \" \"; next} {print n; n = \"\"}
	    END {if (n != \"\") print n}" $T/four.out | sort -u >$T/four.shapes &&
	! grep -v -x -E "id detected received (detected_note )?(source (host )?)?title (address )?(rule )?category subtype match level_basis " $T/four.shapes &&
	test "$(grep -c -x -E "id detected received (detected_note )?(source (host )?)?title rule category subtype match level_basis " $T/four.shapes)" = 4 &&
	grep -v -E "^(category|subtype|match|level|level_basis):" \
	    $T/four.out >$T/four.bare &&
	inc-classify --now $NOW $T/four.bare >$T/four.again; test $? = 1 &&
	cmp $T/four.out $T/four.again'

check 'alerts: a NUL ends the value it falls in, and what is after it is not matched' '
	printf "Nov 24 09:15:00 web01 sshd[1]: login ok\0DDoS\n" |
	inc-classify --raw --all --now $NOW >$T/nul.out; test $? = 0 &&
	grep -qx "title: login ok" $T/nul.out && grep -qx "match: none" $T/nul.out &&
	! grep -q DDoS $T/nul.out'

check 'alerts from a pipe: each record written as soon as it is made' '
	mkfifo $T/fifo &&
	{ inc-classify --raw --all --now $NOW <$T/fifo >$T/live.out & pid=$!
	exec 3>$T/fifo; echo "DDoS now" >&3; i=0
	while [ ! -s $T/live.out ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
	early=$(grep -c "^title: DDoS now" $T/live.out)
	exec 3>&-; wait $pid; test "$early" = 1; }'

## Timestamps, source, ids of raw lines

printf '%s\n' 'Nov 24 09:15:00 web01 sshd[123]: brute force from 192.0.2.1' \
    'Dec 31 23:00:00 fw01 kernel: DDoS' \
    '2026-11-24T01:00:00Z waf01 modsecurity: XSS blocked' \
    '2026-11-24 10:30 网站首页被篡改' \
    'no timestamp at all' '' '   ' \
    'same line' 'same line' >"$T/times"
inc-classify --raw --all --now $NOW "$T/times" >"$T/times.out" 2>"$T/times.err"
check_out 'timestamps: syslog, last year, RFC 3339, local, none' \
"2026-11-24T09:15:00+08:00
2025-12-31T23:00:00+08:00
2026-11-24T01:00:00+00:00
2026-11-24T10:30:00+08:00
2026-11-24T15:00:00+08:00
2026-11-24T15:00:00+08:00
2026-11-24T15:00:00+08:00" 'recsel -C -P detected $T/times.out'
check_out 'source: the syslog tag' 'sshd
kernel
modsecurity' 'recsel -C -P source $T/times.out'
check_out 'title: the message, without the header' \
    'brute force from 192.0.2.1' 'recsel -C -n 0 -P title $T/times.out'
check_out 'host: the syslog host' 'web01
fw01
waf01' 'recsel -C -P host $T/times.out'
check 'ids: the date of detected, 12 hex digits' '
	recsel -C -P id $T/times.out | sed -n "1p;2p" >$T/ids &&
	grep -Eq "^inc-20261124-[0-9a-f]{12}\$" $T/ids &&
	sed -n 2p $T/ids | grep -q "^inc-20251231-"'
check 'ids: identical lines get distinct ids' '
	recsel -C -P id -e "title = '\''same line'\''" $T/times.out >$T/same &&
	test "$(sort -u $T/same | wc -l)" = 2'
check 'blank lines are no alerts' \
    'test "$(recsel -c $T/times.out)" = 7 && test ! -s $T/times.err'

## Records

check_status 1 'records: one level cannot be determined: exit 1' \
    'inc-classify --now $NOW $D/records.rec >$T/rec1'
check_out 'records: what is missing filled, the rest byte for byte' \
    $D/records.out 'cat $T/rec1'
check 'records: the output passes recfix --check' 'recfix --check $T/rec1'
check_status 1 'records: a second run changes nothing' '
	inc-classify --now $NOW $T/rec1 >$T/rec2; r=$?; cmp $T/rec1 $T/rec2 && exit $r'
check_status 0 'records: every level determined: exit 0' '
	printf "title: DDoS\nimportance: critical\nloss: serious\n" |
	    inc-classify --now $NOW | grep -qx "level: II"'
check_status 0 'records: impact alone gives a level, naming what is missing' '
	printf "title: x\nimpact: considerable\n" | inc-classify --now $NOW |
	    grep -qx "level_basis: III (plan): impact considerable → III; importance and loss not given (一(五)2)"'

printf '%s\n' 'title: DDoS' 'system: portal' 'loss: serious' >"$T/follow.rec"
inc-classify --now $NOW "$T/follow.rec" >"$T/follow1.rec"
check 'a level computed before follows an impact added later' '
	grep . $T/follow1.rec >$T/f && echo "impact: major" >>$T/f &&
	mv $T/f $T/follow1.rec &&
	inc-classify --now $NOW $T/follow1.rec >$T/follow2.rec &&
	grep -qx "level: II" $T/follow2.rec &&
	grep -qx "level_basis: II (plan): important × serious → III; impact major → II; the more severe: II (一(五)2)" $T/follow2.rec'
check 'a level a person changed is kept, and the basis says so' '
	sed "s/^level: II\$/level: I/" $T/follow2.rec >$T/follow3.rec &&
	inc-classify --now $NOW $T/follow3.rec >$T/follow4.rec &&
	grep -qx "level: I" $T/follow4.rec &&
	grep -qx "level_basis: level set by hand; the plan gives: II (plan): important × serious → III; impact major → II; the more severe: II (一(五)2)" $T/follow4.rec'
check_status 1 'a level computed before goes when its inputs go' '
	grep -v "^loss:" $T/follow1.rec | grep -v "^impact:" |
	    inc-classify --now $NOW >$T/follow5.rec; r=$?
	! grep -q "^level:" $T/follow5.rec &&
	grep -qx "level_basis: no level (plan): loss and impact not given (一(五)2)" $T/follow5.rec &&
	exit $r'

printf '%s\n' 'title: 网站首页被篡改' 'category: disaster' 'subtype: fire' \
    'importance: critical' 'loss: extreme' 'level: IV' 'system: oa' \
    >"$T/person.rec"
check_status 0 'person-set values are kept' '
	inc-classify --now $NOW $T/person.rec >$T/person.out 2>$T/person.err &&
	head -n 7 $T/person.out | cmp - $T/person.rec && test ! -s $T/person.err'
check 'person-set level: the basis says so and what the plan gives' '
	grep -qx "level_basis: level set by hand; the plan gives: I (plan): critical × extreme → I; impact not given (一(五)2)" $T/person.out'
check_status 0 '--force recomputes and says what it changed' '
	inc-classify --force --now $NOW $T/person.rec >$T/force.out 2>$T/force.err'
check_out '--force: the messages, with file and line' \
"inc-classify: $T/person.rec:2: --force: category was \"disaster\", now \"information-destruction\"
inc-classify: $T/person.rec:3: --force: subtype was \"fire\", now \"tampering\"
inc-classify: $T/person.rec:4: --force: importance was \"critical\", now \"general\"
inc-classify: $T/person.rec:6: --force: level was \"IV\", now \"III\"" 'cat $T/force.err'
check '--force: the new values are written' '
	grep -qx "category: information-destruction" $T/force.out &&
	grep -qx "level: III" $T/force.out &&
	grep -qx "level_basis: III (plan): general × extreme → III; impact not given (一(五)2)" $T/force.out'
check '--force: without a keyword a person'\''s category stays' '
	printf "title: nothing to see\ncategory: disaster\nsubtype: fire\n" |
	    inc-classify --force --now $NOW 2>$T/err | grep -qx "subtype: fire" &&
	test ! -s $T/err'
check 'a subtype alone gives its category' '
	printf "title: x\nsubtype: phishing\n" | inc-classify --now $NOW |
	    grep -qx "category: network-attack"'

## Bad values: exit 2, file:line, the record still written

printf '%s\n' 'title: good one' 'impact: general' '' \
    'title: bad ones' 'category: nonsense' 'importance: huge' 'loss: total' \
    'impact: world' 'level: V' 'detected: yesterday' '' \
    'title: good two' 'impact: major' >"$T/bad.rec"
check_status 2 'bad values: exit 2' \
    'inc-classify --now $NOW $T/bad.rec >$T/bad.out 2>$T/bad.err'
check_out 'bad values: each reported at its line' \
"inc-classify: $T/bad.rec:5: category \"nonsense\": not a category of the plan
inc-classify: $T/bad.rec:6: importance \"huge\": not an importance of the plan
inc-classify: $T/bad.rec:7: loss \"total\": not a loss of the plan
inc-classify: $T/bad.rec:8: impact \"world\": not an impact of the plan
inc-classify: $T/bad.rec:9: level \"V\": not a level (I, II, III or IV)
inc-classify: $T/bad.rec:10: detected \"yesterday\": not a time (like 2026-11-24T09:15:00+08:00 or 2026-11-24 09:15)" \
    'cat $T/bad.err'
check 'bad values: left as they are, good records around classified' '
	sed -n 4,10p $T/bad.rec >$T/want &&
	awk "BEGIN {RS = \"\"} /title: bad ones/" $T/bad.out | head -n 7 |
	    cmp - $T/want && test "$(grep -c "^level_basis: " $T/bad.out)" = 2'
check_status 2 'a subtype not of its category: exit 2' '
	printf "title: x\ncategory: disaster\nsubtype: phishing\n" |
	    inc-classify --now $NOW 2>&1 >/dev/null |
	    grep -q "^inc-classify: -:3: subtype \"phishing\": not a subtype of its category" && exit 2'
check_status 2 'a subtype of no category: exit 2' '
	printf "title: x\nsubtype: nonsense\n" | inc-classify --now $NOW 2>&1 >/dev/null |
	    grep -qx "inc-classify: -:2: subtype \"nonsense\": not a subtype of the plan" && exit 2'
check_status 2 'a subtype in several categories, no keyword: set category' '
	printf "title: x\nsubtype: other\n" | inc-classify --now $NOW 2>&1 >/dev/null |
	    grep -qx "inc-classify: -:2: subtype \"other\": in several categories: set category" && exit 2'
check 'a hostile value reaches the terminal without its control bytes' '
	printf "title: x\ncategory: \033[2J\033]0;pwned\a\n" |
	    inc-classify --now $NOW 2>$T/hostile.err >$T/hostile.out; test $? = 2 &&
	! grep -q "$(printf "\033")" $T/hostile.err &&
	grep -q "$(printf "\033")" $T/hostile.out'
check_status 2 'a line over 1 MiB: reported, cut, still a record' '
	{ head -c 1100000 /dev/zero | tr "\0" a; echo; echo DDoS; } >$T/long &&
	inc-classify --raw --all --now $NOW $T/long >$T/long.out 2>$T/long.err; r=$?
	test "$(recsel -c $T/long.out)" = 2 && grep -q "long:1:" $T/long.err && exit $r'
check_status 2 'an unparseable record: reported, passed through, exit 2' '
	printf "title: x\nnot a field\n\ntitle: y\n" >$T/broken.rec
	inc-classify --now $NOW $T/broken.rec >$T/broken.out 2>$T/broken.err; r=$?
	grep -qx "not a field" $T/broken.out && grep -q "broken.rec:2:" $T/broken.err &&
	grep -qx "title: y" $T/broken.out && exit $r'

## -i

cp $D/records.rec "$T/inplace.rec"
check 'in place: the file is classified, nothing on standard output' '
	inc-classify -i --now $NOW $T/inplace.rec >$T/inplace.stdout; test $? = 1 &&
	test ! -s $T/inplace.stdout && cmp $T/inplace.rec $D/records.out'
check 'in place: a second run leaves the file as it is' '
	cp $T/inplace.rec $T/inplace.before &&
	inc-classify -i --now $NOW $T/inplace.rec; cmp $T/inplace.rec $T/inplace.before'

## Usage and output errors

check_status 2 'usage: an unknown option' 'inc-classify --bogus </dev/null'
check_status 2 'usage: -i with --raw --all' 'inc-classify -i --raw --all $T/alerts'
check_status 2 'usage: -i without files' 'inc-classify -i </dev/null'
check_status 2 'usage: a --now that is no time' 'inc-classify --now soon </dev/null'
check_status 0 '--version' 'inc-classify --version | grep -q .'
check_status 0 '--help: usage on standard output' \
    'inc-classify --help | grep -q "^usage: inc-classify"'
check_status 2 'a write error (/dev/full): alerts' \
    'inc-classify --raw --all --now $NOW $T/alerts >/dev/full'
check_status 2 'a write error (/dev/full): records' \
    'inc-classify --now $NOW $D/records.rec >/dev/full'
check_status 2 'a file that cannot be read' \
    'inc-classify --now $NOW $T/no-such-file'
