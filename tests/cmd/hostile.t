# hostile.t - every program, every mode, on records an attacker wrote:
# random bytes, NUL, invalid UTF-8, a 20 MB line, lines that are no
# field, bad names, too many fields, 200,000 continuation lines, CRLF,
# a byte order mark, impossible times, values the plan does not know.
# Each bad paragraph stands between two good records; every run must
# end by itself (timeout), exit 2 with "prog: file:line: message", keep
# both good records, and write a paragraph it could not read back byte
# for byte.  Big inputs are made here, in $T.
. tests/lib.sh
N='--now 2026-11-24T12:00:00+08:00'
TIMEOUT=${HOSTILE_TIMEOUT:-60}

# The modes of each program that reads records ("N" stands for $N).
MODES='inc-classify
inc-classify -i
inc-escalate N
inc-escalate N -i
inc-escalate N --notices
inc-escalate N --notices --format tsv
inc-escalate N --ack initial-report'
[ -x bin/inc-checklist ] && MODES="$MODES
inc-checklist
inc-checklist -i
inc-checklist --pending"
[ -x bin/inc-report ] && MODES="$MODES
inc-report --day 2026-11-24
inc-report --day 2026-11-24 --format csv
inc-report --day 2026-11-24 --format json"
# Under valgrind (VALGRIND=1) a run costs half a second more whatever
# its input: one mode of each program, the reader's work being shared.
if [ -n "${VALGRIND:-}" ]; then
	MODES=$(echo "$MODES" | grep -e '^inc-classify -i' -e '--notices$' \
	    -e '^inc-escalate N$' -e '^inc-checklist$' -e 'json$')
fi
nmodes=$(echo "$MODES" | grep -c .)
# The programs that add fields to a record.
FULL="inc-classify
inc-escalate $N"
[ -x bin/inc-checklist ] && FULL="$FULL
inc-checklist
inc-checklist --done 2 --now 2026-11-24T12:00:00+08:00"
nfull=$(echo "$FULL" | grep -c .)

C=$T/cases
mkdir -p "$C"
printf 'id: g1\ndetected: 2026-11-24T09:15:00+08:00\ntitle: before\n' >$T/g1
printf 'id: g2\ndetected: 2026-11-24T10:15:00+08:00\ntitle: after\n' >$T/g2
seq_lines() {	# N text: N lines of text, quickly
	yes "$2" | head -n "$1"
}

# Paragraphs the reader refuses: name, the line of the diagnostic when
# the paragraph starts at line 5 (after g1 and a blank line).
printf 'id: bad\ntitle this line has no colon\n' >$C/no-colon
printf '+ a continuation before any field\nid: bad\n' >$C/cont-first
printf 'id: bad\n# a comment\n+ a continuation after it\n' >$C/cont-comment
printf 'id: bad\nTitle: upper case\n' >$C/name-upper
printf 'id: bad\n1st: a digit first\n' >$C/name-digit
printf 'id: bad\n: no name\n' >$C/name-empty
printf 'id: bad\nti tle: a space\n' >$C/name-space
printf 'id: bad\ntit\0le: a NUL in the name\ntitle: and \0 in a value\n' >$C/nul
printf 'id: bad\n\377\376: invalid UTF-8 name\ntitle: \300\200\355\240\200\n' \
    >$C/utf8
printf '\357\273\277id: bad\ntitle: a BOM inside the file\n' >$C/bom-inside
{ echo 'id: bad'; printf 'title: '; head -c 2000000 /dev/zero | tr '\0' x
  echo; } >$C/line-2mb
{ echo 'id: bad'; printf 'title: '; head -c 20000000 /dev/zero | tr '\0' x
  echo; } >$C/line-20mb
{ echo 'id: bad'; seq_lines 100000 'f: x'; } >$C/fields-100001
{ echo 'id: bad'; echo 'log: x'
  seq_lines 200000 '+ forty-four bytes of continuation text, a line'
} >$C/cont-200k-10mb
python3 -c 'import random, sys
r = random.Random(7)
sys.stdout.buffer.write(bytes(r.getrandbits(8) for _ in range(65536)))' \
    >$T/random || exit 2
