# detect.t - the plan's detection rules end to end (inc-plan(5)
# DETECTION, inc-classify(1) MATCHING and RULES): every example of the
# shipped rules through inc-classify --raw --all, the known false alarms, the
# fields rule and address, rule problems and failing examples reported by
# inc-plan check at file:line:column, and the limits.
. tests/lib.sh
NOW=2026-11-24T15:00:00+08:00
plan 16

# Rule, category/subtype of each record.
fields() {
	awk '/^rule: /{r = $2} /^category: /{c = $2}
	    /^subtype: /{print (r == "" ? "-" : r) "\t" c "/" $2; r = ""}' "$@"
}

inc-plan show --format json >"$T/plan.json"
jq -r '.detection.rules[] | .id as $id | .examples[] | [$id, .] | @tsv' \
    "$T/plan.json" >"$T/examples.tsv"
jq -r '.detection.rules[] | "\(.id)\t" + (if .ignore then "other/other"
    else "\(.subtype.category)/\(.subtype.subtype)" end)' \
    "$T/plan.json" >"$T/subtypes.tsv"
cut -f2- "$T/examples.tsv" >"$T/examples"

check 'shipped plan: every rule has an example' '
	test -s $T/subtypes.tsv &&
	! cut -f1 $T/subtypes.tsv | sort -u | comm -23 - "$(cut -f1 $T/examples.tsv | sort -u >$T/with; echo $T/with)" | grep .'
check 'shipped plan: every example, through --raw --all, is its rule and subtype' '
	inc-classify --raw --all --now $NOW $T/examples >$T/examples.out; test $? = 0 &&
	fields $T/examples.out >$T/got &&
	awk -F"\t" "NR == FNR {s[\$1] = \$2; next} {print \$1 \"\t\" s[\$1]}" \
	    $T/subtypes.tsv $T/examples.tsv >$T/want &&
	test "$(wc -l <$T/want)" = "$(grep -c . $T/examples)" &&
	diff $T/want $T/got'
check 'shipped plan: every noise line is other/other' '
	jq -r ".detection.rules[].noise[]" $T/plan.json >$T/noise &&
	test -s $T/noise &&
	inc-classify --raw --all --now $NOW $T/noise >$T/noise.out; test $? = 0 &&
	test "$(grep -c "^subtype: other" $T/noise.out)" = "$(wc -l <$T/noise)"'
check 'shipped plan: every rule named in inc-classify(1)' '
	cut -f1 $T/subtypes.tsv | while read -r id; do
		grep -q "^\.It Li $id Pq" man/inc-classify.1 ||
		    { echo "$id not in inc-classify(1)"; exit 1; }
	done'

# The false alarms of issue 14 and their look-alikes.
printf '%s\n' \
    'Nov 24 10:00:00 app01 java[811]: at org.apache.xerces.impl.dv.xs.XSSimpleTypeDefinition.validate' \
    '192.0.2.44 - - [24/Nov/2026:10:00:00 +0800] "GET /perf/flamegraph.svg HTTP/1.1" 200 5120 "-" "Mozilla/5.0"' \
    'Nov 24 10:00:00 pc01 firefox[12]: tampermonkey extension updated' \
    'Nov 24 03:00:01 backup01 rsnapshot[411]: 0 files missing' \
    'Nov 24 03:10:00 av01 clamd[77]: Loaded 8675309 virus signatures.' \
    >"$T/false"
check_out 'false alarms: XSS..., flamegraph, tampermonkey, 0 files missing, signatures' \
"-	other/other
ignore-web-request	other/other
-	other/other
ignore-files-missing-zero	other/other
ignore-av-signatures	other/other" \
    'inc-classify --raw --all --now $NOW $T/false >$T/false.out; fields $T/false.out'
check_out 'CRS SQL injection: vulnerability, not network-attack/other' \
"network-attack/vulnerability	network-attack/vulnerability
modsecurity-attack	network-attack/vulnerability" '
	{ echo "SQL Injection Attack Detected via libinjection"
	echo "[Mon Nov 24 10:00:00.1 2026] [security2:error] [client 203.0.113.5:4242] ModSecurity: Warning. [msg \"SQL Injection Attack Detected via libinjection\"]"; } |
	inc-classify --raw --all --now $NOW | fields'
check_out 'address: the one the rule captured, after the title' \
"title: Failed password for root from 203.0.113.7 port 52144 ssh2
address: 203.0.113.7
rule: sshd-failed-password
category: network-attack
subtype: other" '
	echo "Nov 24 09:15:02 web01 sshd[19939]: Failed password for root from 203.0.113.7 port 52144 ssh2" |
	inc-classify --raw --all --now $NOW | sed -n "/^title:/,/^subtype:/p"'
