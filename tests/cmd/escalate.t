# escalate.t - inc-escalate: due fields and their states at --now, the
# notices with the plan's people and phones, --ack, the roster, errors.
. tests/lib.sh
D=tests/cmd/escalate
N='--now 2026-11-24T12:00:00+08:00'
plan 71

# Records out: every state of every obligation (states.rec says which).
check_out 'due fields: met, late, pending, overdue, missed; Z and +08:00' \
    $D/states.out "inc-escalate $N $D/states.rec"
check_status 1 'exit 1 when anything is overdue' "inc-escalate $N $D/states.rec"
check 'idempotent: twice equals once' \
    "inc-escalate $N $D/states.rec >$T/1; inc-escalate $N <$T/1 >$T/2; cmp $T/1 $T/2"
check 'stale due fields replaced where the first stood, never duplicated' \
    "inc-escalate $N $D/states.rec | sed -n '/^id: h-stale/,/^\$/p' | sed -n 4p | grep -qx 'due: initial-report met 2026-11-24T10:15:00+08:00' &&
     [ \$(inc-escalate $N $D/states.rec | sed -n '/^id: h-stale/,/^\$/p' | grep -c '^due:') -eq 4 ]"
check 'fields it does not own pass through byte for byte' \
    "inc-escalate $N $D/states.rec | grep -v '^due:' >$T/a; { grep -v '^due:' $D/states.rec; echo; } >$T/b; cmp $T/a $T/b"

# The second on the deadline (detected 09:15:00+08:00, 1h).
check_out 'now on the deadline: pending' \
    'due: initial-report pending 2026-11-24T10:15:00+08:00' \
    "inc-escalate --now 2026-11-24T10:15:00+08:00 $D/levels.rec | grep -m1 initial-report"
check_out 'now one second after: overdue' \
    'due: initial-report overdue 2026-11-24T10:15:00+08:00' \
    "inc-escalate --now 2026-11-24T10:15:01+08:00 $D/levels.rec | grep -m1 initial-report"
check_status 0 'exit 0 on the deadline' \
    "inc-escalate --now 2026-11-24T10:15:00+08:00 $D/levels.rec"
check_status 1 'exit 1 one second after' \
    "inc-escalate --now 2026-11-24T10:15:01+08:00 $D/levels.rec"
check_out 'record in Z, clock in +08:00 one second after' \
    'due: initial-report overdue 2026-11-24T02:40:02+00:00' \
    "inc-escalate --now 2026-11-24T10:40:03+08:00 $D/one.rec | grep initial-report"
check_out 'record in Z, clock in Z on the deadline' \
    'due: initial-report pending 2026-11-24T02:40:02+00:00' \
    "inc-escalate --now 2026-11-24T02:40:02Z $D/one.rec | grep initial-report"
check_status 0 'nothing overdue: exit 0' \
    "inc-escalate --now 2026-11-24T09:30:00+08:00 $D/levels.rec"

# Levels I-IV: the leaders-report only for I and II.
check_out 'leaders-report for levels I and II only, not III, IV or none' \
    'l1 l2' \
    "inc-escalate $N $D/levels.rec | awk '/^id:/ { id = \$2 } /^due: leaders-report/ { s = s (s ? \" \" : \"\") id } END { print s }'"
check_out 'every incident gets the other four' 20 \
    "inc-escalate $N $D/levels.rec | grep -c '^due: \\(initial-report\\|police-report\\|risk-assessment\\|handling-report\\) '"

# Closed incidents.
check_out 'closed: missed; handling report before closed, filed after: late' \
    'e-missed police-report missed
e-missed risk-assessment missed
e-missed leaders-report missed
e-missed handling-report missed
f-handling-late handling-report late' \
    "inc-escalate $N $D/states.rec | awk '/^id:/ { id = \$2 } /^due: .* (missed|late) / && (id ~ /^[ef]-/) { print id, \$2, \$3 }'"
