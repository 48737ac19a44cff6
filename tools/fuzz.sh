#!/usr/bin/env bash
# tools/fuzz.sh BUILD SECONDS TARGET... — runs each libFuzzer target
# BUILD/fuzz/fuzz_TARGET for SECONDS seconds (`make fuzz FUZZ_S=600`),
# one after the other, from its corpus in BUILD/fuzz/corpus/TARGET/
# (kept between runs, seeded on every run as below), with a dictionary of
# the scenario format's keys and words.  Prints one line per target:
#
#   fuzz target=scenario seconds=600 execs=1234567 cov=2345 ft=6789
#     corpus=812 crashes=0
#
# (cov: code edges reached, ft: libFuzzer's features, corpus: inputs
# kept).  A crash, leak, timeout or out-of-memory input is kept in
# BUILD/fuzz/crashes/TARGET/ and the script exits 1 after the last
# target; make it a regression input (tests/fuzz/README.md).
#
# FUZZ_RUNS=N (environment) stops each target after N inputs as well,
# FUZZ_SEED=S fixes libFuzzer's seed: with both, a pass follows the same
# mutations on every machine (CI's short pass; the coverage figures may
# still differ slightly from run to run).
#
# Seeds: scenario — every .cfg of scenarios/ and tests/data/; overrides —
# tests/fuzz/seeds/overrides/; shard — shards of run and compare played
# by BUILD/drsim from scenarios/validation/v1-series-deterministic.cfg;
# drill — the drills of tests/data/drill/ behind their format byte.
set -euo pipefail
cd "$(dirname "$0")/.."

build=$1 secs=$2
shift 2
fuzz=$build/fuzz
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Copies each file given to dir/, named by its path (flattened).
seed_files() {
	local dir=$1 f
	shift
	mkdir -p "$dir"
	for f in "$@"; do cp "$f" "$dir/seed-$(echo "$f" | tr / _)"; done
}

seed_scenario() {
	seed_files "$1" $(find scenarios tests/data -name '*.cfg' | sort)
}

seed_overrides() {
	seed_files "$1" tests/fuzz/seeds/overrides/*
}

seed_shard() {
	local sc=scenarios/validation/v1-series-deterministic.cfg k
	mkdir -p "$1"
	for k in 1 2; do
		"$build/drsim" run $sc -r 10 -q --shard 0/$k \
			--out "$work/run$k" >/dev/null
		cp "$work/run$k/shard-0-of-$k.drsim" "$1/seed-run-$k"
	done
	cp $sc "$work/other.cfg"
	"$build/drsim" compare $sc "$work/other.cfg" -r 10 -q --shard 0/1 \
		--out "$work/cmp" >/dev/null
	cp "$work/cmp/shard-0-of-1.drsim" "$1/seed-compare"
}

seed_drill() {
	local f
	mkdir -p "$1"
	for f in tests/data/drill/*.cfg; do
		{ printf '\0'; cat "$f"; } >"$1/seed-cfg-$(basename "$f")"
	done
	for f in tests/data/drill/*.csv; do
		{ printf '\1'; cat "$f"; } >"$1/seed-csv-$(basename "$f")"
	done
}

# A libFuzzer dictionary: the keys and the words of the shipped files.
dictionary() {
	{
		grep -Ioh '[a-z_][a-z_0-9]* *=' scenarios/*.cfg tests/data/*/*.cfg |
			sed 's/ *=$//'
		grep -oh '"[a-z][a-z_ 0-9:%./-]*"' scenarios/*.cfg |
			tr -d '"'
		printf '%s\n' '@include' 'true' 'false' '1e308' 'nan' 'inf' \
			'-1' '0' '(' ')' '[' ']' '{' '}' ';' '=' ':' ','
	} | sort -u | sed 's/\\/\\\\/g; s/"/\\"/g; s/.*/"&"/' >"$1"
}

# The figures of libFuzzer's log: "execs cov ft corpus".
figures() {
	local done_line
	done_line=$(grep -aE '^#[0-9]+[[:space:]]+DONE' "$1" | tail -1 || true)
	[ -n "$done_line" ] || done_line=$(grep -aE '^#[0-9]+[[:space:]]' "$1" | tail -1 || true)
	echo "$done_line" | awk '{
		execs = substr($1, 2); cov = ft = corp = 0
		for (i = 2; i <= NF; i++) {
			if ($i == "cov:") cov = $(i + 1)
			if ($i == "ft:") ft = $(i + 1)
			if ($i == "corp:") { corp = $(i + 1); sub("/.*", "", corp) }
		}
		printf "execs=%s cov=%s ft=%s corpus=%s", execs, cov, ft, corp
	}'
}

status=0
export LSAN_OPTIONS="suppressions=$PWD/tests/fuzz/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
dictionary "$work/drsim.dict"
for t in "$@"; do
	corpus=$fuzz/corpus/$t crashes=$fuzz/crashes/$t log=$fuzz/$t.log
	mkdir -p "$corpus" "$crashes"
	"seed_$t" "$corpus"
	opts=()
	[ "$t" = shard ] || opts+=(-dict="$work/drsim.dict")
	[ -z "${FUZZ_RUNS:-}" ] || opts+=(-runs="$FUZZ_RUNS")
	[ -z "${FUZZ_SEED:-}" ] || opts+=(-seed="$FUZZ_SEED")
	before=$(ls "$crashes" | wc -l)
	"$fuzz/fuzz_$t" "$corpus" "${opts[@]}" -max_total_time="$secs" \
		-timeout=20 -rss_limit_mb=4096 -max_len=65536 \
		-artifact_prefix="$crashes/" -print_final_stats=1 \
		>"$log" 2>&1 || true
	found=$(( $(ls "$crashes" | wc -l) - before ))
	echo "fuzz target=$t seconds=$secs $(figures "$log") crashes=$found"
	if [ "$found" -gt 0 ]; then
		status=1
		ls "$crashes" | sed "s|^|  kept: $crashes/|"
		grep -a -m3 -E 'ERROR|SUMMARY|==[0-9]+==' "$log" | sed 's/^/  /' || true
	fi
done
exit $status
