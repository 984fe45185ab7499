# hardening.t - the second hostile-input round (issue 18): file names
# quoted in messages, escapes in plan texts, the roster's limits, a
# non-blocking standard input, write errors with their reason, CSV
# formulas after blanks, duplicate incidents, NUL in values, the edges
# of time.
. tests/lib.sh
N='--now 2026-11-24T12:00:00+08:00'
H=tests/cmd/hardening
TIMEOUT=${HOSTILE_TIMEOUT:-60}
printf 'id: a\ndetected: 2026-11-24T09:15:00+08:00\ntitle: first\n\nid: b\ndetected: 2026-11-24T10:15:00+08:00\ntitle: second\n' >$T/two.rec
printf '2026-11-24T09:00:00+08:00 web1 sshd: Failed password for root from 198.51.100.7\n2026-11-24T09:00:05+08:00 web1 sshd: Failed password for root from 198.51.100.8\n' >$T/alerts.log


# --- 1. File names in messages are escaped as values are.
E=$(printf '\033]0;TITLE\007\033[2J')
mkdir -p "$T/escn"
BAD="$T/escn/$E.rec"
printf 'id: a\ndetected: bogus\n' >"$BAD"
noraw() {	# no ESC nor BEL in $T/e, and the name shown escaped
	! grep -q "$(printf '[\033\007]')" $T/e &&
	    grep -q 'escn/\\x1b\]0;TITLE\\x07\\x1b\[2J' $T/e
}
check 'a data error names the file escaped' \
    "inc-escalate $N --notices \"\$BAD\" >/dev/null 2>$T/e; noraw &&
     grep -q 'J.rec:2: detected: not a time' $T/e"
check 'a file that cannot be opened is named escaped' \
    "inc-classify \"\$T/escn/\$E.none\" >/dev/null 2>$T/e; noraw"
check 'the roster is named escaped' \
    "inc-escalate $N --roster \"\$T/escn/\$E.none\" $T/two.rec >/dev/null 2>$T/e; noraw"
check 'a plan is named escaped by inc-plan check' \
    "inc-plan check \"\$BAD\" 2>$T/e; noraw"
check 'a plan is named escaped by --plan' \
    "inc-escalate --plan \"\$BAD\" $T/two.rec >/dev/null 2>$T/e; noraw"
check 'a record without id in --pending: its file escaped on stdout' \
    "printf 'detected: 2026-11-24T09:15:00+08:00\\ncategory: disaster\\nsubtype: fire\\n' >\"\$BAD\";
     inc-checklist --pending \"\$BAD\" >$T/e 2>&1; noraw"
check 'inc-checklist: an operand neither procedure nor file, escaped' \
    "inc-checklist \"\$T/escn/\$E\" >/dev/null 2>$T/e; noraw"

# --- 2. Escapes in a plan's double-quoted scalars: refused where they
# stand, as a control byte in the file is.
PLAN=share/inc/plan.yaml
EN='en: Mazhang District Government Website Emergency Response Plan}'
line=$(grep -n "$EN" $PLAN | cut -d: -f1)
# The column of the value's opening quote, counted in characters.
col=$(($(grep "$EN" $PLAN | sed 's/en: Mazhang.*//' | tr -d '\n' | wc -m) + 5))
for esc in '\\e[31m' '\\x9b2J' '\\u202e' '\\u2066' '\\a' '\\x7f' '\\u2028' '\\x85' '\\x01'; do
	check "plan text with \"$esc\": inc-plan check says file:line:column" \
	    "sed 's/$EN/en: \"x $esc y\"}/' $PLAN >$T/esc.yaml;
	     inc-plan check $T/esc.yaml 2>$T/e; [ \$? -eq 2 ] &&
	     grep -q \"^$T/esc.yaml:$line:$col: .*U+\" $T/e"
done
check 'plan text with "\\t" and "\\n" is still a plan' \
    "sed 's/$EN/en: \"tab\\\\tand\\\\nline\"}/' $PLAN >$T/ok.yaml; inc-plan check $T/ok.yaml"
