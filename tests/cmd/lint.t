#!/bin/sh
# lint.t - tests/lint/cycles.sh finds what it is for: two objects that
# need each other's symbols, or three round a loop, are a cycle (exit 1,
# named with the symbols of each edge); a chain is none (exit 0); an
# object nm cannot read is an error (exit 2).  make check runs it over
# the library's own objects (tests/run).
. tests/lib.sh
plan 6
C=${CC:-cc}
L=tests/lint/cycles.sh

unit() {	# name "code": one object in $T
	printf '%s\n' "$2" >"$T/$1.c" && $C -c -o "$T/$1.o" "$T/$1.c"
}
unit a 'int b(void); int a(void) { return b(); }'
unit b 'int a(void); int b(void) { return a() + 1; }'
unit c 'int c(void) { return 1; }'
unit d 'int c(void); int d(void) { return c(); }'
unit x 'int y(void); int x(void) { return y(); }'
unit y 'int z(void); int y(void) { return z(); }'
unit z 'int x(void); int z(void) { return x(); }'

check_status 1 'two objects that need each other: a cycle' \
    "sh $L $T/a.o $T/b.o $T/c.o"
check 'the cycle named with its symbols, the object outside it not' \
    "sh $L $T/a.o $T/b.o $T/c.o >$T/o; grep -qx 'cycle: a.o b.o' $T/o &&
     grep -q 'a.o -> b.o: b' $T/o && grep -qx '1 cycles' $T/o && ! grep -q c.o $T/o"
check 'three round a loop: one cycle of three' \
    "sh $L $T/x.o $T/y.o $T/z.o $T/d.o $T/c.o >$T/o; [ \$? -eq 1 ] &&
     grep -qx 'cycle: x.o y.o z.o' $T/o && grep -qx '1 cycles' $T/o"
check_status 0 'a chain is no cycle' "sh $L $T/d.o $T/c.o"
check_status 2 'an object nm cannot read is an error' \
    "printf 'not an object' >$T/bad.o; sh $L $T/c.o $T/bad.o"
check_status 2 'no object named: usage' "sh $L"
