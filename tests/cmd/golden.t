#!/bin/sh
# golden.t - golden outputs per input and format (mandoc's regress/): the
# day report in text, markdown, csv and json, the handling report in
# each of its formats, both languages, and inc-escalate's records and
# notices, each compared byte for byte with cmp, so that a refactor is
# proven.  The exit status is part of each: the last line of the file.
# "sh tests/cmd/golden.t write" writes them anew (bin/ of the tree).
. tests/lib.sh
G=tests/cmd/golden
plan $(grep -c '^[^#]' $G/cases)

tab=$(printf '\t')
grep '^[^#]' $G/cases | while IFS=$tab read -r name cmd; do
	if [ "${1:-}" = write ]; then
		$cmd >$G/$name 2>/dev/null
		echo "exit $?" >>$G/$name
		ok "$name written"
		continue
	fi
	check "$name: $cmd" "$cmd >\$T/out 2>/dev/null; echo \"exit \$?\" >>\$T/out; cmp $G/$name \$T/out"
done