check_out 'not yet closed: handling report pending, no deadline' \
    'due: handling-report pending -' \
    "inc-escalate $N $D/one.rec | grep handling-report"

# Data errors: reported with file:line, exit 2, the record passed through.
check_status 2 'bad data: exit 2' "inc-escalate $N $D/bad.rec"
check_out 'each reported with file and line' \
    "inc-escalate: $D/bad.rec:1: no detected: the clocks of the plan start there
inc-escalate: $D/bad.rec:7: reported: not a time: \"yes\" (like 2026-11-24T09:15:00+08:00 or 2026-11-24 09:15)
inc-escalate: $D/bad.rec:11: level: \"V\": not I, II, III or IV" \
    "inc-escalate $N $D/bad.rec 2>&1 >/dev/null"
check 'bad records passed through unchanged, good ones get due fields' \
    "inc-escalate $N $D/bad.rec 2>/dev/null >$T/o; sed '/^id: fine/,\$d' $T/o >$T/a; sed '/^id: fine/,\$d' $D/bad.rec >$T/b; cmp $T/a $T/b && grep -q '^due: initial-report pending' $T/o"
check 'a bad timestamp in a closed field is reported with its line' \
    "printf 'id: x\ndetected: 2026-11-24T09:15:00+08:00\nclosed: 2026-02-30 10:00\n' >$T/c.rec;
     inc-escalate $N $T/c.rec 2>&1 >/dev/null | grep -q '^inc-escalate: $T/c.rec:3: closed: not a time'"
check 'status closed without a closed time is reported, the record kept' \
    "printf 'id: x\ndetected: 2026-11-24T09:15:00+08:00\nstatus: closed\n\n' >$T/s.rec;
     inc-escalate $N $T/s.rec >$T/o 2>$T/e; [ \$? -eq 2 ] && grep -q '^inc-escalate: $T/s.rec:3: status is closed but there is no closed: time' $T/e && cmp $T/o $T/s.rec"
check 'status closed with a blank after it is still closed' \
    "printf 'id: x\ndetected: 2026-11-24T09:15:00+08:00\nstatus: closed \n' >$T/s.rec;
     inc-escalate $N $T/s.rec 2>&1 >/dev/null | grep -q 'status is closed but there is no closed: time'"
check 'a status that is none of the four is reported, the record kept' \
    "printf 'id: x\ndetected: 2026-11-24T09:15:00+08:00\nstatus: clsoed\n\n' >$T/s.rec;
     inc-escalate $N $T/s.rec >$T/o 2>$T/e; [ \$? -eq 2 ] && cmp $T/o $T/s.rec &&
     grep -qx 'inc-escalate: $T/s.rec:3: status: \"clsoed\": not open, contained, recovered or closed' $T/e"
check 'the four statuses are all fine' \
    "for v in open contained recovered; do printf 'id: x%s\ndetected: 2026-11-24T11:15:00+08:00\nstatus: %s\n' \$v \$v; echo; done >$T/s.rec;
     printf 'id: y\ndetected: 2026-11-24T11:15:00+08:00\nstatus: closed\nclosed: 2026-11-24T11:30:00+08:00\n' >>$T/s.rec;
     inc-escalate $N $T/s.rec >$T/o 2>$T/e; [ \$? -eq 0 ] && [ ! -s $T/e ] && [ \$(grep -c '^due: initial-report' $T/o) -eq 4 ]"
check '--force --ack repairs a done field without a time' \
    "printf 'id: x\ndetected: 2026-11-24T09:15:00+08:00\nreported: yes\n' >$T/y.rec;
     inc-escalate $N --force --ack initial-report=2026-11-24T09:50:00+08:00 $T/y.rec 2>/dev/null | grep -q '^due: initial-report met '"
check 'an unparseable record is reported and kept' \
    "printf 'id: a\nthis is not a field\n\nid: b\ndetected: 2026-11-24T11:30:00+08:00\n' >$T/p.rec;
     inc-escalate $N $T/p.rec >$T/o 2>$T/e; [ \$? -eq 2 ] && grep -q '^inc-escalate: $T/p.rec:2: ' $T/e && grep -q 'this is not a field' $T/o && grep -q '^due:' $T/o"