check 'every program refuses the plan: no ESC, C1 or bidi reaches stdout' \
    "sed 's/$EN/en: \"\\\\e[2J\\\\x9b31m\\\\u202eevil\"}/' $PLAN >$T/esc.yaml;
     for p in 'inc-checklist network-attack' 'inc-plan show' 'inc-escalate $N --notices $T/two.rec' \
	 'inc-report --day 2026-11-24 $T/two.rec'; do
	 \$p --plan $T/esc.yaml >$T/o 2>$T/e; [ \$? -eq 2 ] || exit 1; [ ! -s $T/o ] || exit 1
	 grep -q 'esc.yaml:$line:' $T/e || exit 1
     done"
check 'two escapes in one value: said once' \
    "sed 's/$EN/en: \"\\\\e \\\\u202e\"}/' $PLAN >$T/esc.yaml;
     inc-plan check $T/esc.yaml 2>$T/e; [ \$(grep -c . $T/e) -eq 1 ]"

# --- 3. The roster has limits: 4 MiB, 50,000 entries; past them, an error.
check_status 2 'the roster /dev/zero: refused promptly' \
    "timeout $TIMEOUT inc-escalate $N --roster /dev/zero $T/two.rec >/dev/null 2>$T/e2;
     st=\$?; grep -q '/dev/zero: roster: larger than 4 MiB' $T/e2 && exit \$st"
check_status 2 'endless blank lines as the roster: refused' \
    "yes '' | timeout $TIMEOUT inc-escalate $N --roster /dev/stdin $T/two.rec >/dev/null 2>$T/e2;
     st=\$?; grep -q 'roster: larger than 4 MiB' $T/e2 && exit \$st"
check_status 2 'a 5 MB roster file: refused, by its size' \
    "head -c 5000000 /dev/zero | tr '\\0' x >$T/big.roster;
     inc-report --day 2026-11-24 --roster $T/big.roster $T/two.rec >/dev/null 2>$T/e2;
     st=\$?; grep -q 'roster: larger than 4 MiB' $T/e2 && exit \$st"
check_status 2 '50,001 roster entries: refused at the entry past the limit' \
    "yes 'date: 2026-11-24' | head -n 50001 >$T/many.roster; echo 'name: x' >>$T/many.roster;
     inc-escalate $N --roster $T/many.roster $T/two.rec >/dev/null 2>$T/e2;
     st=\$?; grep -q 'many.roster:1: more than 50000 roster entries' $T/e2 && exit \$st"
check 'a roster of 10,000 entries is read' \
    "for i in \$(seq 10000); do printf 'date: 2026-11-24\\nname: x%s\\n\\n' \$i; done >$T/ok.roster;
     inc-report --day 2026-11-24 --roster $T/ok.roster --format json $T/two.rec | jq -e '.duty.on_duty.name == \"x1\"' >/dev/null"

# --- 4. A non-blocking standard input is waited on, not an error.
check 'O_NONBLOCK stdin fed slowly: records read to the end' \
    "timeout $TIMEOUT python3 $H/slowfeed.py inc-escalate $N <$T/two.rec >$T/o 2>$T/e;
     [ \$? -ne 2 ] && ! grep -q . $T/e && [ \$(grep -c '^id: ' $T/o) -eq 2 ]"
check 'O_NONBLOCK stdin fed slowly: alert lines read to the end' \
    "timeout $TIMEOUT python3 $H/slowfeed.py inc-classify --raw --all $N <$T/alerts.log >$T/o 2>$T/e;
     [ \$? -ne 2 ] && ! grep -q 'read error' $T/e && [ \$(grep -c '^id: ' $T/o) -eq 2 ]"

# --- 5. Every write error says why.
while read -r m; do
	check "> /dev/full: $m says why" \
	    "$m <$T/two.rec >/dev/full 2>$T/e; [ \$? -eq 2 ] &&
	     grep -q '^[a-z-]*: write error: No space left on device\$' $T/e"
