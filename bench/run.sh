#!/bin/sh
# bench/run.sh BUILD — the figures of `make bench`.
#
# Hold model: drsim's engine and the reference floor
# (../shared/bench/hold_floor.c) side by side in one run, alternating, at
# P = 10, 1000 and 100 000 pending events; each figure is the median of
# RUNS runs of OPS operations.  Prints one line per P:
#     hold P=1000 drsim_mops=7.10 floor_mops=8.80 ratio=0.81
set -eu
build=${1:-build}
runs=${RUNS:-5}
ops=${OPS:-10000000}

rate() { "$@" | sed -n 's/.*hold_ops_per_sec=\([0-9.]*\).*/\1/p'; }
median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

for p in 10 1000 100000; do
	d=""; f=""
	i=0
	while [ $i -lt "$runs" ]; do
		d="$d $(rate "$build/bench_hold" $p "$ops")"
		f="$f $(rate "$build/hold_floor" $p "$ops")"
		i=$((i + 1))
	done
	dm=$(echo $d | tr ' ' '\n' | median)
	fm=$(echo $f | tr ' ' '\n' | median)
	awk -v p=$p -v d="$dm" -v f="$fm" 'BEGIN {
		printf "hold P=%d drsim_mops=%.2f floor_mops=%.2f ratio=%.2f\n",
		       p, d / 1e6, f / 1e6, d / f }'
done
