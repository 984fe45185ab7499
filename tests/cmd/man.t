# man.t - every page in man/ is clean mdoc and says what its exit
# statuses mean.
. tests/lib.sh
pages=$(ls man/*.[1-9])
plan $(( $(echo "$pages" | wc -l) * 2 ))
for p in $pages; do
	check "$p: mandoc -Tlint -Wwarning is silent" \
	    "out=\$(mandoc -Tlint -Wwarning $p 2>&1); echo \"\$out\"; [ -z \"\$out\" ]"
	case $p in
	*.1)	check "$p: has EXIT STATUS and EXAMPLES" \
		    "grep -q '^\.Sh EXIT STATUS' $p && grep -q '^\.Sh EXAMPLES' $p" ;;
	*)	check "$p: has EXAMPLES" "grep -q '^\.Sh EXAMPLES' $p" ;;
	esac
done
