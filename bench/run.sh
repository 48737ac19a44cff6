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

# The DR reference model (case D1, bench/d1.cfg): 1000 replications of 10
# years on one thread, whole process, median of RUNS runs; with its results
# so that speed never comes at the cost of the right numbers.
d1() {
	s=$(date +%s.%N)
	"$build/drsim" run bench/d1.cfg --threads 1 --format csv > "$tmp"
	e=$(date +%s.%N)
	awk -v s="$s" -v e="$e" 'BEGIN { printf "%.4f\n", e - s }'
}
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
w=""
i=0
while [ $i -lt "$runs" ]; do
	w="$w $(d1)"
	i=$((i + 1))
done
wm=$(echo $w | tr ' ' '\n' | median)
# CSV columns: 3 availability_mean, 8 incidents, 20 rpo_h_mean
awk -F, -v wall="$wm" 'NR == 2 {
	printf "d1 reps=1000 years=10 wall_s=%.3f incidents=%d availability=%.6f rpo_mean_h=%.2f\n",
	       wall, $8, $3, $20 }' "$tmp"

# Threads: the same 20 000 replications of D1 on 1 and 2 threads; the
# speed-up, and whether the results (CSV) are byte-identical.
t1=$(mktemp) t2=$(mktemp)
trap 'rm -f "$tmp" "$t1" "$t2"' EXIT
clock() {
	s=$(date +%s.%N)
	"$build/drsim" run bench/d1.cfg -r 20000 --threads "$1" -q -f csv > "$2"
	e=$(date +%s.%N)
	awk -v s="$s" -v e="$e" 'BEGIN { printf "%.3f\n", e - s }'
}
a=$(clock 1 "$t1")
b=$(clock 2 "$t2")
same=no
cmp -s "$t1" "$t2" && same=yes
awk -v a="$a" -v b="$b" -v same=$same 'BEGIN {
	printf "threads reps=20000 t1_s=%.3f t2_s=%.3f speedup=%.2f identical=%s\n",
	       a, b, a / b, same }'
