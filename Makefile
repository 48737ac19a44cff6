# drsim — plain Makefile.  See README.md for the two commands a user types.
#
# Project flags live in ALL_CFLAGS; a user's CFLAGS/LDFLAGS are appended
# after them, so `make CFLAGS=-O0` cannot drop -std, warnings or -Werror.

.DEFAULT_GOAL := all

PREFIX  ?= /usr/local
DESTDIR ?=
CC      ?= cc
CFLAGS  ?= -O2 -g
LDFLAGS ?=
WERROR  ?= -Werror
BUILD   ?= build

PKGS     := glib-2.0 libconfig gsl json-glib-1.0
TESTPKGS := check
# Debian 12 packages `make deps` installs when something is missing.
DEB_PKGS := build-essential pkg-config libglib2.0-dev libconfig-dev \
	    libgsl-dev libjson-glib-dev check gnuplot-nox

# Library headers are system headers: our warnings are for our code only.
pc_cflags = $(patsubst -I%,-isystem %,$(shell pkg-config --cflags $(1) 2>/dev/null))
pc_libs   = $(shell pkg-config --libs $(1) 2>/dev/null)

WARNINGS := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
	    -Wwrite-strings -Wvla -Wformat=2 -Wconversion $(WERROR)
ALL_CFLAGS := -std=c17 -D_POSIX_C_SOURCE=200809L -Iinclude $(WARNINGS) \
	      $(call pc_cflags,$(PKGS)) $(SANFLAGS) $(CFLAGS)
ALL_LDFLAGS := $(SANFLAGS) $(LDFLAGS)
LIBS      := $(call pc_libs,$(PKGS)) -lm
TEST_LIBS := $(call pc_libs,$(TESTPKGS))

# Open MPI (sim/mpi.h): built in when mpicc is found; `make MPI=0` leaves
# it out, `make MPI=1` insists.  Optional at run time: without mpirun,
# drsim never initializes it.
MPI ?= $(if $(shell command -v mpicc 2>/dev/null),1,0)
ifeq ($(MPI),1)
MPI_CFLAGS := -DDRSIM_MPI $(patsubst -I%,-isystem %,$(shell mpicc --showme:compile 2>/dev/null))
LIBS       += $(shell mpicc --showme:link 2>/dev/null)
ifeq ($(shell command -v mpicc 2>/dev/null),)
$(error MPI=1 needs mpicc: make deps-mpi (openmpi-bin, libopenmpi-dev))
endif
endif