check 'address: none when the rule captures none, no rule field when none matched' '
	printf "%s\n" "Nov 24 10:00:00 db01 kernel: Out of memory: Killed process 1" "all is well" |
	inc-classify --raw --all --now $NOW >$T/na.out; test $? = 0 &&
	! grep -q "^address:" $T/na.out && test "$(grep -c "^rule:" $T/na.out)" = 1 &&
	recfix --check $T/na.out'
check 'records: the same rules on a title a person wrote' '
	printf "title: Failed password for root from 203.0.113.7\n" |
	inc-classify --now $NOW | grep -qx "match: sshd-failed-password"'

# Problems of rules, at their place.
cp tests/plan/minimal.yaml "$T/p.yaml"
cat >>"$T/p.yaml" <<'EOF'
detection:
  rules:
    - id: bad
      subtype: attack/dos
      pattern: 'a(b'
      literals: [a]
    - id: fine
      subtype: attack/dos
      keywords: [flood]
      examples: ['a flood', 'a ddos only']
EOF
base=$(wc -l <tests/plan/minimal.yaml)
check_out 'check: a bad pattern at file:line:column (the examples wait for a plan that loads)' \
"$T/p.yaml:$((base + 5)):16: bad pattern: missing closing parenthesis at character 4 of it
exit 2" 'inc-plan check $T/p.yaml 2>&1; echo "exit $?"'
sed -i "s/'a(b'/'a(b)'/" "$T/p.yaml"
check_out 'check: an example its rule does not match first' \
"$T/p.yaml:$((base + 10)):29: example of rule \"fine\" matches rule \"attack/dos\" first
exit 2" 'inc-plan check $T/p.yaml 2>&1; echo "exit $?"'
sed -i "s/, 'a ddos only'//" "$T/p.yaml"
check_status 0 'check: the plan fixed is valid' 'inc-plan check $T/p.yaml'
check 'a plan with rules classifies by them' '
	printf "%s\n" "a flood" "ab" | inc-classify --plan $T/p.yaml --raw --all --now $NOW |
	grep -c "^rule: fine" | grep -qx 1'

# The limits: a plan of 4 MiB of keywords is refused, quickly and saying
# why; one at the limits loads.
awk -v n=200000 'BEGIN {
	printf "detection:\n  rules:\n    - id: big\n      subtype: attack/dos\n      keywords: ["
	for (i = 0; i < n; i++) printf "%skw%016d", i ? "," : "", i
	print "]"
}' >"$T/kw"
cat tests/plan/minimal.yaml "$T/kw" >"$T/big.yaml"
check 'limits: a plan of too many keywords is refused, naming the limit' '
	test "$(wc -c <$T/big.yaml)" -gt 3000000 &&
	inc-plan check $T/big.yaml 2>$T/big.err; test $? = 2 &&
	grep -q "keywords and literals (limit 20000)" $T/big.err &&
	inc-classify --plan $T/big.yaml --raw --all </dev/null 2>/dev/null; test $? = 2'
awk -v n=19990 'BEGIN {
	printf "detection:\n  rules:\n    - id: big\n      subtype: attack/dos\n      keywords: ["
	for (i = 0; i < n; i++) printf "%s\"%c%c%c%c%d\"", i ? "," : "", 97 + i % 26, 97 + i % 23, 65 + i % 19, 48 + i % 10, i
	print "]"
}' >"$T/kw"
cat tests/plan/minimal.yaml "$T/kw" >"$T/ok.yaml"
check 'limits: a plan at the limits loads and classifies' '
	echo "x AAA00 y" | inc-classify --plan $T/ok.yaml --raw --all --now $NOW |
	grep -qx "rule: big"'

# The example plan of inc-plan(5), detection section and all, is valid.
check 'inc-plan(5): its example plan checks and classifies by its rules' '
	MANWIDTH=200 man -l man/inc-plan.5 2>/dev/null |
	sed -n "/^ *version: 1/,/^ *A line with/p" | sed "\$d" >$T/ex.yaml &&
	grep -q "^ *detection:" $T/ex.yaml &&
	inc-plan check $T/ex.yaml &&
	echo "Nov 24 10:00:00 web01 kernel: TCP: Possible SYN flooding on port 80." |
	inc-classify --plan $T/ex.yaml --raw --all --now $NOW | grep -qx "rule: syn-flood"'
