# plan-mutate.t - inc-plan check on thousands of random mutations of the
# shipped plan (lines dropped, doubled, swapped, re-indented; bytes
# changed, inserted, cut; values replaced by YAML oddities; the file
# truncated): exit 0 or 2, never a crash, a hang or a sanitizer report,
# and every problem placed as file:line:column.  The same seeds give the
# same mutations: PLAN_MUTATIONS=N and PLAN_SEED=S change them.
. tests/lib.sh
plan 11
# Under valgrind (VALGRIND=1) a run costs 200 times more: a sample.
M=${PLAN_MUTATIONS:-$([ -n "${VALGRIND:-}" ] && echo 50 || echo 2000)}
S=${PLAN_SEED:-1}
TIMEOUT=${HOSTILE_TIMEOUT:-60}

cat >$T/mutate.py <<'EOF'
import os, random, re, subprocess, sys

plan = open(sys.argv[1], 'rb').read()
count, seed, tmp, timeout = int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], \
    int(sys.argv[5])
f = os.path.join(tmp, 'm.yaml')
odd = [b'', b'~', b'[', b'{', b']', b'&a', b'*a', b'!!binary x', b'"\0"',
    b'-1', b'99999999999999999999999', b'2026-13-45', b'yes', b'x' * 5000,
    b'\xe4\xb8\xad\xe6\x96\x87', b'\xff\xfe', b'"\\u0000"', b'|', b'>-',
    b'? x', b'- - -', b'{a: [b, {c: d}]}', b'<<: *a', b'\t', b'"\x1b[2J"',
    b'0x1F', b'.inf', b'null', b'1e999', b'24h', b'-5m', b'99999d']
special = [b'---', b'...', b'%YAML 1.1', b'? ', b'- ', b'<<: *x', b'\t',
    b'&anchor', b'!tag', b'#', b'\r', b'\xc2\x85', b'\xef\xbb\xbf']

def mutate(r, b):
    lines = b.split(b'\n')
    op = r.randrange(11)
    i, j = r.randrange(len(lines)), r.randrange(len(lines))
    if op == 0:
        del lines[i]
    elif op == 1:
        lines.insert(i, lines[i])
    elif op == 2:
        lines[i], lines[j] = lines[j], lines[i]
    elif op == 3:
        d = r.choice([-4, -2, -1, 1, 2, 4])
        lines[i] = b' ' * d + lines[i] if d > 0 else lines[i][-d:]
    elif op == 4:
        lines.insert(j, lines[i])
    elif op == 5:
        m = re.search(rb': ', lines[i])
        if m:
            lines[i] = lines[i][:m.end()] + r.choice(odd)
        else:
            lines[i] = lines[i] + b': ' + r.choice(odd)
    elif op == 6:
        lines.insert(i, r.choice(special) + lines[i])
    else:
        b = b'\n'.join(lines)
        k = r.randrange(len(b) + 1)
        if op == 7:
            return b[:k] + bytes(r.getrandbits(8)
                for _ in range(r.randint(1, 8))) + b[k:]
        if op == 8:
            return b[:k] + b[k + r.randint(1, 64):]
        if op == 9:
            return b[:k]
        return b[:k] + bytes([r.getrandbits(8)]) + b[k + 1:]
    return b'\n'.join(lines)

placed = re.compile(rb'^' + re.escape(f.encode()) + rb':[0-9]+:[0-9]+: \S')
whole = re.compile(rb'^' + re.escape(f.encode()) +
    rb': too many problems: only the first [0-9]+ are reported$')
examples = re.compile(rb': (?:example|noise) of rule "[^"]*" matches ')
bad = 0
accepted = rejected = problems = viaprog = 0
for n in range(count):
    r = random.Random(seed * 1000003 + n)
    b = plan
    for _ in range(r.randint(1, 3)):
        b = mutate(r, b)
    open(f, 'wb').write(b)
    try:
        p = subprocess.run(['inc-plan', 'check', f], capture_output=True,
            timeout=timeout)
    except subprocess.TimeoutExpired:
        print('hang: seed %d mutation %d' % (seed, n))
        bad += 1
        continue
    why = None
    err = p.stderr.splitlines()
    if p.returncode == 0:
        accepted += 1
        if err:
            why = 'accepted with a message'
    elif p.returncode == 2:
        rejected += 1
        problems += len(err)
        if not err:
            why = 'rejected without a message'
        for line in err:
            if not placed.match(line) and not whole.match(line):
                why = 'not file:line:column: %r' % line[:200]
                break
    else:
        why = 'exit %d' % p.returncode
    if re.search(rb'Sanitizer|runtime error|==[0-9]+==', p.stderr):
        why = 'sanitizer report'
    # Now and then the same plan through another program's --plan (when
    # the plan itself is refused: examples only inc-plan check reads).
    loads = any(not examples.search(line) for line in err)
    if why is None and p.returncode == 2 and loads and \
            rejected % 100 == 1:
        viaprog += 1
        q = subprocess.run(['inc-escalate', '--plan', f],
            input=b'', capture_output=True, timeout=timeout)
        pre = b'inc-escalate: ' + f.encode() + b':'
        if q.returncode != 2 or not all(l.startswith(b'inc-escalate: ')
                for l in q.stderr.splitlines()) or \
                not q.stderr.startswith(pre):
            why = 'inc-escalate --plan: exit %d, %r' % (q.returncode,
                q.stderr[:200])
    if why:
        bad += 1
        if bad <= 5:
            print('mutation %d (seed %d): %s' % (n, seed, why))
            open(os.path.join(tmp, 'bad-%d.yaml' % n), 'wb').write(b)
