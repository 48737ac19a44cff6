#!/bin/sh
# bench/snapshot.sh BUILD DIR — every output of every shipped scenario,
# into DIR, for a restructuring to prove it changed none of them:
#
#     bench/snapshot.sh build /tmp/before
#     ... restructure, rebuild ...
#     bench/snapshot.sh build /tmp/after && diff -r /tmp/before /tmp/after
#
# For each scenario: `run` in the three formats and with --out (every
# .dat, .gp, summary.json, incidents.csv; --trace-replication 0 for the
# timeline), `check`; then `compare` of the CHU pair with --out, a
# `sweep` with --out, and an `exercise` of each CHU scenario.  Timings
# (wall_s, "in 0.12 s", thread counts are fixed at 2) are masked: they
# are the only figures that may differ between two runs.  The PNG and SVG
# renderings are left out (gnuplot's, not ours).  Fewer replications
# than the scenarios ask for (-r 200) keep it to a few seconds.
set -eu
build=${1:?usage: bench/snapshot.sh BUILD DIR}
out=${2:?usage: bench/snapshot.sh BUILD DIR}
drsim="$build/drsim"
common="-r 200 --threads 2 --quiet"

mask() {
	sed -e 's/"wall_s" : [0-9.e+-]*/"wall_s" : MASKED/' \
	    -e 's/ in [0-9.]* s$/ in MASKED s/' \
	    -e 's/ in [0-9.]* s,/ in MASKED s,/'
}

# keeps the files of an --out directory that are ours
keep_ours() {
	find "$1" \( -name '*.png' -o -name '*.svg' \) -exec rm -f {} +
	for f in $(find "$1" -name '*.json'); do
		mask < "$f" > "$f.m" && mv "$f.m" "$f"
	done
}

rm -rf "$out"
mkdir -p "$out"
for cfg in scenarios/*.cfg; do
	n=$(basename "$cfg" .cfg)
	for f in table json csv; do
		"$drsim" run "$cfg" $common --format "$f" 2>&1 | mask \
			> "$out/$n.run.$f"
	done
	"$drsim" run "$cfg" $common --out "$out/$n.out" \
		--trace-replication 0 > /dev/null 2>&1
	keep_ours "$out/$n.out"
	"$drsim" check "$cfg" > "$out/$n.check" 2>&1 || true
done
"$drsim" compare scenarios/chu-internal.cfg scenarios/chu-hosted.cfg \
	$common --out "$out/compare.out" 2>&1 | mask > "$out/compare.txt"
keep_ours "$out/compare.out"
"$drsim" compare scenarios/chu-internal.cfg scenarios/chu-hosted.cfg \
	$common --format json 2>&1 | mask > "$out/compare.json"
"$drsim" sweep scenarios/chu-internal.cfg $common \
	--set costs.project.lead_time=6mo,18mo --out "$out/sweep.out" 2>&1 |
	mask > "$out/sweep.txt"
keep_ours "$out/sweep.out"
for x in chu-internal:site:salle-a:destroyed chu-hosted:site:dc1:destroyed \
	 chu-internal:ransomware:salle-a chu-hosted:ransomware:dc1; do
	n=${x%%:*}
	what=${x#*:}
	"$drsim" exercise "scenarios/$n.cfg" -r 200 --inject "$what@+1000h" \
		--out "$out/$n.$what.exercise.out" 2>&1 |
		mask > "$out/$n.$what.exercise"
	keep_ours "$out/$n.$what.exercise.out"
done
echo "snapshot: $(find "$out" -type f | wc -l) files in $out"
