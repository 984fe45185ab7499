#!/bin/sh
# cron.t - the shipped crontab and systemd unit, after make install with
# the default prefix (DESTDIR into a temp dir, PREFIX=/usr/local): each
# crontab line's command run as cron runs it (env -i, the crontab's
# variables over cron's own, no TTY, LANG and TZ unset, \% made %), and
# what it prints (what cron would mail to MAILTO), what it mails to the
# duty office, and its exit status, for a run that finds nothing, one
# that finds something and one that fails.  mail(1) is a stand-in that
# keeps what it was given.
. tests/lib.sh
plan 26

R=$T/root
V=$T/var/lib/inc
E=share/examples
mkdir -p "$V" "$T/etc/inc"
cp $E/roster.rec "$T/etc/inc/"

check 'make install DESTDIR=... with the default PREFIX' \
    "make -s install DESTDIR=$R SANITIZE=$SANITIZE >/dev/null"
cat >"$R/usr/local/bin/mail" <<EOS
#!/bin/sh
n=\$(ls "$T" | grep -c '^mail\\.')
{ echo "args: \$*"; cat; } >"$T/mail.\$n"
EOS
chmod +x "$R/usr/local/bin/mail"

# The crontab with its paths moved under $T.
sed "s|/usr/local|$R/usr/local|g; s|/var/lib/inc|$V|g; s|/etc/inc|$T/etc/inc|g" \
    $E/crontab >"$T/crontab"
# cron's own environment, then the crontab's NAME=value lines.
cronenv="HOME=$T LOGNAME=inc SHELL=/bin/sh PATH=/usr/bin:/bin"
for a in $(grep -E '^[A-Z_]+=' "$T/crontab"); do cronenv="$cronenv $a"; done
# Line N's command: fields 6 on, \% made %.
grep -E '^[0-9*@]' "$T/crontab" | sed 's/^\([^ 	]*[ 	]*\)\{5\}//; s/\\%/%/g' \
    >"$T/commands"
ESC=$(sed -n 1p "$T/commands")
REP=$(sed -n 2p "$T/commands")

# run ENV COMMAND: as cron would; cron.out what it would mail, cron.st.
run() {
	rm -f "$T"/mail.*
	env -i $1 /usr/bin/setsid -w /bin/sh -c "$2" </dev/null \
	    >"$T/cron.out" 2>&1
	echo $? >"$T/cron.st"
}

overdue='id: a\ntitle: DDoS on the portal\ndetected: 2026-11-24T09:40:00+08:00\nstatus: open\n'
fine='id: b\ntitle: fine\ndetected: 2026-11-24T09:40:00+08:00\nlevel: IV\nreported: 2026-11-24T09:50:00+08:00\npolice_reported: 2026-11-24T09:50:00+08:00\nassessed: 2026-11-24T10:00:00+08:00\nhandling_report: 2026-11-24T11:00:00+08:00\nstatus: closed\nclosed: 2026-11-24T12:00:00+08:00\n'

check 'the crontab has two jobs and no bare % (cron would cut the line there)' \
    "[ \$(wc -l <$T/commands) -eq 2 ] && ! grep -E '^[0-9*@].*[^\\\\]%' $E/crontab"
check 'the crontab sets PATH to the default prefix, mails errors, sets no TZ' \
    "grep -qx 'PATH=/usr/local/bin:/usr/bin:/bin' $E/crontab && grep -qx 'MAILTO=root' $E/crontab && ! grep -q '^TZ=' $E/crontab"

# inc-escalate every 15 minutes.
printf "$fine" >"$V/a.rec"
run "$cronenv" "$ESC"
check 'escalate, nothing overdue: nothing printed' "[ ! -s $T/cron.out ]"
check 'escalate, nothing overdue: no mail' "! ls $T/mail.* 2>/dev/null"
check_out 'escalate, nothing overdue: exit 0' 0 "cat $T/cron.st"

printf "$overdue" >"$V/a.rec"
run "$cronenv" "$ESC"
check 'escalate, overdue: nothing for cron to mail' "[ ! -s $T/cron.out ]"
check_out 'escalate, overdue: the notices mailed to the duty office' \
    'args: -s inc: overdue reports duty@example.org' "head -1 $T/mail.0"
check 'escalate, overdue: one line per obligation, police-report among them' \
    "grep -c '^a: ' $T/mail.0 | grep -qx 4 && grep -q '(police-report, 三(一)) overdue by' $T/mail.0"
check 'escalate, overdue: the roster of /etc/inc is read' \
    "grep -q 'on duty 值班员' $T/mail.0"