print('accepted %d rejected %d problems %d via-prog %d bad %d' %
    (accepted, rejected, problems, viaprog, bad))
EOF

check "$M mutations of the shipped plan: no crash, no hang, every problem placed" \
    "python3 $T/mutate.py share/inc/plan.yaml $M $S $T $TIMEOUT >$T/sum;
     cat $T/sum; tail -n 1 $T/sum | grep -q ' bad 0\$'"
echo "# $(tail -n 1 $T/sum)"
check 'the mutations matter: most are rejected, some still pass' \
    "tail -n 1 $T/sum | awk '{ exit !(\$4 > $M / 2 && \$2 > 0) }'"

# Whole files an attacker might hand over as a plan.
placed_only() {	# file: every line of stderr is file:line:column: or file:
	grep -av "^$1:[0-9][0-9]*:[0-9][0-9]*: ." $T/e |
	    grep -av "^$1: ." | grep -q . && return 1
	! grep -aqE 'Sanitizer|runtime error|==[0-9]+==' $T/e
}
python3 -c 'import random, sys
r = random.Random(3)
sys.stdout.buffer.write(bytes(r.getrandbits(8) for _ in range(65536)))' \
    >$T/random.yaml
check 'random bytes: exit 2, placed' \
    "inc-plan check $T/random.yaml 2>$T/e; [ \$? -eq 2 ] && placed_only $T/random.yaml"
printf 'version: 1\nplan:\0 x\n' >$T/nul.yaml
check 'a NUL: exit 2, placed' \
    "inc-plan check $T/nul.yaml 2>$T/e; [ \$? -eq 2 ] && placed_only $T/nul.yaml &&
     grep -q ':2:[0-9]*: ' $T/e"
{ head -n 5 share/inc/plan.yaml; printf 'x: \377\376\n'; } >$T/utf8.yaml
check 'invalid UTF-8: exit 2, placed at its line' \
    "inc-plan check $T/utf8.yaml 2>$T/e; [ \$? -eq 2 ] && placed_only $T/utf8.yaml &&
     grep -q ':6:[0-9]*: ' $T/e"
{ printf 'version: '; head -c 20000000 /dev/zero | tr '\0' 1; echo; } >$T/big.yaml
check 'a 20 MB line: refused as too large, at once' \
    "timeout $TIMEOUT inc-plan check $T/big.yaml 2>$T/e; [ \$? -eq 2 ] &&
     grep -q '^$T/big.yaml: .*too large' $T/e"
sed 's/$/\r/' share/inc/plan.yaml >$T/crlf.yaml
check 'the shipped plan with CRLF line ends: valid' \
    "inc-plan check $T/crlf.yaml"
{ printf '\357\273\277'; cat share/inc/plan.yaml; } >$T/bom.yaml
check 'the shipped plan after a byte order mark: valid' \
    "inc-plan check $T/bom.yaml"
awk 'BEGIN { for (i = 0; i < 100000; i++) printf "k%d: v\n", i }' >$T/keys.yaml
check '100,000 unknown keys: exit 2, at most 1000 problems, quickly' \
    "timeout $TIMEOUT inc-plan check $T/keys.yaml 2>$T/e; [ \$? -eq 2 ] &&
     [ \$(wc -l <$T/e) -le 1001 ] && placed_only $T/keys.yaml"
awk 'BEGIN { for (i = 0; i < 200; i++) printf "["; print "" }' >$T/deeper.yaml
check 'nested 200 deep: refused, placed' \
    "timeout $TIMEOUT inc-plan check $T/deeper.yaml 2>$T/e; [ \$? -eq 2 ] &&
     placed_only $T/deeper.yaml"
{ echo 'a: &x [1, 2]'; echo 'b: [*x, *x, *x, *x]'; } >$T/alias.yaml
check 'aliases: refused, placed' \
    "inc-plan check $T/alias.yaml 2>$T/e; [ \$? -eq 2 ] && placed_only $T/alias.yaml &&
     grep -qi 'alias' $T/e"