LIB_SRC   := $(sort $(wildcard sim/*.c models/*/*.c))
LIB_SRC   := $(filter-out sim/main.c,$(LIB_SRC))
LIB_OBJ   := $(LIB_SRC:%.c=$(BUILD)/%.o)
TEST_SRC  := $(sort $(wildcard tests/*.c))
TEST_OBJ  := $(TEST_SRC:%.c=$(BUILD)/%.o)
DEPFILES  := $(LIB_OBJ:.o=.d) $(TEST_OBJ:.o=.d) $(BUILD)/sim/main.d

.PHONY: FORCE deps-mpi deps-chromium deps-valgrind deps-fuzz all check sanitize analyze valgrind fuzz fuzz-build bench run deps need-deps install clean test-run layers

all: $(BUILD)/drsim

$(BUILD)/drsim: $(BUILD)/sim/main.o $(BUILD)/libdrsim.a
	$(CC) $(ALL_LDFLAGS) -o $@ $^ $(LIBS)

$(BUILD)/libdrsim.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

# sim/mpi.o is rebuilt when MPI changes.
$(BUILD)/mpi.stamp: FORCE
	@mkdir -p $(BUILD)
	@echo "$(MPI)" | cmp -s - $@ 2>/dev/null || echo "$(MPI)" > $@
$(BUILD)/sim/mpi.o: ALL_CFLAGS += $(MPI_CFLAGS)
$(BUILD)/sim/mpi.o: $(BUILD)/mpi.stamp

# Every tests/test_*.c exports `Suite *NAME_suite(void)`; the list of suites
# is generated so that adding a test file is all it takes to run it.
$(BUILD)/tests/suites.h: $(TEST_SRC)
	@mkdir -p $(dir $@)
	@sed -n 's/^Suite \*\([a-z0-9_]*_suite\)(void).*/SUITE(\1)/p' $(TEST_SRC) > $@.tmp
	@mv $@.tmp $@

$(TEST_OBJ): $(BUILD)/tests/suites.h
$(BUILD)/tests/%.o: ALL_CFLAGS += $(call pc_cflags,$(TESTPKGS)) -I$(BUILD)/tests \
	-DDRSIM_SRCDIR='"$(CURDIR)"' -DDRSIM_BIN='"$(CURDIR)/$(BUILD)/drsim"' \
	-DDRSIM_FAILWRITE='"$(CURDIR)/$(BUILD)/tests/libfailwrite.so"' \
	-DDRSIM_FUZZ_REPLAY='"$(CURDIR)/$(BUILD)/fuzz/replay_"'

$(BUILD)/check_drsim: $(TEST_OBJ) $(BUILD)/libdrsim.a
	$(CC) $(ALL_LDFLAGS) -o $@ $^ $(TEST_LIBS) $(LIBS)

# A full disk for the tests, by LD_PRELOAD (tests/preload/failwrite.c).
# Without the sanitizers: drsim's own runtime stays the only one.
$(BUILD)/tests/libfailwrite.so: tests/preload/failwrite.c
	@mkdir -p $(dir $@)
	$(CC) -std=c17 -D_POSIX_C_SOURCE=200809L $(WARNINGS) -O2 -fPIC \
	  -shared -o $@ $< -ldl

# Each fuzz target without libFuzzer, for the regression inputs of
# tests/data/fuzz/ (tests/fuzz/replay.c, tests/test_fuzz.c).
FUZZ_TARGETS ?= scenario overrides shard drill
$(BUILD)/fuzz/replay_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz.c tests/fuzz/replay.c \
			tests/fuzz/fuzz.h $(BUILD)/libdrsim.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -DDRSIM_SRCDIR='"$(CURDIR)"' $(ALL_LDFLAGS) -o $@ \
	  tests/fuzz/fuzz_$*.c tests/fuzz/fuzz.c tests/fuzz/replay.c \
	  $(BUILD)/libdrsim.a $(LIBS)

# -- the commands of the README ------------------------------------------

# Installs with apt-get (through sudo when not root) whatever is missing.
deps:
	@missing=""; \
	for p in $(DEB_PKGS); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' \
	    || missing="$$missing $$p"; \
	done; \
	if [ -z "$$missing" ]; then echo "deps: all installed"; exit 0; fi; \
	echo "deps: installing$$missing"; \
	sudo=""; [ "$$(id -u)" -eq 0 ] || sudo=sudo; \
	$$sudo apt-get update -q && \
	$$sudo env DEBIAN_FRONTEND=noninteractive \
	  apt-get install -y -q --no-install-recommends $$missing

# Open MPI, for `mpirun -np N build/drsim ...` and its tests (optional:
# they are skipped, saying so, without it).  .ci/run installs it.
deps-mpi:
	@$(MAKE) --no-print-directory deps DEB_PKGS="openmpi-bin libopenmpi-dev"

# Valgrind, for `make valgrind`.  .ci/run installs it.
deps-valgrind:
	@$(MAKE) --no-print-directory deps DEB_PKGS="valgrind"

# clang, for `make fuzz` (libFuzzer comes with it).
deps-fuzz:
	@$(MAKE) --no-print-directory deps DEB_PKGS="clang"

# Chromium, for the test that renders the HTML report headless (skipped,
# saying so, without it).  .ci/run installs it.
deps-chromium:
	@$(MAKE) --no-print-directory deps DEB_PKGS="chromium"

# Calls `deps` only when a library is missing, then re-reads this Makefile
# (pkg-config results are computed when it is parsed).
need-deps:
	@command -v pkg-config >/dev/null 2>&1 \
	  && pkg-config --exists $(PKGS) $(TESTPKGS) \
	  && command -v gnuplot >/dev/null 2>&1 \
	  || $(MAKE) --no-print-directory deps

check: need-deps
	@$(MAKE) --no-print-directory test-run

test-run: $(BUILD)/check_drsim $(BUILD)/drsim $(BUILD)/tests/libfailwrite.so \
	  $(FUZZ_TARGETS:%=$(BUILD)/fuzz/replay_%) layers
	cd $(CURDIR) && G_DEBUG=fatal-criticals $(BUILD)/check_drsim

# Fails when an #include goes from a lower layer to a higher one
# (README.md, "Layout"; tools/layers.sh says the rules).
layers:
	@tools/layers.sh

sanitize: need-deps
	@$(MAKE) --no-print-directory BUILD=build-san \
	  SANFLAGS="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" \
	  CFLAGS="-O1 -g" test-run

# gcc's static analyzer (gcc >= 10) over sim/ and models/, in its own
# directory: any finding fails under -Werror.  -O0 because the analyzer
# does not need the optimizer, and it is faster.  An object is kept only
# when its file is clean, so a second run analyses only what changed.
analyze: need-deps
	@$(MAKE) --no-print-directory BUILD=build-analyze \
	  CFLAGS="-O0 -fanalyzer" build-analyze/libdrsim.a build-analyze/sim/main.o

# Every shipped scenario and each command once, short runs, under
# Valgrind's memcheck (tools/valgrind.sh says what and how).
valgrind: need-deps
	@$(MAKE) --no-print-directory all
	@tools/valgrind.sh $(BUILD)

# The libFuzzer targets of tests/fuzz/ (tests/fuzz/README.md), built with
# clang against the library compiled with the same sanitizers, each run
# FUZZ_S seconds from its seed corpus by tools/fuzz.sh; fails on a crash,
# its input kept in build-fuzz/fuzz/crashes/TARGET/.  FUZZ_RUNS and
# FUZZ_SEED make a short pass repeatable (tools/fuzz.sh).
FUZZ_S       ?= 600
FUZZ_SAN     := -fsanitize=fuzzer-no-link,address,undefined \
		-fno-omit-frame-pointer -fno-sanitize-recover=all
fuzz: need-deps
	@command -v clang >/dev/null 2>&1 || $(MAKE) --no-print-directory deps-fuzz
	@$(MAKE) --no-print-directory fuzz-build
	@FUZZ_RUNS="$(FUZZ_RUNS)" FUZZ_SEED="$(FUZZ_SEED)" \
	  tools/fuzz.sh build-fuzz $(FUZZ_S) $(FUZZ_TARGETS)

fuzz-build: need-deps
	@$(MAKE) --no-print-directory BUILD=build-fuzz CC=clang MPI=0 \
	  SANFLAGS="$(FUZZ_SAN)" CFLAGS="-O1 -g" build-fuzz/drsim \
	  $(FUZZ_TARGETS:%=build-fuzz/fuzz/fuzz_%)

$(BUILD)/fuzz/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz.c tests/fuzz/fuzz.h \
		      $(BUILD)/libdrsim.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -DDRSIM_SRCDIR='"$(CURDIR)"' -fsanitize=fuzzer \
	  $(ALL_LDFLAGS) -o $@ tests/fuzz/fuzz_$*.c tests/fuzz/fuzz.c \
	  $(BUILD)/libdrsim.a $(LIBS)

# The main job: the shipped comparison of an internal datacenter, a
# certified host and a hybrid of the two, with its charts and the decision
# report in out/.
run: need-deps
	@$(MAKE) --no-print-directory all
	$(BUILD)/drsim compare scenarios/chu-internal.cfg scenarios/chu-hosted.cfg \
	  scenarios/chu-hybrid.cfg --out out --plot --report out/report.html

bench: need-deps
	@$(MAKE) --no-print-directory all $(BUILD)/bench_hold $(BUILD)/hold_floor
	@bench/run.sh $(BUILD)
	@bench/scale.sh $(BUILD)
	@bench/limits.sh $(BUILD)
	@bench/mpi.sh $(BUILD)

$(BUILD)/bench_hold: bench/bench_hold.c $(BUILD)/libdrsim.a
	$(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ $^ $(LIBS)

FLOOR_SRC ?= ../shared/bench/hold_floor.c
$(BUILD)/hold_floor: $(FLOOR_SRC)
	$(CC) -O2 -o $@ $< -lm

install: all
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 755 $(BUILD)/drsim $(DESTDIR)$(PREFIX)/bin/drsim

clean:
	rm -rf build build-san build-analyze build-fuzz

-include $(DEPFILES)