check 'standard input, named -' \
    "inc-escalate $N - <$D/one.rec | grep -q '^due: police-report overdue'"

# --ack
check_out '--ack: time defaults to --now, in the field DESIGN names' \
    'reported: 2026-11-24T12:00:00+08:00
due: initial-report late 2026-11-24T02:40:02+00:00' \
    "inc-escalate $N --ack initial-report $D/one.rec | grep '^reported\\|initial-report'"
check_out '--ack with an explicit time' \
    'police_reported: 2026-11-24T10:30:00+08:00
due: police-report met 2026-11-24T02:40:02+00:00' \
    "inc-escalate $N --ack 'police-report=2026-11-24 10:30' $D/one.rec | grep '^police_reported\\|police-report'"
check_out '--ack is repeatable' \
    'assessed: 2026-11-24T11:00:00+08:00
leaders_reported: 2026-11-24T11:30:00+08:00' \
    "inc-escalate $N --ack risk-assessment=2026-11-24T11:00:00+08:00 --ack leaders-report=2026-11-24T11:30:00+08:00 $D/one.rec | grep '^assessed\\|^leaders_reported'"
check_status 2 '--ack of an unknown obligation: exit 2' \
    "inc-escalate $N --ack reported $D/one.rec"
check 'the unknown name is answered with the valid ones' \
    "inc-escalate $N --ack bogus $D/one.rec 2>&1 >/dev/null | grep -q 'no obligation \"bogus\"' &&
     inc-escalate $N --ack bogus $D/one.rec 2>&1 | grep -c 'initial-report\\|police-report\\|risk-assessment\\|leaders-report\\|handling-report' | grep -qx 5"
check_status 2 '--ack with a bad time: exit 2' \
    "inc-escalate $N --ack initial-report=2026-11-24T25:00:00+08:00 $D/one.rec"
check 'a value a person set is kept without --force, and said so' \
    "inc-escalate $N --ack initial-report $D/states.rec 2>$T/e | grep -q '^reported: 2026-11-24T10:00:00+08:00\$' &&
     grep -q '$D/states.rec:8: reported already set, kept' $T/e"
check 'with --force it is replaced, and said so' \
    "inc-escalate $N --force --ack initial-report=2026-11-24T09:30:00+08:00 $D/one.rec $D/states.rec 2>$T/e >$T/o;
     ! grep -q '^reported: 2026-11-24T10:15:01' $T/o && grep -q 'reported: \"2026-11-24T10:15:01+08:00\" replaced by 2026-11-24T09:30:00+08:00 (--force)' $T/e"
check '--incident limits --ack to one incident' \
    "inc-escalate $N --incident c-pending --ack initial-report $D/states.rec >$T/o;
     [ \$(grep -c '^reported: 2026-11-24T12:00:00+08:00' $T/o) -eq 1 ] && sed -n '/^id: c-pending/,/^\$/p' $T/o | grep -q '^reported: 2026-11-24T12:00'"
