# shared.t - a record file shared by many writers (DESIGN section 6):
# every record written ends with a blank line, so outputs concatenate
# and append; two records run together are reported, not read as one;
# every change holds the file's flock(2) lock, -i from the first read to
# the rename, so concurrent -i edits and an --append pipeline lose
# nothing; -i keeps the file what it was, or refuses; SIGTERM loses
# nothing made.
. tests/lib.sh
N='--now 2026-11-24T12:00:00+08:00'
ex=share/examples
na=$(grep -c . $ex/alerts.log)	# alert lines: records of --all
nb=$((na + 3))			# and the 3 shipped incidents
plan 50

# --- records end with a blank line ----------------------------------------
check 'cat of two outputs: as many records as both, read without a word' \
    "inc-classify --raw --all $N $ex/alerts.log >$T/a.rec; [ \$? -le 1 ] &&
     inc-classify $N $ex/incidents.rec >$T/b.rec; [ \$? -le 1 ] &&
     [ \$(recsel -c $T/a.rec) -eq $na ] && [ \$(recsel -c $T/b.rec) -eq 3 ] &&
     cat $T/a.rec $T/b.rec >$T/ab.rec && [ \$(recsel -c $T/ab.rec) -eq $nb ] &&
     inc-escalate $N $T/ab.rec >$T/o 2>$T/e; [ \$? -le 1 ] && [ ! -s $T/e ] &&
     [ \$(grep -c '^id: ' $T/o) -eq $nb ]"
check '>> of --raw --all onto the shipped incidents: every record, none joined' \
    "cp $ex/incidents.rec $T/i.rec &&
     inc-classify --raw --all $N $ex/alerts.log >>$T/i.rec; [ \$? -le 1 ] &&
     [ \$(recsel -c $T/i.rec) -eq $nb ] && recfix --check $T/i.rec &&
     { inc-escalate $N $T/i.rec >/dev/null 2>$T/e; [ \$? -le 1 ]; } && [ ! -s $T/e ]"
check 'a filter given two files without a last blank line: two records' \
    "printf 'id: a\ncategory: other\n' >$T/x.rec;
     printf 'id: b\ncategory: other' >$T/y.rec;
     inc-checklist $T/x.rec $T/y.rec >$T/o 2>$T/e && [ ! -s $T/e ] &&
     printf 'id: a\ncategory: other\nprocedure: system-failure\n\nid: b\ncategory: other\nprocedure: system-failure\n\n' |
     cmp -s - $T/o"