tr -d '\n' <$T/random | fold -b -w 100 >$C/random-lines
echo >>$C/random-lines
# Random bytes, blank lines and all: several paragraphs, several errors.
{ cat $T/random; printf '\n'; } >$C/random

STRUCT='no-colon 6
cont-first 5
cont-comment 7
name-upper 6
name-digit 6
name-empty 6
name-space 6
nul 6
utf8 6
bom-inside 5
line-2mb 6
line-20mb 5
fields-100001 100005
cont-200k-10mb 5
random-lines 5'

# Records the reader takes whose values the programs refuse: which
# programs read the field, and the line of the diagnostic.
sem() {	# name line programs text
	printf "id: bad\\n$4\\n" >$C/$1
	SEM="$SEM$1 $2 $3
"
}
SEM=
T3=inc-classify,inc-escalate,inc-report	# the programs that read times
sem feb-30 6 $T3 'detected: 2026-02-30T09:15:00+08:00'
sem hour-24 6 $T3 'detected: 2026-11-24T24:00:00+08:00'
sem year-1969 6 $T3 'detected: 1969-12-31T23:59:59Z'
sem year-10000 6 $T3 'detected: 10000-01-01T00:00:00Z'
sem year-0 6 $T3 'detected: 0000-01-01T00:00:00Z'
sem offset-25h 6 $T3 'detected: 2026-11-24T09:15:00+25:00'
sem month-13 6 $T3 'detected: 2026-13-01 09:15'
sem level-v 7 inc-classify,inc-escalate \
    'detected: 2026-11-24T09:15:00+08:00\nlevel: V'
sem category 7 inc-classify,inc-checklist \
    'detected: 2026-11-24T09:15:00+08:00\ncategory: spam'
sem subtype 7 inc-classify 'detected: 2026-11-24T09:15:00+08:00\nsubtype: spam'
sem importance 7 inc-classify 'detected: 2026-11-24T09:15:00+08:00\nimportance: huge'
sem loss 7 inc-classify 'detected: 2026-11-24T09:15:00+08:00\nloss: total'
sem impact 7 inc-classify 'detected: 2026-11-24T09:15:00+08:00\nimpact: cosmic'
sem system 7 inc-classify 'detected: 2026-11-24T09:15:00+08:00\nsystem: nosuch'
sem reported-yes 7 inc-escalate,inc-report \
    'detected: 2026-11-24T09:15:00+08:00\nreported: yes'
sem closed-soon 7 inc-escalate,inc-report \
    'detected: 2026-11-24T09:15:00+08:00\nclosed: soon'
sem status-closed 7 inc-escalate 'detected: 2026-11-24T09:15:00+08:00\nstatus: closed'
sem procedure 7 inc-checklist \
    'detected: 2026-11-24T09:15:00+08:00\nprocedure: nosuch'
sem step 7 inc-checklist \
    'detected: 2026-11-24T09:15:00+08:00\nstep: nosuch.1 2026-11-24T09:20:00+08:00'

in_list() {	# mode list: is the mode's program in the list?
	case ,$2, in *,${1%% *},*) return 0 ;; esac
	return 1
}
nsem=0
while read -r name line progs; do
	while read -r m; do
		in_list "$m" "$progs" && nsem=$((nsem + 1))
	done <<EOF
$MODES
EOF
done <<EOF
$(echo "$SEM" | grep .)
EOF
nstruct=$(echo "$STRUCT" | grep -c .)
plan $((nstruct * nmodes + 3 * nmodes + nsem + 5 + nfull + nstruct + 2))

# run MODE FILE: the program on FILE; stdout (or FILE, after -i) in
# $T/o, stderr in $T/e, the status in $st, the program's name in $prog.
run() {
	m=$1 f=$2
	set -- $m
	prog=$1
	shift
	args=
	for a; do
		if [ "$a" = N ]; then args="$args $N"; else args="$args $a"; fi
	done
	timeout "$TIMEOUT" $prog $args "$f" </dev/null >$T/o 2>$T/e
	st=$?
	case " $args " in *" -i "*) cp "$f" $T/o ;; esac
}

