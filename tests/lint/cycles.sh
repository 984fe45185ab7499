#!/bin/sh
# cycles.sh OBJECT... - fail when objects of the library need each
# other's symbols, directly or round a longer loop.  A cycle means two
# files are one module split by accident: neither can be understood,
# tested or linked without the other.  Each object's defined and undefined
# symbols come from nm -P; an edge a -> b is a symbol a needs that b
# defines; a group of objects that reach each other is a cycle, printed
# with the symbols of each edge inside it.
#
#	sh tests/lint/cycles.sh build/lib/*.o build/plan-embedded.o
#
# Name the objects of today's sources (the Makefile's LIB_OBJ): one left
# in build/ from a source since removed still defines its old symbols.
# Exit 0 with no cycle, 1 with one or more, 2 when an object cannot be
# read.  POSIX sh, nm and awk: no python on the machine is needed.
if [ $# -eq 0 ]; then
	echo "usage: cycles.sh OBJECT..." >&2
	exit 2
fi
for o in "$@"; do
	# "- path" starts each object's symbols, "! path" when nm cannot
	# read it: no symbol is named "-" or "!".
	printf -- '- %s\n' "$o"
	nm -P "$o" || printf '! %s\n' "$o"
done | awk '
$1 == "-" {
	n++
	name[n] = substr($0, 3)
	sub(/.*\//, "", name[n])
	cur = n
	next
}
$1 == "!" {
	print "cycles.sh: cannot read " substr($0, 3) > "/dev/stderr"
	bad = 1
	next
}
# nm -P: "symbol type [value size]".  U is undefined; another capital
# letter is a global definition (T text, D data, B bss, R read-only,
# C common, W and V weak ones); lower case is local to the object.
NF >= 2 && $2 == "U" {
	nu[cur]++
	undef[cur, nu[cur]] = $1
	next
}
NF >= 2 && $2 ~ /^[A-Z]$/ {
	if (!($1 in owner))
		owner[$1] = cur
}
END {
	if (bad)
		exit 2
	for (a = 1; a <= n; a++)
		for (k = 1; k <= nu[a]; k++) {
			s = undef[a, k]
			if (!(s in owner) || (b = owner[s]) == a)
				continue
			reach[a, b] = 1
			syms[a, b] = syms[a, b] " " s
		}
	# Warshall: reach[a, b] when b is reachable from a.
	for (k = 1; k <= n; k++)
		for (a = 1; a <= n; a++) {
			if (!((a, k) in reach))
				continue
			for (b = 1; b <= n; b++)
				if ((k, b) in reach)
					reach[a, b] = 1
		}
	cycles = 0
	for (a = 1; a <= n; a++) {
		if ((a in group) || !((a, a) in reach))
			continue
		cycles++
		line = "cycle:"
		for (b = a; b <= n; b++)
			if (b == a || (((a, b) in reach) && ((b, a) in reach))) {
				group[b] = cycles
				line = line " " name[b]
			}
		print line
		for (x = a; x <= n; x++) {
			if (!(x in group) || group[x] != cycles)
				continue
			for (y = a; y <= n; y++)
				if ((y in group) && group[y] == cycles &&
				    ((x, y) in syms))
					print "   " name[x] " -> " name[y] ":" \
					    syms[x, y]
		}
	}
	print cycles " cycles"
	exit (cycles > 0)
}'