check 'every filter ends its output with a blank line' \
    "printf 'id: a\ndetected: 2026-11-24T09:00:00+08:00\n' >$T/x.rec;
     for p in inc-classify 'inc-escalate $N' inc-checklist 'inc-classify --raw --all'; do
	\$p $T/x.rec | tail -c 2 | od -An -tx1 | grep -q '0a 0a' ||
	    { echo \"\$p\"; exit 1; }; done"

# --- two records run together ---------------------------------------------
printf 'id: a\ndetected: 2026-11-24T09:00:00+08:00\ntitle: first\nid: b\ndetected: 2026-11-24T09:30:00+08:00\ntitle: second\n\nid: c\ndetected: 2026-11-24T10:00:00+08:00\n\n' \
    >$T/two.rec
head -n 6 $T/two.rec >$T/two.head
for p in inc-classify "inc-escalate $N" inc-checklist; do
	check "two id fields: ${p%% *} says so at the second, exit 2, the record untouched" \
	    "$p $T/two.rec >$T/o 2>$T/e; [ \$? -eq 2 ] &&
	     grep -qx '${p%% *}: $T/two.rec:4: a second id field (the first at line 1): records seem to have run together, a blank line missing between them; passed through untouched' $T/e &&
	     head -n 7 $T/o | cmp -s - \$(cat $T/two.head >$T/w; echo >>$T/w; echo $T/w) &&
	     grep -q '^id: c' $T/o"
done
check 'two id fields: the day report counts neither as an incident' \
    "inc-report --format json --day 2026-11-24 $N $T/two.rec >$T/o 2>$T/e;
     [ \$? -eq 2 ] && grep -q 'two.rec:4: a second id field' $T/e &&
     jq -e '[.incidents[].id] == [\"c\"]' $T/o >/dev/null"
check 'two id fields in an old closed record (answered unparsed): still said' \
    "printf 'id: old1\ndetected: 2020-01-01T09:00:00+08:00\nclosed: 2020-01-01T10:00:00+08:00\nstatus: closed\nid: old2\n\n' >$T/old.rec;
     inc-report --format json --day 2026-11-24 $N $T/old.rec >/dev/null 2>$T/e;
     [ \$? -eq 2 ] && grep -q 'old.rec:5: a second id field' $T/e &&
     inc-escalate $N $T/old.rec >/dev/null 2>$T/e; [ \$? -eq 2 ] &&
     grep -q 'old.rec:5: a second id field' $T/e"

# A program started with & by sh has SIGINT ignored, and keeps it so (as
# nohup wants): dfl (only after &: it execs) restores the default.
dfl() { exec python3 -c 'import os, signal, sys
for s in signal.SIGINT, signal.SIGTERM, signal.SIGHUP:
	signal.signal(s, signal.SIG_DFL)
os.execvp(sys.argv[1], sys.argv[1:])' "$@"; }
# wait_bounded PID: its status, or 137 after 20 s (kill -9): no hang.
wait_bounded() { (sleep 20; kill -9 $1) 2>/dev/null & w=$!; wait $1; s=$?
	kill $w 2>/dev/null; return $s; }

# --- -i keeps the file what it was ----------------------------------------
printf 'id: a\ndetected: 2026-11-24T09:00:00+08:00\n\n' >$T/one.rec
mkfifo $T/fifo
ln -s fifo $T/fifo.link
for f in fifo fifo.link; do
	check "-i on a FIFO ($f): exit 2, said, not opened, still a FIFO" \
	    "timeout 10 inc-checklist -i $T/$f 2>$T/e; [ \$? -eq 2 ] &&
	     grep -q 'a FIFO, not a record file: nothing done' $T/e && [ -p $T/fifo ]"
done
check '-i on a device: exit 2, nothing done' \
    "inc-classify -i /dev/null 2>$T/e; [ \$? -eq 2 ] &&
     grep -q '/dev/null: a character device, not a record file' $T/e && [ -c /dev/null ]"
check '-i on a directory: exit 2, nothing done' \
    "mkdir $T/d; inc-escalate $N -i $T/d 2>$T/e; [ \$? -eq 2 ] &&
     grep -q 'a directory, not a record file' $T/e && [ -d $T/d ]"
check '-i on a socket: exit 2, nothing done' \
    "python3 -c 'import socket,sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])' $T/sock &&
     inc-classify -i $T/sock 2>$T/e; [ \$? -eq 2 ] && grep -q 'a socket, not a record file' $T/e &&
     [ -S $T/sock ]"
check '-i through a symbolic link: the target edited, the link kept' \
    "cp $T/one.rec $T/target.rec; ln -s target.rec $T/sym.rec;
     inc-escalate $N -i $T/sym.rec; [ \$? -le 1 ] && [ -L $T/sym.rec ] &&
     grep -q '^due: ' $T/target.rec"
check '-i on a file of two hard links: refused, both untouched' \
    "cp $T/one.rec $T/h1.rec; ln $T/h1.rec $T/h2.rec;
     inc-checklist -i $T/h1.rec 2>$T/e; [ \$? -eq 2 ] &&
     grep -q 'h1.rec: 2 hard links: -i would split them' $T/e &&
     cmp -s $T/h1.rec $T/one.rec && [ \$(stat -c %h $T/h2.rec) -eq 2 ]"
check '-i on a read-only file (0444, the directory writable): refused, untouched' \
    "cp $T/one.rec $T/ro.rec; chmod 444 $T/ro.rec; ls -i $T/ro.rec >$T/ino;
     inc-escalate $N -i $T/ro.rec 2>$T/e; [ \$? -eq 2 ] &&
     grep -q 'ro.rec: read-only file (mode 0444)' $T/e &&
     cmp -s $T/ro.rec $T/one.rec && ls -i $T/ro.rec | cmp -s - $T/ino &&
     [ \$(stat -c %a $T/ro.rec) = 444 ] && ! ls $T/ro.rec.inc-* >/dev/null 2>&1"
check '-i on a file that did not change: left alone, same inode and time' \
    "inc-classify $N $T/one.rec >$T/c.rec; touch -d '2020-01-01 00:00' $T/c.rec;
     stat -c '%i %Y' $T/c.rec >$T/before; inc-classify $N -i $T/c.rec; [ \$? -le 1 ] &&
     stat -c '%i %Y' $T/c.rec | cmp -s - $T/before"
check '-i with no file named: a usage error' \
    "inc-checklist --done 1 -i </dev/null >$T/o 2>$T/e; [ \$? -eq 2 ] && grep -q usage $T/e && [ ! -s $T/o ]"
check '-i - (standard input): refused, exit 2, nothing written' \
    "inc-escalate $N -i - <$T/one.rec >$T/o 2>$T/e; [ \$? -eq 2 ] &&
     grep -q -- '-i edits named files, not standard input' $T/e && [ ! -s $T/o ]"
check '-i with standard input closed (<&-): the file edited, nothing on stdout' \
    "cp $T/one.rec $T/cl.rec; inc-checklist $N --done 1 -i $T/cl.rec <&- >$T/o 2>$T/e &&
     [ ! -s $T/o ] && [ ! -s $T/e ] && grep -q '^step: system-failure.1 ' $T/cl.rec"
check '-i with standard error closed (2>&-): no message written into the file' \
    "printf 'id: x\nlevel: V\n\n' >$T/bad.rec; cp $T/bad.rec $T/bad.before;
     inc-escalate $N -i $T/bad.rec 2>&-; [ \$? -eq 2 ] && cmp -s $T/bad.rec $T/bad.before"
check 'a filter with standard input closed: a read error, exit 2' \
    "inc-classify <&- >$T/o 2>$T/e; [ \$? -eq 2 ] && grep -q -- '-: read error' $T/e"

# Owner, group, mode, ACL and extended attributes, where the tree is (a
# file system with user.* attributes; /tmp may have none).  An ACL or
# attribute that cannot be set here fails these tests: no silent skip.
X=$(pwd)/build/shared-t.$$
rm -rf "$X"; mkdir -p "$X"
trap 'rm -rf "$T" "$X"' EXIT
cp $T/one.rec $X/a.rec
chmod 640 $X/a.rec
if [ "$(id -u)" = 0 ]; then chown 65534:65534 $X/a.rec; fi
check 'setup: the tree takes an ACL and a user.* attribute (setfacl, setfattr)' \
    "setfacl -m u:65534:rw,g::r,m::rw $X/a.rec && setfattr -n user.inc.test -v kept $X/a.rec &&
     getfattr -n user.inc.test --only-values $X/a.rec | grep -qx kept"
stat -c '%u:%g %a' $X/a.rec >$T/owner.before
getfacl -cpn $X/a.rec >$T/acl.before 2>/dev/null
check '-i keeps owner, group and mode' \
    "inc-checklist $N --done 1 -i $X/a.rec && grep -q '^step: ' $X/a.rec &&
     stat -c '%u:%g %a' $X/a.rec | cmp - $T/owner.before"
check '-i keeps the ACL, mask and all (getfacl the same)' \
    "getfacl -cpn $X/a.rec 2>/dev/null | cmp - $T/acl.before && grep -q 'user:65534:rw-' $T/acl.before"
check '-i keeps the extended attributes' \
    "getfattr -n user.inc.test --only-values $X/a.rec | grep -qx kept"
check '-i on a file without ACL in a directory with a default ACL: no ACL gained' \
    "mkdir $X/dacl && setfacl -d -m u:65534:rwx $X/dacl && cp $T/one.rec $X/dacl/p.rec &&
     setfacl -b $X/dacl/p.rec && getfacl -cpn $X/dacl/p.rec >$T/p.before 2>/dev/null &&
     inc-checklist $N --done 1 -i $X/dacl/p.rec && grep -q '^step: ' $X/dacl/p.rec &&
     getfacl -cpn $X/dacl/p.rec 2>/dev/null | cmp - $T/p.before"
if [ "$(id -u)" = 0 ]; then
	# A user who may write the file but not keep its owner: refused.
	cp $T/one.rec $X/root.rec
	chmod 666 $X/root.rec
	chmod 777 $X
	check '-i on a file of another owner: refused, untouched' \
	    "setpriv --reuid=65534 --regid=65534 --clear-groups $(pwd)/bin/inc-checklist -i $X/root.rec 2>$T/e;
	     [ \$? -eq 2 ] && grep -q 'owned by uid 0: -i could not keep the owner' $T/e &&
	     cmp -s $X/root.rec $T/one.rec"
else
	check '-i on a file of another owner: refused, untouched' \
	    "cp /etc/hostname $T/h; inc-checklist -i /etc/hostname 2>$T/e;
	     [ \$? -eq 2 ] && cmp -s /etc/hostname $T/h"
fi

# --- the lock -------------------------------------------------------------
check 'flock(1) holds the file: -i waits --wait seconds, says so, exit 2, untouched' \
    "cp $T/one.rec $T/l.rec; flock $T/l.rec sleep 4 & sleep 0.3;
     inc-checklist $N --done 1 --wait 1 -i $T/l.rec 2>$T/e; st=\$?; kill \$! 2>/dev/null; wait;
     [ \$st -eq 2 ] && grep -q 'l.rec: locked by another program (flock); gave up after 1 s' $T/e &&
     cmp -s $T/l.rec $T/one.rec"
check 'flock(1) holds the file: --append waits, gives up, exit 2' \
    "cp $T/one.rec $T/l.rec; flock $T/l.rec sleep 4 & sleep 0.3;
     echo 'DDoS now' | inc-classify --raw --all $N --wait 1 --append $T/l.rec 2>$T/e; st=\$?;
     kill \$! 2>/dev/null; wait; [ \$st -eq 2 ] && grep -q 'gave up after 1 s' $T/e &&
     cmp -s $T/l.rec $T/one.rec"
check '--wait: not a number of seconds, or without -i: a usage error' \
    "inc-checklist --done 1 --wait soon -i $T/one.rec 2>$T/e; [ \$? -eq 2 ] &&
     grep -q -- '--wait: soon: not a number' $T/e &&
     inc-escalate $N --wait 5 $T/one.rec >/dev/null 2>$T/e; [ \$? -eq 2 ] &&
     grep -q -- '--wait is for the lock' $T/e &&
     inc-classify --append $T/x.rec $T/one.rec >/dev/null 2>$T/e; [ \$? -eq 2 ] &&
     grep -q -- '--append writes the records --raw makes' $T/e"
# A writer that waited for the lock finds the file replaced (by a script
# under flock(1), as an -i replaces it): it edits the new file.
printf 'id: old\ncategory: other\n\n' >$T/r.rec
printf 'id: new\ncategory: other\n\n' >$T/r.new
check 'a writer that waited edits the file that replaced the one it waited for' \
    "flock $T/r.rec sh -c 'sleep 1; mv $T/r.new $T/r.rec' & sleep 0.3;
     inc-checklist $N --done 1 --wait 30 -i $T/r.rec; st=\$?; wait;
     [ \$st -eq 0 ] && grep -q '^id: new' $T/r.rec && grep -q '^step: ' $T/r.rec"

# Many writers at once: 8 inc-checklist --done and 8 inc-escalate --ack,
# each -i on its own incident of a 2,000-record file, twice over, while
# inc-classify --append takes 24 alerts from a pipe, a few at a time.
# Every step, every ack and every alert must be in the file after.
awk 'BEGIN { for (i = 0; i < 2000; i++) printf "id: C%d\n" \
    "detected: 2026-11-24T09:15:00+08:00\ncategory: network-attack\n" \
    "title: record %d\n\n", i, i }' >$T/many.rec
i=0
while [ $i -lt 24 ]; do
	echo "Nov 24 10:$((i + 10)):00 web01 sshd[1]: DDoS attack $i from 192.0.2.$i"
	i=$((i + 1))
done >$T/alerts.log
ACKT=initial-report=2026-11-24T10:00:00+08:00
{
	{ i=0; while [ $i -lt 24 ]; do sed -n "$((i + 1))p" $T/alerts.log
	  sleep 0.05; i=$((i + 1)); done; } |
	    inc-classify --raw --all $N --wait 60 --append $T/many.rec 2>$T/e.append &
	w=1
	while [ $w -le 8 ]; do
		{ for round in 1 2; do
			inc-checklist $N --done $round --by t$w --wait 60 \
			    --incident C$((w * 100)) -i $T/many.rec || echo "checklist $w" >>$T/fail
			inc-escalate $N --ack $ACKT --wait 60 \
			    --incident C$((w * 100 + round)) -i $T/many.rec
			[ $? -le 1 ] || echo "escalate $w" >>$T/fail
		  done; } 2>>$T/e.many &
		w=$((w + 1))
	done
	wait
}
check 'concurrent: 16 steps by 8 writers, none lost' \
    "[ ! -s $T/fail ] && [ \$(grep -c '^step: network-attack\.[12] ' $T/many.rec) -eq 16 ] &&
     for w in 1 2 3 4 5 6 7 8; do recsel -e \"id = 'C\$((w * 100))'\" -P step $T/many.rec |
	grep -c . | grep -qx 2 || exit 1; done"
check 'concurrent: 16 acks by 8 writers, none lost' \
    "[ \$(grep -c '^reported: 2026-11-24T10:00:00+08:00' $T/many.rec) -eq 16 ]"
check 'concurrent: the 24 alerts appended meanwhile, each once' \
    "[ ! -s $T/e.append ] && [ \$(grep -c '^title: DDoS attack' $T/many.rec) -eq 24 ] &&
     [ \$(grep '^title: DDoS attack' $T/many.rec | sort -u | wc -l) -eq 24 ]"
check 'concurrent: 2,024 records, recfix --check passes, nothing said' \
    "[ \$(recsel -c $T/many.rec) -eq 2024 ] && recfix --check $T/many.rec && [ ! -s $T/e.many ]"

# --- --append ---------------------------------------------------------------
check '--append: the records to FILE, nothing on standard output' \
    "cp $ex/incidents.rec $T/ap.rec;
     inc-classify --raw --all $N --append $T/ap.rec $ex/alerts.log >$T/o; [ \$? -le 1 ] &&
     [ ! -s $T/o ] && [ \$(recsel -c $T/ap.rec) -eq $nb ] && recfix --check $T/ap.rec"
check '--append again (a restarted tail -F): no record twice' \
    "inc-classify --raw --all $N --append $T/ap.rec $ex/alerts.log; [ \$? -le 1 ] &&
     [ \$(recsel -c $T/ap.rec) -eq $nb ]"
check '--append to a file without a last blank line: not joined' \
    "printf 'id: hand\ndetected: 2026-11-24T09:00:00+08:00' >$T/hand.rec;
     echo 'DDoS now' | inc-classify --raw --all $N --append $T/hand.rec; [ \$? -le 1 ] &&
     [ \$(recsel -c $T/hand.rec) -eq 2 ] && inc-escalate $N $T/hand.rec >/dev/null 2>$T/e;
     [ ! -s $T/e ]"
check '--append to a file not there: created' \
    "echo 'DDoS now' | inc-classify --raw --all $N --append $T/newfile.rec; [ \$? -le 1 ] &&
     [ \$(recsel -c $T/newfile.rec) -eq 1 ]"
check '--append follows an -i that replaced FILE: every alert in the file named' \
    "cp $T/one.rec $T/f.rec; rm -f $T/fifo2; mkfifo $T/fifo2;
     inc-classify --raw --all $N --append $T/f.rec <$T/fifo2 & pid=\$!; exec 3>$T/fifo2;
     echo 'DDoS one' >&3; i=0; while ! grep -q 'DDoS one' $T/f.rec && [ \$i -lt 100 ]; do sleep 0.1; i=\$((i + 1)); done;
     inc-checklist $N --done 1 -i $T/f.rec; echo 'DDoS two' >&3; exec 3>&-; wait_bounded \$pid;
     grep -q '^title: DDoS one' $T/f.rec && grep -q '^title: DDoS two' $T/f.rec &&
     grep -q '^step: ' $T/f.rec"
check '--append to a FIFO or a read-only file: refused, exit 2' \
    "echo 'DDoS now' | inc-classify --raw --all $N --append $T/fifo 2>$T/e; [ \$? -eq 2 ] &&
     grep -q 'a FIFO, not a record file' $T/e &&
     cp $T/one.rec $T/ro2.rec && chmod 444 $T/ro2.rec &&
     echo 'DDoS now' | inc-classify --raw --all $N --append $T/ro2.rec 2>$T/e; [ \$? -eq 2 ] &&
     grep -q 'ro2.rec: read-only file (mode 0444)' $T/e && cmp -s $T/ro2.rec $T/one.rec"
check 'SIGTERM while --append waits for the lock: the record still appended, exit 143' \
    "cp $T/one.rec $T/w.rec; rm -f $T/fifo7; mkfifo $T/fifo7;
     inc-classify --raw --all $N --wait 30 --append $T/w.rec <$T/fifo7 2>$T/e & pid=\$!;
     exec 3>$T/fifo7; echo 'DDoS before' >&3; i=0;
     while ! grep -q 'DDoS before' $T/w.rec && [ \$i -lt 100 ]; do sleep 0.1; i=\$((i + 1)); done;
     flock $T/w.rec sleep 2 & fl=\$!; sleep 0.3;
     echo 'DDoS while locked' >&3; sleep 0.5; kill -TERM \$pid;
     wait_bounded \$pid; st=\$?; exec 3>&-; wait \$fl;
     [ \$st -eq 143 ] && grep -q '^title: DDoS while locked' $T/w.rec &&
     [ \$(recsel -c $T/w.rec) -eq 3 ]"

# --- signals ----------------------------------------------------------------
# Alerts from a FIFO, the program waiting for more: each record is in the
# output already; SIGTERM, SIGINT, SIGHUP: exit 128 + n, nothing lost.
for sig in TERM INT HUP; do
	case $sig in TERM) sn=15 ;; INT) sn=2 ;; HUP) sn=1 ;; esac
	check "$sig with alerts in hand from a FIFO: all written, exit $((128 + sn))" \
	    "rm -f $T/fifo3; mkfifo $T/fifo3; : >$T/sig.out;
	     dfl inc-classify --raw --all $N $T/fifo3 >$T/sig.out 2>$T/sig.err & pid=\$!;
	     exec 3>$T/fifo3; printf 'DDoS one\nDDoS two\nDDoS three\n' >&3; i=0;
	     while [ \$(grep -c '^id: ' $T/sig.out) -lt 3 ] && [ \$i -lt 100 ]; do sleep 0.1; i=\$((i + 1)); done;
	     kill -$sig \$pid; wait_bounded \$pid; st=\$?; exec 3>&-;
	     [ \$st -eq $((128 + sn)) ] && [ \$(recsel -c $T/sig.out) -eq 3 ] && [ ! -s $T/sig.err ] &&
	     tail -c 2 $T/sig.out | od -An -tx1 | grep -q '0a 0a'"
