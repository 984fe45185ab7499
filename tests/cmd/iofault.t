# iofault.t - what the disk and the pipe do to inc: a full disk
# (/dev/full) is exit 2 with a message; a closed pipe (| head -1) ends
# quietly, SIGPIPE ignored or not; -i survives kill -9 at any moment,
# leaving the old file or the new one, and leaves no temporary after a
# normal run; a read error names the file.
. tests/lib.sh
N='--now 2026-11-24T12:00:00+08:00'
ACK='--ack initial-report=2026-11-24T09:40:00+08:00'
TIMEOUT=${HOSTILE_TIMEOUT:-60}

# Every program and mode that writes to standard output.
MODES="inc-classify
inc-classify --raw --all
inc-escalate $N
inc-escalate $N --notices
inc-escalate $N --notices --format tsv
inc-escalate $N $ACK"
[ -x bin/inc-checklist ] && MODES="$MODES
inc-checklist
inc-checklist --pending"
[ -x bin/inc-report ] && MODES="$MODES
inc-report --day 2026-11-24
inc-report --day 2026-11-24 --format csv
inc-report --day 2026-11-24 --format json
inc-report --day 2026-11-24 --format markdown"
nmodes=$(echo "$MODES" | grep -c .)
KILLS='0 0.01 0.03 0.06 0.1 0.2 0.3 0.45 0.6 0.8 1.2 tmp renamed'
nkills=$(echo $KILLS | wc -w)
nprogs=$(echo "$MODES" | awk '{ print $1 }' | sort -u | wc -l)
nshown=$(echo "$MODES" | grep -cv -e --pending -e '^inc-report')
nmi=$(ls bin/inc-escalate bin/inc-classify bin/inc-checklist 2>/dev/null | wc -l)
plan $((4 * nmodes + 2 * nprogs + 5 + nkills + 3 + 1 + 4 + nmi + 2 + nmodes + nshown))

# Records: a small file, one of 3 MB (20,000 records) for the faults,
# one of 30 MB for kill -9 (3 MB under valgrind, slower by as much).
NREC=20000
NKILL=200000
[ -n "${VALGRIND:-}" ] && NKILL=20000
printf 'id: a\ndetected: 2026-11-24T09:15:00+08:00\ntitle: web page defaced\n' \
    >$T/small.rec
records() {	# n
	awk -v n="$1" 'BEGIN { for (i = 0; i < n; i++) printf "id: r%d\n" \
	    "detected: 2026-11-24T09:15:00+08:00\ntitle: record %d with a " \
	    "title long enough to be a line\nlog: 2026-11-24T09:20:00+08:00 " \
	    "looked at it\n\n", i, i }'
}
records $NREC >$T/big.rec
records $NKILL >$T/kill.rec

quiet_fail() {	# what command: exit 2, one "prog: " message at least
	(eval "$2") >/dev/full 2>$T/e
	st=$?
	prog=${2%% *}
	if [ "$st" -eq 2 ] && grep -q "^$prog: .*write error" $T/e &&
	    ! grep -qE 'Sanitizer|runtime error|==[0-9]+==' $T/e; then
		ok "$1"
	else
		notok "$1 (exit $st)"
		head -c 400 $T/e | sed 's/^/#   /'
	fi
}

quiet_pipe() {	# what command: nothing said, SIGPIPE ignored or not
	(eval "$2" 2>$T/e | head -n 1 >/dev/null)
	(trap '' PIPE; eval "$2" 2>$T/e2 | head -n 1 >/dev/null)
	if [ ! -s $T/e ] && [ ! -s $T/e2 ]; then
		ok "$1"
	else
		notok "$1"
		cat $T/e $T/e2 | head -c 400 | sed 's/^/#   /'
	fi
}

while read -r m; do
	quiet_fail "/dev/full, small input: $m" "$m $T/small.rec"
	quiet_fail "/dev/full, $NREC records: $m" "$m $T/big.rec"
	quiet_pipe "| head -1, $NREC records: $m" "$m $T/big.rec"
	quiet_pipe "| head -1, standard input: $m" "$m <$T/big.rec"
done <<EOF
$MODES
EOF
for p in $(echo "$MODES" | awk '{ print $1 }' | sort -u); do
	quiet_fail "/dev/full: $p --help" "$p --help"
	quiet_fail "/dev/full: $p --version" "$p --version"
done
quiet_fail '/dev/full: inc-plan show' 'inc-plan show'
quiet_fail '/dev/full: inc-plan show --format json' \
    'inc-plan show --format json'
quiet_fail '/dev/full: inc-plan --help' 'inc-plan --help'
quiet_pipe '| head -1: inc-plan show' 'inc-plan show'
quiet_pipe '| head -1: inc-plan show --format json' \
    'inc-plan show --format json'

# -i and kill -9: the new content is what a run to the end writes.
cp $T/kill.rec $T/new.rec
inc-escalate $N $ACK -i $T/new.rec 2>/dev/null
old=0 new=0 stray=0
for k in $KILLS; do
	ls $T/f.rec.inc-* >/dev/null 2>&1 && stray=$((stray + 1))
	rm -f $T/f.rec.inc-*
	cp $T/kill.rec $T/f.rec
	inc-escalate $N $ACK -i $T/f.rec 2>/dev/null &
	pid=$!
	if [ "$k" = tmp ] || [ "$k" = renamed ]; then
		# While the temporary is being written.
		i=0
		while [ $i -lt 5000 ] && ! ls $T/f.rec.inc-* >/dev/null 2>&1
		do i=$((i + 1)); done
		# Or just as it takes the file's place.
		while [ "$k" = renamed ] && [ $i -lt 50000 ] &&
		    ls $T/f.rec.inc-* >/dev/null 2>&1
		do i=$((i + 1)); done
	else
		sleep "$k"
	fi
	kill -9 $pid 2>/dev/null
	wait $pid 2>/dev/null
	if cmp -s $T/f.rec $T/kill.rec; then
		old=$((old + 1))
		ok "kill -9 after ${k}: the old file, whole"
	elif cmp -s $T/f.rec $T/new.rec; then
		new=$((new + 1))
		ok "kill -9 after ${k}: the new file, whole"
	else
		notok "kill -9 after ${k}: neither old nor new" \
		    "($(wc -c <$T/f.rec) bytes)"
	fi