check '--ack -i: in place, by rename, nothing else changed, no temporary left' \
    "cp $D/one.rec $T/i.rec; before=\$(ls -i $T/i.rec | cut -d' ' -f1);
     inc-escalate $N --ack initial-report=2026-11-24T10:00:00+08:00 -i $T/i.rec; st=\$?;
     [ \$st -eq 1 ] && [ \"\$(ls -i $T/i.rec | cut -d' ' -f1)\" != \"\$before\" ] &&
     grep -q '^reported: 2026-11-24T10:00:00+08:00' $T/i.rec &&
     grep -v '^reported:\\|^due:' $T/i.rec | cmp - \$(cp $D/one.rec $T/w; echo >>$T/w; echo $T/w) && [ \$(ls $T | grep -c 'i.rec') -eq 1 ]"
check '-i twice equals once' \
    "cp $D/states.rec $T/s.rec; inc-escalate $N -i $T/s.rec; cp $T/s.rec $T/s1; inc-escalate $N -i $T/s.rec; cmp $T/s1 $T/s.rec"
check '-i on a file that cannot be read: exit 2, nothing created' \
    "mkdir $T/d; inc-escalate $N -i $T/d/missing.rec 2>/dev/null; [ \$? -eq 2 ] && [ -z \"\$(ls -A $T/d)\" ]"
check 'every state of every obligation is shown by states.rec' \
    "for o in initial-report police-report risk-assessment leaders-report; do for s in met late pending overdue missed; do
       grep -q \"^due: \$o \$s \" $D/states.out || { echo \$o \$s; exit 1; }; done; done;
     for s in met late pending missed; do grep -q \"^due: handling-report \$s \" $D/states.out || exit 1; done"

# --notices: who must be told, from the plan's organisation.
check_out '--notices text (en): people and phones of the plan' \
    $D/notices-en.out "inc-escalate $N --lang en --notices $D/one.rec"
check_out '--notices text (zh)' \
    $D/notices-zh.out "inc-escalate $N --lang zh --notices $D/one.rec"
check_out '--notices --format tsv' \
    $D/notices.tsv "inc-escalate $N --lang zh --notices --format tsv $D/states.rec"
check 'one line per pending, overdue or late obligation of an open incident' \
    "inc-escalate $N $D/states.rec | awk '/^id:/ { open = 1 } /^closed:/ { open = 0 } /^due: [^ ]* (pending|overdue|late) / { d[NR] = open } /^\$/ { for (k in d) n += d[k]; delete d } END { for (k in d) n += d[k]; print n }' >$T/want;
     inc-escalate $N --notices $D/states.rec | wc -l >$T/got; inc-escalate $N --notices --format tsv $D/states.rec | wc -l >>$T/got;
     [ \$(cat $T/want) -gt 10 ] && [ \$(sort -u $T/got) -eq \$(cat $T/want) ]"
check 'tsv: 18 columns on every line' \
    "inc-escalate $N --notices --format tsv $D/states.rec $D/hostile.rec | awk -F'\t' 'NF != 18 { bad = 1 } END { exit bad }'"
check 'the leading group is told through 罗红霞 and the office phones' \
    "inc-escalate $N --lang zh --notices $D/one.rec | grep -q '罗红霞' &&
     inc-escalate $N --lang zh --notices $D/one.rec | grep -q '0759-2733796、0759-2733063'"
check 'the police-report notice names 区公安分局' \
    "inc-escalate $N --lang zh --notices --format tsv $D/one.rec | awk -F'\t' '\$2 == \"police-report\" && \$7 == \"区公安分局\" && \$9 == \"0759-2733796,0759-2733063\"' | grep -q ."
check 'late notices carry 迟报 and the clause 三(三)' \
    "inc-escalate $N --lang zh --notices $D/states.rec | grep -q '^b-late：向领导小组初次报告（initial-report，三(一)）迟报 1s（三(三)），期限 '"
check 'no notices for met or missed obligations, nor for closed incidents' \
    "inc-escalate $N --notices --format tsv $D/states.rec | cut -f1,3 | grep -v 'met\\|missed' >$T/o;
     ! grep -q '^a-met	[^p]\\|^e-missed\\|^f-handling' $T/o"
check_status 1 '--notices: exit 1 when overdue' "inc-escalate $N --notices $D/one.rec"
check_status 0 '--notices: exit 0 when nothing is overdue' \
    "inc-escalate --now 2026-11-24T09:45:00+08:00 --notices $D/one.rec"
check 'pending notice says how much time is left' \
    "inc-escalate --now 2026-11-24T09:45:00+08:00 --lang en --notices $D/one.rec | grep -q '^inc-20261124-0002: .*(initial-report, 三(一)) pending, 55m2s left, deadline 2026-11-24T10:40:02+08:00; '"
check 'record text is made safe for a terminal in text notices' \
    "inc-escalate $N --notices $D/hostile.rec | grep incident >$T/o; ! grep -q \"\$(printf '\\033')\" $T/o && grep -q 'x1b' $T/o"
check 'tabs and controls are blanked in tsv' \
    "inc-escalate $N --notices --format tsv $D/hostile.rec | head -1 | cut -f14 | grep -qx 'defaced page ]0;owned   .2J cleared'"
check '--notices -i: notices on stdout, due fields into the file' \
    "cp $D/one.rec $T/n.rec; inc-escalate $N --notices -i $T/n.rec >$T/o; grep -q 罗红霞 $T/o && grep -q '^due: police-report overdue' $T/n.rec"

# The duty roster.
check_out 'on duty: a date beats the weekday rotation' \
    '值班员丁 Duty Officer D	138-0000-0004' \
    "inc-escalate $N --roster share/examples/roster.rec --notices --format tsv $D/one.rec | head -1 | cut -f10,11"
check_out 'on duty: the weekday rotation (Saturday)' \
    '值班员丙 Duty Officer C	138-0000-0003, 0759-2733063' \
    "inc-escalate --now 2026-11-28T23:59:59+08:00 --roster share/examples/roster.rec --notices --format tsv $D/one.rec | head -1 | cut -f10,11"
check_out 'on duty from $INC_ROSTER, Monday' \
    '值班员甲 Duty Officer A	138-0000-0001' \
    "INC_ROSTER=share/examples/roster.rec inc-escalate --now 2026-11-23T00:00:00+08:00 --notices --format tsv $D/states.rec | head -1 | cut -f10,11"
check_out 'on duty: the default' '值班室 duty room	0759-2733796' \
    "printf 'default: yes\nname: 值班室 duty room\nphone: 0759-2733796\n\nweekday: sun\nname: x\n' >$T/r.rec;
     inc-escalate $N --roster $T/r.rec --notices --format tsv $D/one.rec | head -1 | cut -f10,11"
check 'the officer on duty comes first in a text notice' \
    "inc-escalate $N --roster share/examples/roster.rec --lang en --notices $D/one.rec | grep -c '(police-report, 三(一)) overdue by 1h19m58s, deadline 2026-11-24T10:40:02+08:00; on duty 值班员丁 Duty Officer D, phones 138-0000-0004; tell District Public Security Bureau (no phone of its own in the plan: through Office of the District Government Network and Information Security Emergency Leading Group, phones 0759-2733796, 0759-2733063); ' | grep -qx 1"
check 'a bad roster: exit 2 with file:line' \
    "printf 'weekday: someday\nname: a\n\nname: b\n' >$T/b.rec; inc-escalate $N --roster $T/b.rec $D/one.rec >/dev/null 2>$T/e; [ \$? -eq 2 ] &&
     grep -q '$T/b.rec:1: weekday: not days' $T/e && grep -q '$T/b.rec:4: roster entry needs exactly one of' $T/e"
check_status 2 'a roster that cannot be read: exit 2' \
    "inc-escalate $N --roster $T/none.rec $D/one.rec"

# Usage errors and output errors.
check_status 2 'unknown option' "inc-escalate --bogus $D/one.rec"
check_status 2 '--format other than text or tsv' "inc-escalate --notices --format xml $D/one.rec"
check_status 2 '--format without --notices' "inc-escalate --format tsv $D/one.rec"
check_status 2 '-i without files' "inc-escalate -i <$D/one.rec"
check_status 2 '--ack with --notices but without -i' "inc-escalate --notices --ack initial-report $D/one.rec"
check_status 2 'a bad --now' "inc-escalate --now 2026-11-24T24:00:00+08:00 $D/one.rec"
check_status 2 'a file that cannot be read' "inc-escalate $N $T/missing.rec"
check_status 2 'a write error (/dev/full)' "inc-escalate $N $D/states.rec >/dev/full"
check_status 0 '--help' "inc-escalate --help"