done <<MODES
inc-classify
inc-classify --raw --all $N
inc-escalate $N
inc-escalate $N --notices
inc-checklist
inc-checklist --pending
inc-report --day 2026-11-24
inc-report --day 2026-11-24 --format markdown
inc-report --day 2026-11-24 --format csv
inc-report --day 2026-11-24 --format json
inc-report --incident a --format json
inc-plan show
inc-plan show --format json
MODES
check '> /dev/full: inc-classify --raw --all over many lines says why' \
    "for i in \$(seq 2000); do cat $T/alerts.log; done >$T/many.log;
     inc-classify --raw --all $N $T/many.log >/dev/full 2>$T/e; [ \$? -eq 2 ] &&
     grep -q 'write error: No space left on device' $T/e"

# --- 6. CSV: a formula after blanks or a line break is guarded too.
printf 'id: f\ndetected: 2026-11-24T09:15:00+08:00\ntitle:  =1+1\nsystem:\n+ +SUM(A1)\n' >$T/formula.rec
check 'csv: " =1+1" and a value continued onto "+SUM" get the quote' \
    "inc-report --day 2026-11-24 --format csv $T/formula.rec >$T/o;
     grep -q \"\\\"' =1+1\\\"\" $T/o && grep -q \"\\\"'\\\$\" $T/o"

# --- 7. The same id twice: said on stderr; filters pass both copies,
# reports and --incident take the last.
printf 'id: a\ndetected: 2026-11-24T09:15:00+08:00\ntitle: second copy\nlevel: II\n' >$T/again.rec
printf 'id: a\ndetected: 2026-11-25T09:15:00+08:00\ntitle: moved to the next day\n' >$T/moved.rec
for m in "inc-classify" "inc-escalate $N" "inc-checklist"; do
	check "same id in two files: $m says where, passes both" \
	    "$m $T/two.rec $T/again.rec >$T/o 2>$T/e;
	     grep -q '^[a-z-]*: $T/again.rec:1: id a also at $T/two.rec:1\$' $T/e &&
	     [ \$(grep -c '^id: a\$' $T/o) -eq 2 ]"
done
check 'same id twice in one file: said, with both lines' \
    "cat $T/two.rec >$T/twice.rec; printf '\\n' >>$T/twice.rec; cat $T/again.rec >>$T/twice.rec;
     inc-escalate $N $T/twice.rec >/dev/null 2>$T/e;
     grep -q 'twice.rec:9: id a also at .*twice.rec:1\$' $T/e"
check 'a third copy is said against the second' \
    "inc-escalate $N $T/two.rec $T/again.rec $T/again.rec >/dev/null 2>$T/e;
     [ \$(grep -c 'also at' $T/e) -eq 2 ] && grep -q 'again.rec:1: id a also at .*again.rec:1\$' $T/e"
check 'a file read twice: 20 duplicates said, then no more' \
    "for i in \$(seq 30); do printf 'id: r%s\\ndetected: 2026-11-24T09:15:00+08:00\\n\\n' \$i; done >$T/thirty.rec;
     inc-escalate $N $T/thirty.rec $T/thirty.rec >/dev/null 2>$T/e;
     [ \$(grep -c 'also at' $T/e) -eq 20 ] && grep -q 'further ids seen twice are not listed' $T/e"
check 'a duplicate is no error: the exit status is the same' \
    "inc-escalate $N $T/two.rec >/dev/null 2>&1; a=\$?;
     inc-escalate $N $T/two.rec $T/two.rec >/dev/null 2>&1; [ \$? -eq \$a ]"
