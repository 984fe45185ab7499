# install.t - make install puts programs, pages (1, 5 and the generated
# 7) and the plan under DESTDIR/PREFIX; make uninstall takes them away.
. tests/lib.sh
plan 6
D=$T/dest
check 'make install DESTDIR PREFIX' \
    "make -s install DESTDIR=$D PREFIX=/usr SANITIZE=$SANITIZE >/dev/null"
check 'the five programs in bin' \
    "for p in classify escalate checklist report plan; do test -x $D/usr/bin/inc-\$p || exit 1; done"
check 'the plan in share/inc' "cmp share/inc/plan.yaml $D/usr/share/inc/plan.yaml"
check 'pages in man1, man5 and man7' \
    "test -f $D/usr/share/man/man1/inc-report.1 && test -f $D/usr/share/man/man5/inc-record.5 && test -f $D/usr/share/man/man7/inc-network-attack.7"
check 'the installed page shows the steps' \
    "MANWIDTH=200 man -l $D/usr/share/man/man7/inc-network-attack.7 2>/dev/null | grep -q '确定攻击目标和攻击来源'"
check 'make uninstall leaves no file' \
    "make -s uninstall DESTDIR=$D PREFIX=/usr SANITIZE=$SANITIZE >/dev/null && [ -z \"\$(find $D -type f)\" ]"