check_out 'escalate, overdue: exit 0 (the job did its work)' 0 "cat $T/cron.st"

rm -f "$V/a.rec"
run "$cronenv" "$ESC"
check 'escalate, no record files: the error for cron to mail' \
    "grep -q '^inc-escalate: $V/\\*.rec: ' $T/cron.out && grep -qx 'inc-escalate failed (exit 2)' $T/cron.out"
check 'escalate, no record files: no mail to the duty office' "! ls $T/mail.* 2>/dev/null"

printf "$overdue"'\nid: c\ndetected: yesterday\n' >"$V/a.rec"
run "$cronenv" "$ESC"
check 'escalate, a bad record beside an overdue one: the notices mailed' \
    "grep -q '^a: ' $T/mail.0"
check 'escalate, a bad record: and the error for cron to mail' \
    "grep -q 'a.rec:7: ' $T/cron.out && grep -qx 'inc-escalate failed (exit 2)' $T/cron.out"

printf "$overdue" >"$V/a.rec"
run "HOME=$T LOGNAME=inc SHELL=/bin/sh PATH=/usr/bin:/bin" "$ESC"
check 'without the crontab PATH cron could not find inc: said, not silent' \
    "grep -q 'inc-escalate: not found' $T/cron.out && grep -qx 'inc-escalate failed (exit 127)' $T/cron.out"
mv "$R/usr/local/bin/mail" "$T/mail-prog"
run "$cronenv" "$ESC"
check 'no mail(1) installed: said, for cron to mail' \
    "grep -q 'mail: not found' $T/cron.out"
mv "$T/mail-prog" "$R/usr/local/bin/mail"

# The duty report every night.
printf "$fine" >"$V/a.rec"
run "$cronenv" "$REP"
check 'report: nothing printed' "[ ! -s $T/cron.out ]"
check_out 'report: mailed to the duty office' \
    'args: -s inc: duty report duty@example.org' "head -1 $T/mail.0"
check 'report: in Chinese, the day of the plan zone with LANG and TZ unset' \
    "sed -n 3p $T/mail.0 | grep -qx '值班日报' && grep -qx '时区: Asia/Shanghai (UTC+08:00)' $T/mail.0 &&
     grep -q '^时段: [0-9-]*T00:00:00+08:00 -- ' $T/mail.0"
rm -f "$V/a.rec"
run "$cronenv" "$REP"
check 'report, no record files: the error for cron to mail, no report' \
    "grep -qx 'inc-report failed (exit 2)' $T/cron.out && ! ls $T/mail.* 2>/dev/null"

# The systemd unit: its ExecStart (systemd's $$ and %% undone), with
# its Environment, no TTY.
X=$(sed -n "s|^ExecStart=/bin/sh -c '\\(.*\\)'\$|\\1|p" $E/inc-escalate.service |
    sed 's/\$\$/$/g; s/%%/%/g' |
    sed "s|/var/lib/inc|$V|g")
UENV="HOME=$T PATH=$R/usr/local/bin:/usr/bin:/bin INC_ROSTER=$T/etc/inc/roster.rec"
check 'the unit sets PATH to the default prefix, no TZ, OnFailure' \
    "grep -qx 'Environment=PATH=/usr/local/bin:/usr/bin:/bin INC_ROSTER=/etc/inc/roster.rec' $E/inc-escalate.service &&
     grep -qx 'OnFailure=inc-failed@%n.service' $E/inc-escalate.service && [ -f $E/inc-failed@.service ]"
printf "$fine" >"$V/a.rec"
run "$UENV" "$X"
check 'unit, nothing overdue: succeeds, no mail' \
    "[ \$(cat $T/cron.st) -eq 0 ] && ! ls $T/mail.* 2>/dev/null"
printf "$overdue" >"$V/a.rec"
run "$UENV" "$X"
check 'unit, overdue: the notices mailed, the unit succeeds' \
    "[ \$(cat $T/cron.st) -eq 0 ] && grep -q '(police-report, 三(一))' $T/mail.0"
rm -f "$V/a.rec"
run "$UENV" "$X"
check 'unit, no record files: the unit fails (exit 2), the error in the journal' \
    "[ \$(cat $T/cron.st) -eq 2 ] && grep -qx 'inc-escalate failed (exit 2)' $T/cron.out"
printf "$overdue" >"$V/a.rec"
rm "$R/usr/local/bin/mail"
run "$UENV" "$X"
check 'unit, overdue but no mail(1): the unit fails' "[ \$(cat $T/cron.st) -eq 2 ]"