done
ls $T/f.rec.inc-* >/dev/null 2>&1 && stray=$((stray + 1))
# A killed run cannot remove its temporary: say how often one was left.
echo "# kill -9: $old times the old file, $new times the new;" \
    "$stray stray temporaries"
rm -f $T/f.rec.inc-*
cp $T/kill.rec $T/f.rec
check '-i, a normal run: the new file, no temporary left' \
    "inc-escalate $N $ACK -i $T/f.rec; [ \$? -le 1 ] && cmp -s $T/f.rec $T/new.rec &&
     ! ls $T/f.rec.inc-* >/dev/null 2>&1"
check '-i, an error in a record: no temporary left either' \
    "printf 'id: x\nlevel: V\n' >$T/bad.rec; inc-escalate $N -i $T/bad.rec;
     [ \$? -eq 2 ] && ! ls $T/bad.rec.inc-* >/dev/null 2>&1"
check '-i keeps the mode of the file' \
    "cp $T/small.rec $T/m.rec; chmod 640 $T/m.rec; inc-classify -i $T/m.rec;
     [ \$(stat -c %a $T/m.rec) = 640 ]"

# -i through a symbolic link edits the file it names, the link kept.
printf 'id: a\ndetected: 2026-11-24T09:15:00+08:00\n' >$T/real.rec
ln -s real.rec $T/link.rec
check '-i on a symbolic link: the link stays a link, its target edited' \
    "inc-escalate $N -i $T/link.rec; [ -L $T/link.rec ] &&
     grep -q '^due: ' $T/real.rec && ! ls $T/*.inc-* >/dev/null 2>&1"

# Read errors name the file: a directory, a file that is not there, a
# disk that fails halfway (LD_PRELOAD: read(2) fails after 300 kB).
check 'a directory: named, exit 2' \
    "inc-classify $T 2>$T/e; [ \$? -eq 2 ] && grep -q \"^inc-classify: $T: read error\" $T/e"
check 'a missing file: named, exit 2, the next file still read' \
    "inc-escalate $N $T/nosuch $T/small.rec >$T/o 2>$T/e; [ \$? -eq 2 ] &&
     grep -q \"^inc-escalate: $T/nosuch: No such file\" $T/e &&
     grep -q '^id: a' $T/o"
check 'alert lines from a directory: named, exit 2' \
    "inc-classify --raw --all $T 2>$T/e; [ \$? -eq 2 ] && grep -q \"^inc-classify: $T: read error\" $T/e"
check '-i on a missing file: named, exit 2, nothing created' \
    "inc-classify -i $T/gone.rec 2>$T/e; [ \$? -eq 2 ] &&
     grep -q \"$T/gone.rec: No such file\" $T/e && ! ls $T/gone.rec* >/dev/null 2>&1"
${CC:-cc} -shared -fPIC -o $T/readfail.so tests/cmd/iofault/readfail.c -ldl ||
    exit 2
# The sanitizers' runtime wants to come first; here it need not.
ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0
export ASAN_OPTIONS
for p in "inc-escalate $N" inc-classify inc-checklist; do
	[ -x bin/${p%% *} ] || continue
	cp $T/big.rec $T/f.rec
	check "-i and a read error halfway: $p leaves the file as it was" \
	    "LD_PRELOAD=$T/readfail.so INC_READFAIL=100000 $p -i $T/f.rec 2>$T/e;
	     [ \$? -eq 2 ] && cmp -s $T/f.rec $T/big.rec &&
	     grep -q 'left as it was' $T/e && ! ls $T/f.rec.inc-* >/dev/null 2>&1"
done
for p in inc-classify "inc-escalate $N"; do
	check "/dev/full: $p says write error once" \
	    "$p $T/big.rec >/dev/full 2>$T/e; [ \$? -eq 2 ] &&
	     [ \$(grep -c 'write error' $T/e) -eq 1 ]"
done
while read -r m; do
	prog=${m%% *}
	LD_PRELOAD=$T/readfail.so INC_READFAIL=300000 timeout $TIMEOUT \
	    $m $T/big.rec >$T/o 2>$T/e
	st=$?
	if [ $st -eq 2 ] &&
	    grep -q "^$prog: $T/big.rec: read error: Input/output error" $T/e
	then
		ok "a read error halfway, named: $m"
	else
		notok "a read error halfway, named: $m (exit $st)"
		head -c 400 $T/e | sed 's/^/#   /'
	fi
	# What was read before it is still written.
	case $m in
	*--raw*)	want='^title: id: r100$' ;;
	*--notices*)	want='^r100[:	]' ;;
	*--pending*|inc-report*) continue ;;
	*)		want='^id: r100$' ;;
	esac
	check "a read error halfway, what came before written: $m" \
	    "grep -q '$want' $T/o"
done <<EOF
$MODES
EOF