# The filters compare the last 8,192 to 16,384 distinct ids, not every
# one, so that their memory stays bounded (inc-record(5)); reports keep
# every copy they show, so the last still wins there.
gap() {	# n: "a", n other ids, "a" again
	awk -v n="$1" 'BEGIN { r = "detected: 2026-11-24T09:15:00+08:00\n"
	    printf "id: a\n%s\n", r
	    for (i = 1; i <= n; i++) printf "id: r%d\n%s\n", i, r
	    printf "id: a\n%stitle: last\n", r }'
}
check 'a copy 8,000 distinct ids later is said' \
    "gap 8000 >$T/gap.rec; inc-escalate $N $T/gap.rec >/dev/null 2>$T/e;
     grep -qx 'inc-escalate: $T/gap.rec:24004: id a also at $T/gap.rec:1' $T/e"
check 'a copy 20,000 distinct ids later is not: the window has moved on' \
    "gap 20000 >$T/gap.rec; inc-escalate $N $T/gap.rec >$T/o 2>$T/e;
     ! grep -q 'also at' $T/e && [ \$(grep -c '^id: a\$' $T/o) -eq 2 ]"
check 'the day report still takes the last copy of it, counted once' \
    "gap 20000 >$T/gap.rec; inc-report --day 2026-11-24 --format csv $T/gap.rec >$T/o 2>/dev/null;
     [ \$(grep -c '^\"a\"' $T/o) -eq 1 ] && grep '^\"a\"' $T/o | grep -q last"