# What a run must show; why not in $why.
verdict() {	# line: exit 2, the diagnostic, no sanitizer, both goods
	why=
	[ "$st" -eq 2 ] || why="$why exit $st;"
	if [ "$1" = - ]; then
		grep -aq "^$prog: $T/in.rec:[0-9][0-9]*: " $T/e ||
		    why="$why no file:line diagnostic;"
	else
		grep -aq "^$prog: $T/in.rec:$1: " $T/e ||
		    why="$why no diagnostic at line $1;"
	fi
	! grep -aqE 'Sanitizer|runtime error|==[0-9]+==' $T/e ||
	    why="$why sanitizer report;"
	case $m in
	*--notices*)
		[ "$(grep -ac '^g[12][:	]' $T/o)" -gt 0 ] &&
		    grep -aq '^g1[:	]' $T/o && grep -aq '^g2[:	]' $T/o ||
		    why="$why a good record lost;" ;;
	inc-report*)
		grep -aq 'g1' $T/o && grep -aq 'g2' $T/o ||
		    why="$why a good record lost;" ;;
	inc-checklist\ --pending*)
		;;
	*)
		[ "$(grep -ac '^id: g[12]$' $T/o)" -eq 2 ] ||
		    why="$why a good record lost;" ;;
	esac
}

report() {	# what
	if [ -z "$why" ]; then
		ok "$1"
	else
		notok "$1:$why"
		head -c 600 $T/e | sed 's/^/#   stderr: /'
	fi
}

records_out() {	# does this mode write records?
	case $m in *--notices*|*--pending*|inc-report*) return 1 ;; esac
	return 0
}

# Structural: between good records, then alone (written back whole).
echo "$STRUCT" | while read -r name line; do echo "$name $line"; done \
    >$T/struct.list
while read -r name line; do
	{ cat $T/g1; echo; cat $C/$name; echo; cat $T/g2; } >$T/whole
	while read -r m; do
		cp $T/whole $T/in.rec
		run "$m" $T/in.rec
		verdict "$line"
		if [ -z "$why" ] && records_out; then
			cp $C/$name $T/in.rec
			run "$m" $T/in.rec
			[ "$st" -eq 2 ] || why="$why alone: exit $st;"
			{ cat $C/$name; echo; } | cmp -s - $T/o ||
			    why="$why alone: not written back byte for byte;"
		fi
		report "$name: $m"
	done <<EOF
$MODES
EOF
done <$T/struct.list

# Random bytes with their own blank lines: many paragraphs, many errors.
for name in random bom-start; do
	if [ $name = bom-start ]; then
		{ printf '\357\273\277'; cat $T/g1; echo; cat $T/g2; } \
		    >$T/whole
		line=1
	else
		{ cat $T/g1; echo; cat $C/random; echo; cat $T/g2; } >$T/whole
		line=-
	fi
	while read -r m; do
		cp $T/whole $T/in.rec
		run "$m" $T/in.rec
		verdict $line
		if [ $name = bom-start ]; then
			# The BOM's paragraph is g1: only g2 is read.
			why=$(echo "$why" | sed 's/ a good record lost;//')
			records_out && ! cmp -s $T/whole $T/o &&
			    ! grep -aq '^id: g2$' $T/o &&
			    why="$why g2 lost;"
			records_out && ! head -c 3 $T/o | grep -aq "$(printf \
			    '\357\273\277')" && why="$why BOM paragraph lost;"
		fi
		report "$name: $m"
	done <<EOF
$MODES
EOF
done

# Values refused by the programs that read them; the record is kept.
echo "$SEM" | grep . >$T/sem.list
while read -r name line progs; do
	{ cat $T/g1; echo; cat $C/$name; echo; cat $T/g2; } >$T/whole
	while read -r m; do
		in_list "$m" "$progs" || continue
		cp $T/whole $T/in.rec
		run "$m" $T/in.rec
		verdict "$line"
		if records_out; then
			grep -aqF "$(sed -n 2p $C/$name)" $T/o ||
			    why="$why the bad field lost;"
		fi
		report "$name: $m"
	done <<EOF
