#!/bin/sh
# bench/mpi.sh BUILD — scale-out figures of `make bench` (docs/scale-out.md).
#
# MPI: the DR reference model (case D1, bench/d1.cfg), 20 000 replications
# on one thread per rank, under `mpirun -np 1` and `-np 2` (median of RUNS
# launches each); the speed-up, and whether both wrote the same bytes as
# one process without mpirun (CSV: no timing in it).  Skipped, saying so,
# without mpirun or when drsim was built without MPI.
#     mpi reps=20000 np1_s=... np2_s=... speedup=... identical=yes
#
# Shards: the size of a shard file per 1000 replications of D1 (with the
# incident rows every shard carries, since `merge` writes incidents.csv;
# rows_bytes is their part), and the peak memory of `drsim merge` of the
# same 10 000 replications in 2 and in 20 shards (it must not grow).
#     shard reps=1000 bytes=... rows_bytes=...
#     merge reps=10000 shards=2 maxrss_kb=... shards=20 maxrss_kb=...
set -eu
build=${1:-build}
runs=${RUNS:-3}
drsim="$build/drsim"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
now() { date +%s.%N; }
since() { awk -v s="$1" -v e="$(now)" 'BEGIN { printf "%.3f\n", e - s }'; }

mpi_launch() {
	np=$1 out=$2
	s=$(now)
	mpirun -np "$np" --oversubscribe --allow-run-as-root \
		"$drsim" run bench/d1.cfg -r 20000 -j 1 -q -f csv > "$out"
	since "$s"
}

if ! command -v mpirun > /dev/null 2>&1; then
	echo "mpi skipped: mpirun not found (make deps-mpi)"
elif ! "$drsim" --version | grep -q '^MPI: built in'; then
	echo "mpi skipped: $drsim built without MPI (make MPI=1)"
else
	"$drsim" run bench/d1.cfg -r 20000 -j 1 -q -f csv > "$tmp/plain.csv"
	a="" b=""
	i=0
	while [ $i -lt "$runs" ]; do
		a="$a $(mpi_launch 1 "$tmp/np1.csv")"
		b="$b $(mpi_launch 2 "$tmp/np2.csv")"
		i=$((i + 1))
	done
	am=$(echo $a | tr ' ' '\n' | median)
	bm=$(echo $b | tr ' ' '\n' | median)
	same=no
	cmp -s "$tmp/plain.csv" "$tmp/np1.csv" &&
		cmp -s "$tmp/plain.csv" "$tmp/np2.csv" && same=yes
	awk -v a="$am" -v b="$bm" -v same=$same 'BEGIN {
		printf "mpi reps=20000 np1_s=%.3f np2_s=%.3f speedup=%.2f identical=%s\n",
		       a, b, a / b, same }'
fi

"$drsim" run bench/d1.cfg -r 1000 -q --shard 0/1 --out "$tmp/s1000" > /dev/null
"$drsim" run bench/d1.cfg -r 1000 -q --out "$tmp/plain1000" > /dev/null
bytes=$(wc -c < "$tmp/s1000/shard-0-of-1.drsim")
rows=$(tail -n +2 "$tmp/plain1000/incidents.csv" | wc -c)
echo "shard reps=1000 bytes=$bytes rows_bytes=$rows"

if [ ! -x /usr/bin/time ]; then
	echo "merge skipped: /usr/bin/time not found (apt-get install time)"
	exit 0
fi
line="merge reps=10000"
for k in 2 20; do
	i=0
	while [ $i -lt $k ]; do
		"$drsim" run bench/d1.cfg -r 10000 -q --shard $i/$k \
			--out "$tmp/k$k" > /dev/null
		i=$((i + 1))
	done
	kb=$(/usr/bin/time -f %M "$drsim" merge "$tmp/k$k" --out "$tmp/m$k" -q \
		2>&1 > /dev/null | tail -n 1)
	line="$line shards=$k maxrss_kb=$kb"
	rm -rf "$tmp/k$k"
done
echo "$line"