check 'day report: the last copy wins, counted once' \
    "inc-report --day 2026-11-24 --format json $T/two.rec $T/again.rec 2>$T/e |
     jq -e '.counts.level.II == 1 and ([.incidents[].id] | sort) == [\"a\", \"b\"] and
	    (.incidents[] | select(.id == \"a\") | .title) == \"second copy\"' >/dev/null &&
     grep -q 'id a also at' $T/e"
check 'day report: a last copy outside the period takes the first out' \
    "inc-report --day 2026-11-24 --format json $T/two.rec $T/moved.rec 2>/dev/null |
     jq -e '[.incidents[].id] == [\"b\"] and .counts.level.unknown == 1' >/dev/null"
check 'day report: in csv too, one row per id' \
    "[ \$(inc-report --day 2026-11-24 --format csv $T/two.rec $T/again.rec $T/two.rec 2>/dev/null | grep -c '^\"a\"') -eq 1 ]"
check '--incident: the last copy' \
    "inc-report --incident a --format json $T/two.rec $T/again.rec 2>/dev/null | jq -e '.title == \"second copy\"' >/dev/null"

# --- 8. A NUL in a value: a data error where it is interpreted, shown
# escaped where it is only shown.
printf 'id: z\ndetected: 2026-11-24T09:00:00+08:00\000garbage\ntitle: t\n' >$T/nul-time.rec
for m in "inc-classify" "inc-escalate $N" "inc-escalate $N --notices" "inc-checklist" \
    "inc-report --day 2026-11-24 --format json"; do
	check "NUL in detected: $m says file:line, exit 2" \
	    "$m $T/nul-time.rec >$T/o 2>$T/e; [ \$? -eq 2 ] &&
	     grep -q 'nul-time.rec:2: detected: a NUL byte in the value' $T/e"
done
check 'NUL in detected: a filter passes the record through as read' \
    "inc-escalate $N $T/nul-time.rec 2>/dev/null >$T/nul-time.out;
     { cat $T/nul-time.rec; echo; } | cmp -s - $T/nul-time.out	# and its blank line"
check 'NUL in detected: not counted by the day report' \
    "inc-report --day 2026-11-24 --format json $T/nul-time.rec 2>/dev/null | jq -e '.incidents == []' >/dev/null"
printf 'id: z\ndetected: 2026-11-24T09:00:00+08:00\nlevel: II\000x\n' >$T/nul-level.rec
check 'NUL in level: a data error' \
    "inc-escalate $N $T/nul-level.rec >/dev/null 2>$T/e; [ \$? -eq 2 ] &&
     grep -q 'nul-level.rec:3: level: a NUL byte' $T/e"
printf 'id: z\ndetected: 2026-11-24T09:00:00+08:00\ntitle: x\000y\nlog: 2026-11-24T09:10:00+08:00 x\000y\n' >$T/nul-text.rec
check 'NUL in title and log: JSON shows \\u0000, nothing cut' \
    "inc-report --incident z --format json $T/nul-text.rec >$T/o;
     jq -e '.title == \"x\\u0000y\" and .timeline[0].text == \"x\\u0000y\"' $T/o >/dev/null"
check 'NUL in title: the day report JSON shows it' \
    "inc-report --day 2026-11-24 --format json $T/nul-text.rec | jq -e '.incidents[0].title == \"x\\u0000y\"' >/dev/null"
check 'NUL in title and log: the text report shows \\x00' \
    "inc-report --incident z $T/nul-text.rec >$T/o;
     [ \$(grep -c 'x\\\\x00y' $T/o) -eq 2 ]"
check 'NUL in title: notices show \\x00' \
    "inc-escalate $N --notices $T/nul-text.rec | grep -q 'x\\\\x00y\$'"
printf 'date: 2026-11-24\000x\nname: a\n' >$T/nul.roster
check_status 2 'NUL in a roster date: a data error' \
    "inc-escalate $N --roster $T/nul.roster $T/two.rec >/dev/null 2>$T/e2; st=\$?;
     grep -q 'nul.roster:1: date: a NUL byte' $T/e2 && exit \$st"

# --- 9. Edges of time.
printf 'id: far\ndetected: 9999-12-31T23:30:00+08:00\ntitle: x\n' >$T/far.rec
check 'a deadline past 9999: refused, not written clamped' \
    "inc-escalate $N $T/far.rec >$T/o 2>$T/e; [ \$? -eq 2 ] &&
     ! grep -q '^due:' $T/o && ! grep -q 9999-12-31T23:59:59 $T/o &&
     grep -q 'far.rec:2: detected: \"9999-12-31T23:30:00+08:00\": a deadline counted from it is past 9999-12-31' $T/e"
check 'a deadline past 9999: refused by inc-report too' \
    "inc-report --since 9999-12-31T00:00:00+08:00 --until 9999-12-31T23:59:00+08:00 --format json $T/far.rec >$T/o 2>$T/e;
     [ \$? -eq 2 ] && ! grep -q 9999-12-31T23:59:59 $T/o &&
     grep -q 'initial-report: detected: a deadline counted from it is past 9999-12-31' $T/e"
check 'a deadline on 9999-12-31T23:59:59 is still written' \
    "printf 'id: edge\\ndetected: 9999-12-31T21:59:59+08:00\\n' | inc-escalate $N |
     grep -q '^due: risk-assessment pending 9999-12-31T23:59:59+08:00'"
check_out '--day before a day the zone skipped: to the next midnight it has' \
    '"2011-12-29T00:00:00-10:00" "2011-12-31T00:00:00+14:00"' \
    "TZ=Pacific/Apia inc-report --day 2011-12-29 --format json </dev/null | jq -c '[.period.since, .period.until]' | tr -d '[]' | tr , ' '"
check_status 2 '--day a day the zone skipped: said so' \
    "TZ=Pacific/Apia inc-report --day 2011-12-30 </dev/null 2>$T/e2 >/dev/null; st=\$?;
     grep -q 'day 2011-12-30: no such day in the time zone' $T/e2 && exit \$st"
check_status 2 '--day 2011-02-30 is still not a date' \
    "TZ=Pacific/Apia inc-report --day 2011-02-30 </dev/null 2>$T/e2 >/dev/null; st=\$?;
     grep -q 'not a date' $T/e2 && exit \$st"
check_out 'yesterday, when it was the day skipped: the day before it' \
    '"2011-12-29T00:00:00-10:00" "2011-12-31T00:00:00+14:00"' \
    "TZ=Pacific/Apia inc-report --now 2011-12-31T10:00:00+14:00 --format json </dev/null | jq -c '[.period.since, .period.until]' | tr -d '[]' | tr , ' '"

plan $n	# at the end: TAP allows it, and no count to keep by hand