$MODES
EOF
done <$T/sem.list

# Values quoted in diagnostics: no terminal escape reaches stderr.
esc=$(printf '\033')
bel=$(printf '\007')
{ cat $T/g1; echo
  printf 'id: e\033]0;owned\007\ndetected: 2026-11-24T09:15:00+08:00\033[2J\n'
  printf 'level: V\302\23331m\342\200\256\ncategory: c\033[31m\n'
  printf 'subtype: s\302\23331m\n'
  printf 'importance: \033[1m\nsystem: \033[5m\nprocedure: p\033[31m\n'
  printf 'step: x\033[31m\nreported: y\033[31m\nclosed: z\033[2J\n\n'
  printf 'id: f\nprocedure: p\033[31m\n\nid: h\ncategory: c\033[31m\n\n'
  printf 'id: t\ndetected: 2026-11-24T09:15:00+08:00\nlevel: I\n'
  printf 'title: t\033[2J\302\23331m\342\200\256evil\nstatus: open\033[5m\n'
  printf 'category: network-attack\nsystem: portal\033[1m\n'
  printf 'log: 2026-11-24T09:20:00+08:00 l\033[31m\n\n'
  cat $T/g2; } >$T/esc.rec
while read -r m; do
	cp $T/esc.rec $T/in.rec
	run "$m" $T/in.rec
	verdict -
	! grep -aq "[$esc$bel]" $T/e &&
	    ! grep -aq "$(printf '\302\233')" $T/e &&
	    ! grep -aq "$(printf '\342\200\256')" $T/e ||
	    why="$why an escape on stderr;"
	# Text for people (not records, TSV, CSV or JSON): none on stdout.
	case $m in
	*--notices\ --format*|*csv*|*json*) ;;
	*--notices*|*--pending*|inc-report*)
		! grep -aq "[$esc$bel]" $T/o &&
		    ! grep -aq "$(printf '\302\233')" $T/o &&
		    ! grep -aq "$(printf '\342\200\256')" $T/o ||
		    why="$why an escape on stdout;" ;;
	esac
	report "escape sequences in values, made harmless on stderr and in text: $m"
done <<EOF
$MODES
EOF

# Unusual but valid: exit 0 or 1, nothing said, nothing lost.
{ echo 'id: many'; echo 'detected: 2026-11-24T09:15:00+08:00'
  echo 'title: a long log'; seq_lines 200000 '+ y'; } >$T/cont.rec
check '200,000 continuation lines: classified, value kept whole' \
    "timeout $TIMEOUT inc-classify $T/cont.rec >$T/o 2>$T/e; [ \$? -le 1 ] &&
     [ ! -s $T/e ] && grep -c '^+ y\$' $T/o | grep -qx 200000"
check '200,000 continuation lines: escalated, record written back' \
    "timeout $TIMEOUT inc-escalate $N $T/cont.rec >$T/o 2>$T/e; [ \$? -le 1 ] &&
     [ ! -s $T/e ] && grep -v '^due: ' $T/o |
     cmp -s - \$({ cat $T/cont.rec; echo; } >$T/w; echo $T/w)"
printf 'id: crlf\r\ndetected: 2026-11-24T09:15:00+08:00\r\ntitle: a\r\n+ b\r\n\r\n' \
    >$T/crlf.rec
cat $T/g2 >>$T/crlf.rec
check 'CRLF: read, classified, the CRs kept' \
    "inc-classify $T/crlf.rec >$T/o 2>$T/e; [ \$? -le 1 ] && [ ! -s $T/e ] &&
     head -n 4 $T/o | cmp -s - \$(head -n 4 $T/crlf.rec >$T/h; echo $T/h) &&
     grep -q '^category: ' $T/o"
