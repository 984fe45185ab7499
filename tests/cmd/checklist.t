# checklist.t - inc-checklist: lookup, --list, routing, --done, -i,
# --pending, bad input, usage errors, write errors.
. tests/lib.sh
D=tests/cmd/checklist
NOW='--now 2026-11-24T12:00:00+08:00'
COLUMNS=80
export COLUMNS
plan 85

# --- lookup: the steps of each procedure, one numbered line each ----------
# The step counts of the source text (四(一)..四(五)); wide lines so that
# each step is one line.
for pc in system-failure:5 network-attack:5 virus-outbreak:7 \
    machine-room-fire:3 machine-room-water:4 device-server-anomaly:5; do
	p=${pc%:*} c=${pc#*:}
	check "lookup $p: $c numbered steps, 1 to $c, each with its clause" \
	    "COLUMNS=1000 inc-checklist $p >\$T/l && [ \$(grep -c '^[0-9][0-9]*\. ' \$T/l) -eq $c ] &&
	     [ \$(grep -c '^[0-9][0-9]*\. .* \[四([一二三四五])[0-9]*\]\$' \$T/l) -eq $c ] &&
	     grep -q '^$c\. ' \$T/l && ! grep -q '^$((c + 1))\. ' \$T/l"
done
check_out 'lookup network-attack in Chinese, wrapped to 80 columns' \
    $D/network-attack.zh.out 'inc-checklist --lang zh network-attack'
check_out 'lookup machine-room-fire in English, titled first step' \
    $D/machine-room-fire.en.out 'inc-checklist --lang en machine-room-fire'
check 'lookup text is the source text (四(二)1)' \
    'inc-checklist --lang zh network-attack | grep -q "^1\. 网络技术人员根据安全设备的报警和日志，确定攻击目标和攻击来源。"'
check 'lookup wraps to $COLUMNS, CJK counted double' \
    'COLUMNS=40 inc-checklist --lang zh system-failure >$T/w &&
     [ $(sed 1d $T/w | wc -L) -le 40 ] && [ $(sed 1d $T/w | wc -L) -ge 36 ] &&
     [ $(wc -l <$T/w) -gt 12 ]'
check_status 2 'unknown procedure: exit 2' 'inc-checklist no-such-thing'
check 'unknown procedure: the list of procedures on stderr' \
    'inc-checklist no-such-thing 2>&1 >/dev/null | grep -q "no-such-thing: no such procedure.*system-failure network-attack virus-outbreak machine-room-fire machine-room-water device-server-anomaly"'
check 'a file named like an id is read as ./name' \
    'cp $D/routing.rec $T/network-attack && cd $T && inc-checklist ./network-attack | grep -q "^procedure: virus-outbreak"'

# --- --list ----------------------------------------------------------------
check_out '--list: procedures, step counts, routing' $D/list.en.out \
    'inc-checklist --lang en --list'
check '--list in Chinese names the procedures in Chinese' \
    'inc-checklist --lang zh --list | grep -q "machine-room-fire.*3 步.*机房火警应急处置"'

# --- the filter: procedure from the routing ------------------------------
check_out 'routing for every category and the subtype routes' \
    $D/routing.out "inc-checklist $NOW $D/routing.rec"
check 'idempotent: a second run changes nothing' \
    "inc-checklist $NOW $D/routing.rec | inc-checklist $NOW | cmp -s - $D/routing.out"
check_status 0 'the filter exits 0' "inc-checklist $NOW $D/routing.rec"
check 'a person-set procedure is kept, bytes as read' \
    "printf 'id: a\ncategory: disaster\nsubtype: fire\nprocedure:  network-attack\n\n' >\$T/in &&
     inc-checklist \$T/in | cmp -s - \$T/in"
check '--force: routed again, and said on stderr' \
    "printf 'id: a\ncategory: disaster\nsubtype: fire\nprocedure: network-attack\n' |
     inc-checklist --force >\$T/o 2>\$T/e &&
     grep -q '^procedure: machine-room-fire\$' \$T/o && ! grep -q network-attack \$T/o &&
     grep -q -- '--force: procedure set to machine-room-fire' \$T/e"
check '--force with the routed value already there: silent, unchanged' \
    "printf 'id: a\ncategory: disaster\nsubtype: fire\nprocedure: machine-room-fire\n\n' >\$T/in &&
     inc-checklist --force \$T/in 2>\$T/e | cmp -s - \$T/in && [ ! -s \$T/e ]"
check 'a plan routing to two procedures: two procedure fields, in plan order' \
    "sed 's/procedures: \[machine-room-fire\]/procedures: [machine-room-fire, system-failure]/' share/inc/plan.yaml >\$T/plan.yaml &&
     ! cmp -s share/inc/plan.yaml \$T/plan.yaml &&
     printf 'id: a\ncategory: disaster\nsubtype: fire\n' | inc-checklist --plan \$T/plan.yaml >\$T/o &&
     printf 'id: a\ncategory: disaster\nsubtype: fire\nprocedure: machine-room-fire\nprocedure: system-failure\n\n' | cmp -s - \$T/o"
check 'two procedures: --pending lists both, the steps of both left' \
    "printf 'id: a\ncategory: disaster\nsubtype: fire\n' | inc-checklist --lang en --plan \$T/plan.yaml --pending >\$T/o;
     [ \$? -eq 1 ] && grep -q '^  machine-room-fire .*3 of 3 steps left' \$T/o &&
     grep -q '^  system-failure .*5 of 5 steps left' \$T/o"
check 'several procedures: repeated fields or one spaced field both read' \
    "printf 'id: a\nprocedure: network-attack virus-outbreak\n\nid: b\nprocedure: network-attack\nprocedure: virus-outbreak\n' |
     inc-checklist --pending --lang en | grep -c '^  network-attack\|^  virus-outbreak' | grep -qx 4"
check 'comments, unknown fields and order pass through' \
    "printf '# c\nid: a\nzz: 1\ncategory: other\nlog: x\n+ y\n' | inc-checklist >\$T/o &&
     printf '# c\nid: a\nzz: 1\ncategory: other\nlog: x\n+ y\nprocedure: system-failure\n\n' | cmp -s - \$T/o"

# --- --done ----------------------------------------------------------------
check '--done 1,3 --by: step fields with --now and who' \
    "printf 'id: a\ncategory: network-attack\n' |
     inc-checklist $NOW --done 1,3 --by 陈钊 >\$T/o &&
     printf 'id: a\ncategory: network-attack\nprocedure: network-attack\nstep: network-attack.1 2026-11-24T12:00:00+08:00 陈钊\nstep: network-attack.3 2026-11-24T12:00:00+08:00 陈钊\n\n' | cmp -s - \$T/o"
check '--done twice: no duplicate, the first kept' \
    "printf 'id: a\ncategory: network-attack\n' | inc-checklist $NOW --done 2 --by chen |
     inc-checklist --now 2026-11-24T13:00:00+08:00 --done 2 --by li >\$T/o &&
     [ \$(grep -c '^step:' \$T/o) -eq 1 ] && grep -q 'step: network-attack.2 2026-11-24T12:00:00+08:00 chen' \$T/o"
check '--done repeated and listed add up' \
    "printf 'id: a\ncategory: network-attack\n' | inc-checklist $NOW --done 1 --done 2,4 |
     grep -c '^step: network-attack\.[124] 2026-11-24T12:00:00+08:00\$' | grep -qx 3"
check '--done without --by: no who' \
    "printf 'id: a\ncategory: other\n' | inc-checklist $NOW --done 5 |
     grep -qx 'step: system-failure.5 2026-11-24T12:00:00+08:00'"
check 'PROCEDURE --done N: DESIGN form' \
    "printf 'id: a\nprocedure: network-attack virus-outbreak\n' |
     inc-checklist $NOW virus-outbreak --done 7 --by chen | grep -qx 'step: virus-outbreak.7 2026-11-24T12:00:00+08:00 chen'"
check '--done PROC.N selects one of several procedures' \
    "printf 'id: a\nprocedure: network-attack virus-outbreak\n' |
     inc-checklist $NOW --done virus-outbreak.6 | grep -qx 'step: virus-outbreak.6 2026-11-24T12:00:00+08:00'"
check_status 2 '--done N with several procedures: exit 2' \
    "printf 'id: a\nprocedure: network-attack virus-outbreak\n' | inc-checklist $NOW --done 3"
check '--done N with several procedures: record unchanged, told which' \
    "printf 'id: a\nprocedure: network-attack virus-outbreak\n\n' >\$T/in;
     inc-checklist $NOW --done 3 \$T/in >\$T/o 2>\$T/e; cmp -s \$T/in \$T/o &&
     grep -q 'in:1: --done 3: the record has 2 procedures; name one, e.g. --done network-attack.3' \$T/e"
check_status 2 '--done N the procedure lacks: exit 2 (PROCEDURE.N)' \
    "printf 'id: a\ncategory: network-attack\n' | inc-checklist $NOW --done network-attack.6"
check_status 2 '--done N the procedure lacks: exit 2 (PROCEDURE N)' \
    "printf 'id: a\ncategory: network-attack\n' | inc-checklist $NOW machine-room-fire --done 4"
check '--done N the record'"'"'s procedure lacks: exit 2, file:line, unchanged' \
    "printf 'id: a\ncategory: disaster\nsubtype: fire\n' >\$T/in;
     inc-checklist $NOW --done 4 \$T/in >\$T/o 2>\$T/e; [ \$? -eq 2 ] &&
     grep -q 'in:1: --done 4: machine-room-fire has 3 steps' \$T/e && ! grep -q step: \$T/o"
check_status 2 '--done 0: exit 2' "printf 'id: a\n' | inc-checklist --done 0"
check_status 2 '--done x: exit 2' "printf 'id: a\n' | inc-checklist --done x"
check_status 2 '--done 1,,2: exit 2' "printf 'id: a\n' | inc-checklist --done 1,,2"
check_status 2 '--done "": exit 2' "printf 'id: a\n' | inc-checklist --done ''"
check '--done of an unknown procedure: exit 2 with the list' \
    "printf 'id: a\n' | inc-checklist --done bogus.1 2>\$T/e; [ \$? -eq 2 ] &&
     grep -q 'bogus: no such procedure in the plan; the procedures are: system-failure' \$T/e"
check '--done of a procedure not the record'"'"'s: exit 2, unchanged' \
    "printf 'id: a\ncategory: network-attack\nprocedure: network-attack\n\n' >\$T/in;
     inc-checklist $NOW --done virus-outbreak.1 \$T/in >\$T/o 2>\$T/e; [ \$? -eq 2 ] &&
     cmp -s \$T/in \$T/o && grep -q 'virus-outbreak is not a procedure of the record' \$T/e"
check '--incident ID: only that record gets the step' \
    "inc-checklist $NOW --incident r-fire --done 1 $D/routing.rec >\$T/o &&
     [ \$(grep -c '^step:' \$T/o) -eq 1 ] && grep -B5 '^step: machine-room-fire.1' \$T/o | grep -q 'id: r-fire'"
check_status 2 '--incident of no record: exit 2' \
    "inc-checklist $NOW --incident nope --done 1 $D/routing.rec"
check 'an unclassified record: --done uses the default, no procedure field' \
    "printf 'id: a\n' | inc-checklist $NOW --done 1 >\$T/o &&
     printf 'id: a\nstep: system-failure.1 2026-11-24T12:00:00+08:00\n\n' | cmp -s - \$T/o"

# --- -i: in place, atomically ----------------------------------------------
check '-i: the file is replaced, no temporary left' \
    "cp $D/routing.rec \$T/f.rec && inc-checklist $NOW -i --incident r-flood --done 2 --by wang \$T/f.rec &&
     grep -q '^step: machine-room-water.2 2026-11-24T12:00:00+08:00 wang\$' \$T/f.rec &&
     [ \$(grep -c '^procedure:' \$T/f.rec) -eq 13 ] && [ \$(ls \$T | grep -c inc-) -eq 0 ]"
check '-i: writes nothing on standard output' \
    "cp $D/routing.rec \$T/g.rec && inc-checklist -i \$T/g.rec >\$T/o && [ ! -s \$T/o ]"
check '-i twice: the same file' \
    "cp $D/routing.rec \$T/h.rec && inc-checklist $NOW -i --done system-failure.1 --incident r-other \$T/h.rec &&
     cp \$T/h.rec \$T/h1 && inc-checklist $NOW -i --done system-failure.1 --incident r-other \$T/h.rec && cmp -s \$T/h1 \$T/h.rec"
check '-i on a write error: exit 2, the original kept, no temporary' \
    "i=0; while [ \$i -lt 200 ]; do cat $D/routing.rec; echo; i=\$((i + 1)); done >\$T/big.rec;
     cp \$T/big.rec \$T/big.orig;
     (trap '' XFSZ; ulimit -f 8; inc-checklist -i \$T/big.rec) 2>\$T/e; [ \$? -eq 2 ] &&
     cmp -s \$T/big.rec \$T/big.orig && grep -q 'file left as it was' \$T/e &&
     [ \$(ls \$T | grep -c inc-) -eq 0 ]"
check_status 2 '-i on a missing file: exit 2' "inc-checklist -i \$T/none.rec"

# --- --pending -------------------------------------------------------------
check_out '--pending: done with when and who, left, text made safe' \
    $D/pending.en.out "inc-checklist --lang en --pending $D/pending.rec"
check_out '--pending in Chinese' \
    $D/pending.zh.out "inc-checklist --lang zh --pending $D/pending.rec"
check_status 1 '--pending: exit 1 while steps remain' \
    "inc-checklist --pending $D/pending.rec"
check_status 0 '--pending: exit 0 when every step is done' \
    "inc-checklist --pending --incident p-done $D/pending.rec"
check_status 1 '--pending: a fresh incident has every step left' \
    "printf 'id: a\ncategory: disaster\nsubtype: flood\n' | inc-checklist --pending"
check '--pending counts what is left' \
    "inc-checklist --lang en --pending $D/pending.rec | grep -q '^  machine-room-fire (Machine room fire response, 四(四)1): 1 of 3 steps left\$'"
check '--pending PROCEDURE: only that procedure' \
    "printf 'id: a\nprocedure: network-attack virus-outbreak\n' | inc-checklist --lang en --pending virus-outbreak >\$T/o;
     [ \$? -eq 1 ] && grep -q '^  virus-outbreak' \$T/o && ! grep -q '^  network-attack' \$T/o"
check '--pending of an unclassified record: the default, said so' \
    "printf 'id: a\n' | inc-checklist --lang en --pending | grep -q 'no category yet'"
check '--pending: no terminal escapes from records' \
    "inc-checklist --pending $D/pending.rec | tr -d '\n' | LC_ALL=C grep -q '[[:cntrl:]]' && false || true"
check '--pending: the escape is shown, not sent' \
    "inc-checklist --pending $D/pending.rec | grep -qF 'smoke in rack 3 \\x1b[2J'"

# --- bad input ---------------------------------------------------------------
check 'a bad step field: exit 2, file:line, record passed through' \
    "printf 'id: a\ncategory: other\nstep: system-failure.9 2026-11-24T09:00:00+08:00\nstep: nope.1 2026-11-24T09:00:00+08:00\nstep: system-failure.1 soon\nstep: system-failure.x 2026-11-24T09:00:00+08:00\n\n' >\$T/in;
     inc-checklist \$T/in >\$T/o 2>\$T/e; [ \$? -eq 2 ] && cmp -s \$T/in \$T/o &&
     grep -q 'in:3: bad step field: the procedure has no step of that number' \$T/e &&
     grep -q 'in:4: bad step field: no such procedure' \$T/e &&
     grep -q 'in:5: bad step field: not a time' \$T/e &&
     grep -q 'in:6: bad step field: the step number is not a number' \$T/e"
check 'a bad step field with --pending: exit 2, reported' \
    "printf 'id: a\ncategory: other\nstep: system-failure.1 never\n' | inc-checklist --pending >/dev/null 2>\$T/e;
     [ \$? -eq 2 ] && grep -q -- '-:3: bad step field: not a time' \$T/e"
check 'an unknown category: exit 2, file:line, passed through' \
    "printf 'id: a\ncategory: bogus\n\n' >\$T/in; inc-checklist \$T/in >\$T/o 2>\$T/e;
     [ \$? -eq 2 ] && cmp -s \$T/in \$T/o && grep -q 'in:2: category \"bogus\" is not in the plan' \$T/e"
check 'an unknown subtype: exit 2, passed through' \
    "printf 'id: a\ncategory: disaster\nsubtype: meteor\n\n' >\$T/in; inc-checklist \$T/in >\$T/o 2>\$T/e;
     [ \$? -eq 2 ] && cmp -s \$T/in \$T/o && grep -q 'in:3: subtype' \$T/e"
check 'an unknown procedure field: exit 2, passed through' \
    "printf 'id: a\nprocedure: nope\n\n' >\$T/in; inc-checklist \$T/in >\$T/o 2>\$T/e;
     [ \$? -eq 2 ] && cmp -s \$T/in \$T/o && grep -q 'in:2: procedure \"nope\" is not in the plan' \$T/e"
check 'a record that cannot be parsed: reported, kept, the rest still done' \
    "printf 'id: a\nnot a field\n\nid: b\ncategory: other\n' >\$T/in; inc-checklist \$T/in >\$T/o 2>\$T/e;
     [ \$? -eq 2 ] && grep -q 'in:2:' \$T/e && grep -q '^not a field\$' \$T/o &&
     grep -q '^procedure: system-failure\$' \$T/o"
check 'a record from many files: the right file named' \
    "printf 'id: a\ncategory: bogus\n' >\$T/two; inc-checklist $D/routing.rec \$T/two >/dev/null 2>\$T/e;
     grep -q 'two:2:' \$T/e && ! grep -q routing.rec \$T/e"

# --- usage errors --------------------------------------------------------------
check_status 2 'an unknown option' 'inc-checklist --bogus'
check_status 2 '--by without --done' "inc-checklist --by chen $D/routing.rec"
check_status 2 '--by with a control character' "inc-checklist --done 1 --by \"\$(printf 'a\nb')\" $D/routing.rec"
check_status 2 '--pending with --done' "inc-checklist --pending --done 1 $D/routing.rec"
check_status 2 '--pending with -i' "cp $D/routing.rec \$T/p.rec; inc-checklist --pending -i \$T/p.rec"
check_status 2 '-i without files' "inc-checklist -i --done 1 <$D/routing.rec"
check_status 2 '--list with an operand' 'inc-checklist --list network-attack'
check_status 2 'PROCEDURE and files without --done or --pending' \
    "inc-checklist network-attack $D/routing.rec"
check_status 2 'a bad --now' "inc-checklist --now tomorrow --done 1 $D/routing.rec"
check_status 2 'a bad --lang' 'inc-checklist --lang fr network-attack'
check_status 0 '--help' 'inc-checklist --help'
check_status 0 '--version' 'inc-checklist --version'

check 'the language from $LANG' \
    'LANG=zh_CN.UTF-8 inc-checklist network-attack | grep -q "^network-attack  网络攻击应急处置"'
check 'a closed pipe ends quietly' \
    "i=0; while [ \$i -lt 100 ]; do cat $D/routing.rec; echo; i=\$((i + 1)); done >\$T/many.rec;
     inc-checklist --pending \$T/many.rec 2>\$T/e | head -n 1 >/dev/null;
     ! grep -v 'also at' \$T/e | grep -q .	# (its ids are seen 100 times)"

# --- write errors --------------------------------------------------------------
check_status 2 'lookup to /dev/full' 'inc-checklist network-attack >/dev/full'
check_status 2 '--list to /dev/full' 'inc-checklist --list >/dev/full'
check_status 2 'the filter to /dev/full' "inc-checklist $D/routing.rec >/dev/full"
check_status 2 '--pending to /dev/full' "inc-checklist --pending $D/pending.rec >/dev/full"
