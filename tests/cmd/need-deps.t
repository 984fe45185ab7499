#!/bin/sh
# need-deps.t - make demo and make check set themselves up: as root the
# missing Debian packages are installed (apt-get update, then install),
# otherwise the exact sudo line is printed and the exit status is 1.
# apt-get and id are stand-ins here, on PATH before the real ones; CC=false
# makes every header missing.
. tests/lib.sh
plan 8

mkdir -p "$T/bin"
cat >"$T/bin/apt-get" <<EOS
#!/bin/sh
echo "apt-get \$*" >>"$T/apt.log"
EOS
printf '#!/bin/sh\necho "${FAKE_UID:-0}"\n' >"$T/bin/id"
chmod +x "$T/bin/apt-get" "$T/bin/id"
ND="env PATH=$T/bin:$PATH CC=false sh tests/need-deps"

check_status 1 'not root: exit 1' "FAKE_UID=1000 $ND build"
check_out 'not root: the exact sudo line' \
    'inc: install them with: sudo apt-get install -y libyaml-dev libcsv-dev libpcre2-dev' \
    "FAKE_UID=1000 $ND build 2>&1 | grep sudo"
check 'not root: apt-get is not run' "[ ! -e $T/apt.log ]"
check_out 'root: apt-get update, then install what is missing' \
    'apt-get update -qq
apt-get install -y -qq libyaml-dev libcsv-dev libpcre2-dev' \
    "$ND build 2>/dev/null; cat $T/apt.log"
check 'root: and says what it does' \
    "rm -f $T/apt.log; $ND build 2>&1 | grep -qx 'inc: apt-get update && apt-get install -y libyaml-dev libcsv-dev libpcre2-dev'"
check_status 1 'root: still missing after apt-get is exit 1' "$ND build"
check_out 'check needs the test tools too' \
    'inc: install them with: sudo apt-get install -y libyaml-dev libcsv-dev libpcre2-dev libcmocka-dev' \
    "FAKE_UID=1000 $ND check 2>&1 | grep sudo"
check 'all present: exit 0, nothing said, nothing installed' \
    "rm -f $T/apt.log; env PATH=$T/bin:$PATH sh tests/need-deps check >$T/o 2>&1 && [ ! -s $T/o ] && [ ! -e $T/apt.log ]"
