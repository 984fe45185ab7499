# inc - a toolkit that makes a website emergency response plan executable.
#
#	make		build the library and every program into bin/
#	make check	run every test (SANITIZE=1: under ASan and UBSan)
#	make demo	run the pipeline on the embedded plan and shipped examples
#	make bench	time inc against grep, awk, Miller and recutils
#	make fuzz	libFuzzer on each harness, FUZZ_SECONDS each (clang)
#	make install	PREFIX=/usr/local DESTDIR= (uninstall, clean)
#	make deps	install the Debian packages the build and tests need
#			(make, make demo and make check do it themselves as root)

PREFIX	?= /usr/local
BINDIR	 = $(PREFIX)/bin
MANDIR	 = $(PREFIX)/share/man
SHAREDIR = $(PREFIX)/share/inc

CC	?= cc
CFLAGS	?= -O2 -g
WARN	 = -std=c11 -Wall -Wextra -Wpedantic -Werror
SANITIZERS = -fsanitize=address,undefined -fno-omit-frame-pointer \
	   -fno-sanitize-recover=all
SANFLAGS = $(if $(SANITIZE),$(SANITIZERS))
ALL_CFLAGS = $(WARN) $(CFLAGS) $(SANFLAGS)
ALL_CPPFLAGS = -D_DEFAULT_SOURCE -Ilib $(CPPFLAGS)
ALL_LDFLAGS = $(SANFLAGS) $(LDFLAGS)
LIBS	 = $(shell pkg-config --libs yaml-0.1 2>/dev/null || echo -lyaml) -lcsv \
	   $(shell pkg-config --libs libpcre2-8 2>/dev/null || echo -lpcre2-8)
TESTLIBS = $(shell pkg-config --libs cmocka 2>/dev/null || echo -lcmocka)


LIB_SRC	 = $(wildcard lib/*.c)
LIB_OBJ	 = $(LIB_SRC:%.c=build/%.o) build/plan-embedded.o
PROGS	 = $(patsubst cmd/%.c,bin/%,$(wildcard cmd/*.c))
UNITS	 = $(patsubst tests/unit/%.c,build/tests/unit/%,$(wildcard tests/unit/test-*.c))
REPLAYS	 = $(patsubst tests/fuzz/fuzz-%.c,build/tests/fuzz-%-replay,$(wildcard tests/fuzz/fuzz-*.c))
MAN1	 = $(wildcard man/*.1)
MAN5	 = $(wildcard man/*.5)

all: $(PROGS) man-generated

# Every object depends on the flags it was built with, so that switching
# SANITIZE=1 on or off rebuilds everything instead of mixing objects.
build/flags: FORCE
	@mkdir -p build
	@echo '$(CC) $(ALL_CFLAGS) $(ALL_CPPFLAGS) $(ALL_LDFLAGS)' > build/flags.new
	@cmp -s build/flags.new build/flags || mv build/flags.new build/flags
	@rm -f build/flags.new

build/deps.ok:
	@sh tests/need-deps build
	@mkdir -p build && touch $@

build/%.o: %.c lib/*.h build/flags build/deps.ok
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(ALL_CPPFLAGS) -c -o $@ $<

# The shipped plan, compiled in as the default (plan.h: inc_plan_embedded).
build/plan-embedded.c: share/inc/plan.yaml Makefile
	@mkdir -p build
	{ echo '#include <stddef.h>'; \
	  echo 'extern const char inc_plan_embedded[];'; \
	  echo 'extern const size_t inc_plan_embedded_len;'; \
	  echo 'const char inc_plan_embedded[] = {'; \
	  od -An -v -tx1 share/inc/plan.yaml | sed 's/\([0-9a-f][0-9a-f]\)/(char)0x\1,/g'; \
	  echo '0x00 };'; \
	  echo 'const size_t inc_plan_embedded_len = sizeof(inc_plan_embedded) - 1;'; \
	} > $@

build/plan-embedded.o: build/plan-embedded.c build/flags
	$(CC) $(ALL_CFLAGS) -c -o $@ build/plan-embedded.c

build/libinc.a: $(LIB_OBJ)
	rm -f $@
	ar rcs $@ $(LIB_OBJ)

bin/%: build/cmd/%.o build/libinc.a
	@mkdir -p bin
	$(CC) $(ALL_LDFLAGS) -o $@ $< build/libinc.a $(LIBS)

build/tests/unit/%: build/tests/unit/%.o build/libinc.a build/check-deps.ok
	$(CC) $(ALL_LDFLAGS) -o $@ $< build/libinc.a $(LIBS) $(TESTLIBS)

# Each fuzz harness, driven over its corpus without libFuzzer: every seed
# and every crash once found stays a regression test in make check.
build/tests/fuzz-%-replay: build/tests/fuzz/fuzz-%.o build/tests/fuzz/replay.o build/libinc.a
	$(CC) $(ALL_LDFLAGS) -o $@ build/tests/fuzz/fuzz-$*.o \
	    build/tests/fuzz/replay.o build/libinc.a $(LIBS)

# As root, need-deps installs what is missing (apt-get); otherwise it
# prints the sudo apt-get line.  One after the other: apt holds a lock.
build/check-deps.ok: build/deps.ok
	@sh tests/need-deps check
	@mkdir -p build && touch $@

build/demo-deps.ok: build/deps.ok
	@sh tests/need-deps demo
	@mkdir -p build && touch $@

# The unit tests include cmocka.h.
$(UNITS:%=%.o): build/check-deps.ok

# Pages generated from the plan: inc-procedures(7), inc-<procedure>(7).
man-generated: $(filter bin/inc-plan,$(PROGS))
	@if [ -f bin/inc-plan ]; then mkdir -p build/man && INC_PLAN= \
	    bin/inc-plan man build/man; fi

check: build/check-deps.ok all $(UNITS) $(REPLAYS)
	@SANITIZE=$(SANITIZE) LIB_OBJ='$(LIB_OBJ)' sh tests/run $(UNITS) $(REPLAYS)

demo: build/demo-deps.ok all
	@sh share/examples/demo

FUZZ_SECONDS ?= 60
fuzz: build/plan-embedded.c
	@FUZZ_LIBS='$(LIBS)' sh tests/fuzz/run $(FUZZ_SECONDS)

bench: all
	@sh tests/bench/run

deps:
	@sh tests/need-deps install

install: all
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(SHAREDIR) \
	    $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5 \
	    $(DESTDIR)$(MANDIR)/man7
	cp $(PROGS) $(DESTDIR)$(BINDIR)/
	cp share/inc/plan.yaml $(DESTDIR)$(SHAREDIR)/
	cp $(MAN1) $(DESTDIR)$(MANDIR)/man1/
	cp $(MAN5) $(DESTDIR)$(MANDIR)/man5/
	if ls build/man/*.7 >/dev/null 2>&1; then \
	    cp build/man/*.7 $(DESTDIR)$(MANDIR)/man7/; fi

uninstall:
	for p in $(PROGS); do rm -f $(DESTDIR)$(BINDIR)/$${p#bin/}; done
	for m in $(MAN1); do rm -f $(DESTDIR)$(MANDIR)/man1/$${m#man/}; done
	for m in $(MAN5); do rm -f $(DESTDIR)$(MANDIR)/man5/$${m#man/}; done
	rm -f $(DESTDIR)$(MANDIR)/man7/inc-*.7
	rm -f $(DESTDIR)$(SHAREDIR)/plan.yaml
	-rmdir $(DESTDIR)$(SHAREDIR)

clean:
	rm -rf build bin

.PHONY: all check demo bench fuzz deps install uninstall clean man-generated FORCE
.SECONDARY:
