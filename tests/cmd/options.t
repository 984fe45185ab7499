#!/bin/sh
# options.t - what every program says of itself: -h/--help with one line
# per option (each option of its man page), -V/--version, messages named
# by the program's name however it was called (getopt's own too), and
# "not a time" with an example of what is.
. tests/lib.sh
plan 54

PROGS='inc-classify inc-escalate inc-checklist inc-report inc-plan'
EX='(like 2026-11-24T09:15:00+08:00 or 2026-11-24 09:15)'

# The long options of a man page's option list, one a line: "--roster"
# (mdoc's "Fl \-roster": Fl adds the first dash).
man_options() {
	sed -n 's/^\.It //p' "man/$1.1" | grep -o 'Fl \\-[a-z\\-]*' |
	    sed 's/^Fl \\/-/; s/\\//g' | sort -u
}

for p in $PROGS; do
	check "$p -h: usage on standard output, exit 0" \
	    "$p -h >$T/h && head -1 $T/h | grep -q '^usage: $p '"
	check "$p --help is -h" "$p --help | cmp -s - $T/h"
	check "$p --help: a line for each option of $p(1)" \
	    "man_options $p >$T/opts; [ -s $T/opts ] &&
	     while read -r o; do
		grep -Eq \"^  (-[a-zA-Z], )?\$o( |\\\$)\" $T/h || { echo \"no \$o\"; exit 1; }
	     done <$T/opts"
	check_out "$p -V" "$p 0.1" "$p -V"
	check_out "$p --version is -V" "$p 0.1" "$p --version"
	check_out "$p: an unknown option, named by the program's name, not its path" \
	    "$p: unknown option --bogus" "./bin/$p --bogus 2>&1 | head -1"
	check_out "$p: an unknown short option" \
	    "$p: unknown option -Z" "./bin/$p -Z 2>&1 | head -1"
	check_out "$p: a missing argument" \
	    "$p: --plan needs an argument" "./bin/$p --plan 2>&1 | head -1"
	check_status 2 "$p: an option error is exit 2" "./bin/$p --bogus"
done
check_out 'an argument to an option that takes none' \
    'inc-report: --help takes no argument' './bin/inc-report --help=x 2>&1 | head -1'
check_out 'an abbreviation of two options' \
    'inc-escalate: --fo is ambiguous: say more of the option' './bin/inc-escalate --fo 2>&1 | head -1'
check 'the usage follows the message, on standard error' \
    "./bin/inc-report --bogus 2>&1 >/dev/null | sed -n 2p | grep -q '^usage: inc-report '"

# "not a time" says what is one.
check_out '--now: not a time, with an example' \
    "inc-escalate: --now yesterday: not a time $EX" \
    'inc-escalate --now yesterday </dev/null 2>&1'
check_out '--since: not a time, with an example' \
    "inc-report: --since 2026-11-25: not a time $EX" \
    'inc-report --since 2026-11-25 </dev/null 2>&1'
check_out '--until: not a time, with an example' \
    "inc-report: --until soon: not a time $EX" \
    'inc-report --since "2026-11-24 09:00" --until soon </dev/null 2>&1'
check_out '--ack: not a time, with an example' \
    "inc-escalate: --ack initial-report: not a time: x $EX" \
    'inc-escalate --ack initial-report=x </dev/null 2>&1'
check_out '--day: not a date, with an example' \
    'inc-report: --day 24.11.2026: not a date (like 2026-11-24)' \
    'inc-report --day 24.11.2026 </dev/null 2>&1'
check 'a step time that is not one, with an example' \
    "printf 'id: a\ndetected: 2026-11-24T09:00:00+08:00\nprocedure: network-attack\nstep: network-attack.1 noon\n' |
     inc-checklist --pending 2>&1 >/dev/null | grep -qF 'not a time $EX'"
