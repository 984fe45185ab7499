# shared.t - a record file shared by many writers (DESIGN section 6):
# every record written ends with a blank line, so outputs concatenate
# and append; two records run together are reported, not read as one.
. tests/lib.sh
N='--now 2026-11-24T12:00:00+08:00'
ex=share/examples
plan 9

# --- records end with a blank line ----------------------------------------
check 'cat of two outputs: as many records as both, read without a word' \
    "inc-classify --raw $N $ex/alerts.log >$T/a.rec; [ \$? -le 1 ] &&
     inc-classify $N $ex/incidents.rec >$T/b.rec; [ \$? -le 1 ] &&
     [ \$(recsel -c $T/a.rec) -eq 8 ] && [ \$(recsel -c $T/b.rec) -eq 3 ] &&
     cat $T/a.rec $T/b.rec >$T/ab.rec && [ \$(recsel -c $T/ab.rec) -eq 11 ] &&
     inc-escalate $N $T/ab.rec >$T/o 2>$T/e; [ \$? -le 1 ] && [ ! -s $T/e ] &&
     [ \$(grep -c '^id: ' $T/o) -eq 11 ]"
check '>> of --raw onto the shipped incidents: 11 records, none joined' \
    "cp $ex/incidents.rec $T/i.rec &&
     inc-classify --raw $N $ex/alerts.log >>$T/i.rec; [ \$? -le 1 ] &&
     [ \$(recsel -c $T/i.rec) -eq 11 ] && recfix --check $T/i.rec &&
     inc-escalate $N $T/i.rec >/dev/null 2>$T/e; [ ! -s $T/e ]"
check 'a filter given two files without a last blank line: two records' \
    "printf 'id: a\ncategory: other\n' >$T/x.rec;
     printf 'id: b\ncategory: other' >$T/y.rec;
     inc-checklist $T/x.rec $T/y.rec >$T/o 2>$T/e && [ ! -s $T/e ] &&
     printf 'id: a\ncategory: other\nprocedure: system-failure\n\nid: b\ncategory: other\nprocedure: system-failure\n\n' |
     cmp -s - $T/o"
check 'every filter ends its output with a blank line' \
    "printf 'id: a\ndetected: 2026-11-24T09:00:00+08:00\n' >$T/x.rec;
     for p in inc-classify 'inc-escalate $N' inc-checklist 'inc-classify --raw'; do
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