check 'CRLF: escalated: detected read through the CR' \
    "inc-escalate $N $T/crlf.rec >$T/o 2>$T/e; [ \$? -le 1 ] && [ ! -s $T/e ] &&
     grep -qx 'due: initial-report overdue 2026-11-24T10:15:00+08:00' $T/o"
# The reader's limit is 100000 fields: a record at the limit is read,
# but no program can add a field to it.  Say so, keep it whole.
{ echo 'id: full'; echo 'detected: 2026-11-24T09:15:00+08:00'
  seq_lines 99998 'f: x'; } >$T/full.rec
while read -r p; do
	check "100,000 fields: $p says the record is full, writes it back" \
	    "timeout $TIMEOUT $p $T/full.rec >$T/o 2>$T/e; [ \$? -eq 2 ] &&
	     grep -q '$T/full.rec:1: .*too many fields' $T/e &&
	     { cat $T/full.rec; echo; } | cmp -s - $T/o"
done <<EOF
$FULL
EOF
check 'a 20 MB line under -i: the file is the same after' \
    "{ cat $T/g1; echo; cat $C/line-20mb; } >$T/in.rec; cp $T/in.rec $T/before;
     inc-escalate $N -i $T/in.rec 2>$T/e; [ \$? -eq 2 ] &&
     echo >>$T/before; grep -v '^due: ' $T/in.rec | cmp -s - $T/before"

# Alert lines: whatever the bytes, one record per line that is not
# blank, records every program reads without a word.
alerts() {	# file: the lines of it that are not blank
	LC_ALL=C tr -d ' \t\r' <"$1" | LC_ALL=C grep -ac .
}
while read -r name line; do
	{ cat $T/g1; echo; cat $C/$name; echo; cat $T/g2; } >$T/in.rec
	run 'inc-classify --raw --all' $T/in.rec
	why=
	big=$(LC_ALL=C awk 'length($0) > 1048576 { print NR; exit }' \
	    $T/in.rec 2>/dev/null)
	if [ -n "$big" ]; then
		[ "$st" -eq 2 ] || why="$why exit $st;"
		grep -aq "^inc-classify: $T/in.rec:$big: line too long" $T/e ||
		    why="$why no diagnostic at line $big;"
	else
		[ "$st" -le 1 ] || why="$why exit $st;"
		[ ! -s $T/e ] || why="$why said something;"
	fi
	[ "$(grep -ac '^id: inc-' $T/o)" -eq "$(alerts $T/in.rec)" ] ||
	    why="$why $(grep -ac '^id: inc-' $T/o) records for $(alerts \
	    $T/in.rec) lines;"
	timeout "$TIMEOUT" inc-escalate $N $T/o >/dev/null 2>$T/e2
	[ $? -le 1 ] && [ ! -s $T/e2 ] || why="$why escalate refused them;"
	report "alert lines, $name: inc-classify --raw --all"
done <$T/struct.list
{ cat $C/random; printf '\r\n\357\273\277Nov 24 09:00:00 \0\n'; } >$T/in.rec
run 'inc-classify --raw --all' $T/in.rec
why=
[ "$st" -le 1 ] || why="$why exit $st;"
[ "$(grep -ac '^id: inc-' $T/o)" -eq "$(alerts $T/in.rec)" ] ||
    why="$why records lost;"
inc-escalate $N $T/o >/dev/null 2>$T/e2
[ $? -le 1 ] && [ ! -s $T/e2 ] || why="$why escalate refused them;"
report 'alert lines, random bytes, CRLF, BOM, NUL: inc-classify --raw --all'
{ printf 'Nov 24 09:00:00 host tag: '; tr -d '\n' <$C/line-20mb; echo; } \
    >$T/big.log
check 'alert lines: a 20 MB line costs no more than 1 MiB of title' \
    "inc-classify --raw --all <$T/big.log >$T/o 2>$T/e; [ \$? -eq 2 ] &&
     [ \$(wc -c <$T/o) -lt 1100000 ] &&
     grep -q '^inc-classify: -:1: line too long' $T/e"
