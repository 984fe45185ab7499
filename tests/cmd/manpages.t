# manpages.t - inc-plan man DIR: inc-procedures(7) and one
# inc-<procedure>(7) per procedure, clean mdoc, each showing its steps.
. tests/lib.sh
D=tests/cmd/inc-plan
plan 30

M=$T/man
inc-plan show --format json >"$T/plan.json"
procs=$(jq -r '.procedures[].id' "$T/plan.json")

check_status 0 'man DIR: exit 0' "inc-plan man $M"
check_out 'man DIR: inc-procedures.7 and a page per procedure, nothing else' \
    "$(printf '%s\n' inc-procedures $procs | sed 's/^inc-//; s/^/inc-/; s/$/.7/' | sort)" \
    "ls -A $M | sort"
check_out 'man DIR: 7 pages' 7 "ls $M | wc -l"
for f in inc-procedures $(echo "$procs" | sed 's/^/inc-/'); do
	check "$f.7: mandoc -Tlint -Wwarning is silent" \
	    "out=\$(mandoc -Tlint -Wwarning $M/$f.7 2>&1); echo \"\$out\"; [ -z \"\$out\" ]"
done
# The start of every step, in both languages, as man(1) shows it: spaces
# squeezed (justification), none between CJK characters.
for p in $procs; do
	check "inc-$p.7: man -l shows every step (zh and en)" "
	    MANWIDTH=80 man -l $M/inc-$p.7 2>/dev/null >\"\$T/out\" &&
	    tr -d ' \n' <\"\$T/out\" >\"\$T/flat-zh\" &&
	    tr -s ' \n' '  ' <\"\$T/out\" >\"\$T/flat-en\" &&
	    jq -r '.procedures[] | select(.id == \"$p\") | .steps[].text.zh' \"\$T/plan.json\" |
	    cut -c1-8 | while read -r w; do grep -qF \"\$w\" \"\$T/flat-zh\" || { echo \"no: \$w\"; exit 1; }; done &&
	    jq -r '.procedures[] | select(.id == \"$p\") | .steps[].text.en' \"\$T/plan.json\" |
	    cut -d' ' -f1-3 | while read -r w; do grep -qF \"\$w\" \"\$T/flat-en\" || { echo \"no: \$w\"; exit 1; }; done"
done
check 'a page numbers its steps 1..n in a .Bl -enum list' \
    "n=\$(jq '.procedures[] | select(.id == \"virus-outbreak\") | .steps | length' \"\$T/plan.json\") &&
     [ \$(sed -n '/^\.Sh STEPS/,/^\.El/p' $M/inc-virus-outbreak.7 | grep -c '^\.It') -eq \$n ] &&
     grep -q '^\.Bl -enum' $M/inc-virus-outbreak.7 &&
     MANWIDTH=80 man -l $M/inc-virus-outbreak.7 2>/dev/null | grep -q '^ *7\. '"
check 'a page gives the obligations, the duty phones and SEE ALSO' \
    "MANWIDTH=80 man -l $M/inc-network-attack.7 2>/dev/null >\"\$T/out\" &&
     grep -q '^OBLIGATIONS' \"\$T/out\" && grep -q 'initial-report' \"\$T/out\" &&
     grep -q 'detected + 1h' \"\$T/out\" && grep -q '0759-2733796' \"\$T/out\" &&
     grep -q '0759-2733063' \"\$T/out\" &&
     grep -q 'inc-checklist(1)' \"\$T/out\" && grep -q 'inc-procedures(7)' \"\$T/out\""
check 'a page names the clause of each step' \
    "grep -q '^\.Pq .*四(二)3' $M/inc-network-attack.7"
check 'inc-procedures.7 links every procedure' \
    "for p in $(echo $procs); do grep -q \"^\.It Xr inc-\$p 7\" $M/inc-procedures.7 || exit 1; done"
check 'inc-procedures.7 has the routing: disaster/fire to the fire procedure' \
    "MANWIDTH=80 man -l $M/inc-procedures.7 2>/dev/null | grep -A4 'disaster/fire' | grep -q 'inc-machine-room-fire(7)'"
check 'man --lang en: English only' \
    "inc-plan --lang en man $T/man-en && grep -q 'The network technicians' $T/man-en/inc-network-attack.7 &&
     ! grep -qF '网\:络\:技\:术' $T/man-en/inc-network-attack.7 &&
     for f in $T/man-en/*.7; do [ -z \"\$(mandoc -Tlint -Wwarning \$f 2>&1)\" ] || exit 1; done"
check 'man --lang zh: Chinese only' \
    "inc-plan --lang zh man $T/man-zh && grep -qF '网\:络\:技\:术' $T/man-zh/inc-network-attack.7 &&
     ! grep -q 'The network technicians' $T/man-zh/inc-network-attack.7 &&
     for f in $T/man-zh/*.7; do [ -z \"\$(mandoc -Tlint -Wwarning \$f 2>&1)\" ] || exit 1; done"
check 'hostile plan texts: pages still lint clean' \
    "inc-plan --plan $D/tiny.yaml man $T/tiny &&
     for f in $T/tiny/*.7; do [ -z \"\$(mandoc -Tlint -Wwarning \$f 2>&1)\" ] || exit 1; done"
check 'hostile plan texts: a leading dot and a backslash are shown as text' \
    "MANWIDTH=80 man -l $T/tiny/inc-network-attack.7 2>/dev/null | tr -d ' ' | grep -qF '.TH以点开头的一步\\' &&
     MANWIDTH=80 man -l $T/tiny/inc-network-attack.7 2>/dev/null | grep -qF \"'Quoted start, a back\\\\slash.\""
check 'SOURCE_DATE_EPOCH makes the pages reproducible' \
    "SOURCE_DATE_EPOCH=0 inc-plan man $T/r1 && SOURCE_DATE_EPOCH=0 inc-plan man $T/r2 &&
     diff -r $T/r1 $T/r2 && grep -qx '\.Dd January 1, 1970' $T/r1/inc-procedures.7"
check 'man DIR again replaces the pages, leaves no temporary file' \
    "inc-plan man $M && [ \$(ls -A $M | wc -l) -eq 7 ]"
check_status 2 'man DIR: a DIR that cannot be made is an error' \
    "inc-plan man $T/no/such/dir"
check 'man DIR: the error names the place' \
    "touch $T/file && ! inc-plan man $T/file 2>\"\$T/err\" &&
     grep -q '^inc-plan: $T/file/inc-procedures.7: Not a directory' \"\$T/err\""
check_status 2 'man with two DIRs is a usage error' "inc-plan man $T/a $T/b"
