#!/bin/sh
# bench/scale.sh BUILD — growth with the size of the topology: N components
# (each failing Exp(1000 h), repaired Exp(8 h), on one of N/10 sites with a
# yearly outage), N/10 services each requiring 10 of them; time per
# replication-year on one thread for N = 10, 100, 1000.  Prints:
#     scale components=100 services=10 us_per_rep_year=...
set -eu
build=${1:-build}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

gen() {
	n=$1
	f="$tmp/scale-$n.cfg"
	{
		echo 'scenario = { name = "scale"; horizon = "10y"; seed = 1; };'
		echo 'sites = ('
		i=0
		while [ $i -lt $((n / 10)) ]; do
			[ $i -gt 0 ] && echo ','
			echo "{ id = \"s$i\"; kind = \"internal\"; country = \"FR\"; hazards = ( { name = \"power\"; rate = \"1/y\"; effect = \"outage\"; duration = \"2h\"; } ); }"
			i=$((i + 1))
		done
		echo ');'
		echo 'components = ('
		i=0
		while [ $i -lt "$n" ]; do
			[ $i -gt 0 ] && echo ','
			echo "{ id = \"c$i\"; site = \"s$((i / 10))\"; failures = ( { name = \"f\"; ttf = { law = \"exponential\"; mean = \"1000h\"; }; repair = { law = \"exponential\"; mean = \"8h\"; }; } ); }"
			i=$((i + 1))
		done
		echo ');'
		echo 'services = ('
		i=0
		while [ $i -lt $((n / 10)) ]; do
			[ $i -gt 0 ] && echo ','
			req=""
			j=0
			while [ $j -lt 10 ]; do
				req="$req${req:+, }\"c$((i * 10 + j))\""
				j=$((j + 1))
			done
			echo "{ id = \"v$i\"; requires = [$req]; }"
			i=$((i + 1))
		done
		echo ');'
	} > "$f"
	echo "$f"
}

for n in 10 100 1000; do
	f=$(gen $n)
	reps=$((20000 / n))
	s=$(date +%s.%N)
	"$build/drsim" run "$f" -r $reps -j 1 -q -f csv > /dev/null
	e=$(date +%s.%N)
	awk -v n=$n -v r=$reps -v s="$s" -v e="$e" 'BEGIN {
		printf "scale components=%d services=%d us_per_rep_year=%.1f us_per_component_year=%.2f\n",
		       n, n / 10, (e - s) * 1e6 / (r * 10), (e - s) * 1e6 / (r * 10 * n) }'
done
