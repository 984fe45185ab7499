# lib.sh - command-level tests: a few lines of input, a command, the
# expected output or status.  Sourced by tests/cmd/*.t, run from the top
# of the tree; speaks TAP.
#
#	check 'what it proves' 'command'	ok when the command succeeds
#	check_status N 'what' 'command'		ok when it exits N
#	check_out 'what' expected 'command'	ok when stdout equals the file
#						(or text, when not a file)
# $T is a fresh temporary directory, removed at the end.

PATH=$(pwd)/bin:$PATH
export PATH
TZ=${TZ:-Asia/Shanghai}
LANG=C.UTF-8
export TZ LANG
unset INC_PLAN INC_ROSTER LC_ALL LC_MESSAGES
T=$(mktemp -d) || exit 2
trap 'rm -rf "$T"' EXIT
if [ -n "${VALGRIND:-}" ]; then		# make check VALGRIND=1
	sh tests/valgrind wrap "$T/.vg" || exit 2
	PATH=$T/.vg:$PATH
	trap 'sh tests/valgrind report "$T/.vg"; rm -rf "$T"' EXIT
fi
n=0

plan() { echo "1..$1"; }

ok() { n=$((n + 1)); echo "ok $n - $1"; }
notok() { n=$((n + 1)); echo "not ok $n - $1"; }

check() {
	if (eval "$2") >"$T/.out" 2>&1; then
		ok "$1"
	else
		notok "$1"
		sed 's/^/#   /' "$T/.out"
	fi
}

check_status() {
	(eval "$3") >"$T/.out" 2>"$T/.err"
	st=$?
	if [ "$st" -eq "$1" ]; then
		ok "$2"
	else
		notok "$2 (exit $st, wanted $1)"
		sed 's/^/#   /' "$T/.out" "$T/.err"
	fi
}

check_out() {
	if [ -f "$2" ]; then cp "$2" "$T/.want"
	else printf '%s\n' "$2" >"$T/.want"; fi
	(eval "$3") >"$T/.out" 2>"$T/.err"
	if cmp -s "$T/.want" "$T/.out"; then
		ok "$1"
	else
		notok "$1"
		diff -u "$T/.want" "$T/.out" | sed 's/^/#   /'
		sed 's/^/#   stderr: /' "$T/.err"
	fi
}