done
check 'SIGTERM from /dev/stdin (a pipe): the records made are written, exit 143' \
    "rm -f $T/fifo4; mkfifo $T/fifo4;
     inc-classify --raw --all $N /dev/stdin <$T/fifo4 >$T/sig.out 2>$T/sig.err & pid=\$!;
     exec 3>$T/fifo4; printf 'DDoS one\nDDoS two\n' >&3; i=0;
     while [ \$(grep -c '^id: ' $T/sig.out) -lt 2 ] && [ \$i -lt 100 ]; do sleep 0.1; i=\$((i + 1)); done;
     kill -TERM \$pid; wait_bounded \$pid; st=\$?; exec 3>&-;
     [ \$st -eq 143 ] && [ \$(recsel -c $T/sig.out) -eq 2 ]"
check 'SIGTERM to a filter reading a pipe: records written, exit 143' \
    "rm -f $T/fifo5; mkfifo $T/fifo5;
     inc-escalate $N <$T/fifo5 >$T/sig.out 2>$T/sig.err & pid=\$!;
     exec 3>$T/fifo5; cat $T/one.rec $T/one.rec >&3; i=0;
     while [ \$(grep -c '^id: ' $T/sig.out) -lt 2 ] && [ \$i -lt 100 ]; do sleep 0.1; i=\$((i + 1)); done;
     kill -TERM \$pid; wait_bounded \$pid; st=\$?; exec 3>&-;
     [ \$st -eq 143 ] && [ \$(grep -c '^due: initial-report' $T/sig.out) -eq 2 ]"
awk 'BEGIN { for (i = 0; i < 200000; i++) printf "id: r%d\n" \
    "detected: 2026-11-24T09:15:00+08:00\ntitle: record %d with a title\n\n", i, i }' \
    >$T/big.rec
cp $T/big.rec $T/big.before
check 'SIGTERM during -i: the edit dropped, the file as it was, no temporary, exit 143' \
    "inc-escalate $N -i $T/big.rec 2>$T/e & pid=\$!; i=0;
     while [ \$i -lt 20000 ] && ! ls $T/big.rec.inc-* >/dev/null 2>&1; do i=\$((i + 1)); done;
     kill -TERM \$pid; wait_bounded \$pid; st=\$?;
     [ \$st -eq 143 ] && cmp -s $T/big.rec $T/big.before && ! ls $T/big.rec.inc-* >/dev/null 2>&1"
