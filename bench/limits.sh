#!/bin/sh
# bench/limits.sh BUILD — what the limits of docs/scenario-format.md
# ("Limits") cost at their edge.  Prints:
#     limits units=1000000 reps=2 s=... s_per_rep=... maxrss_kb=...
#     limits rows=... bytes=... bytes_per_row=...
# The first: ten components of 100 000 units (the most a scenario may
# have in all), one thread.  The second: incidents.csv of
# scenarios/example.cfg at 200 replications, for the row budget's size.
set -eu
build=${1:-build}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

f="$tmp/units.cfg"
{
	echo 'scenario = { name = "units"; horizon = "1y"; replications = 2; };'
	echo 'sites = ( { id = "dc"; kind = "internal"; country = "FR"; } );'
	echo 'components = ('
	i=0
	while [ $i -lt 10 ]; do
		[ $i -gt 0 ] && echo ','
		echo "{ id = \"c$i\"; site = \"dc\"; count = 100000; need = 1; failures = ( { name = \"hw\"; rate = \"0.01/y\"; repair = \"4h\"; } ); }"
		i=$((i + 1))
	done
	echo ');'
	echo 'services = ( { id = "svc"; requires = ["c0"]; } );'
} > "$f"
if [ -x /usr/bin/time ]; then
	/usr/bin/time -f '%e %M' -o "$tmp/time" \
		"$build/drsim" run "$f" -r 2 -j 1 -q -f csv > /dev/null
	read -r s kb < "$tmp/time"
	awk -v s="$s" -v kb="$kb" 'BEGIN {
		printf "limits units=1000000 reps=2 s=%.1f s_per_rep=%.1f maxrss_kb=%d\n",
		       s, s / 2, kb }'
else
	echo "limits units skipped: /usr/bin/time not found (apt-get install time)"
fi

"$build/drsim" run scenarios/example.cfg -r 200 -j 1 -q --out "$tmp/out" \
	> /dev/null
rows=$(($(wc -l < "$tmp/out/incidents.csv") - 1))
bytes=$(wc -c < "$tmp/out/incidents.csv")
awk -v r="$rows" -v b="$bytes" 'BEGIN {
	printf "limits rows=%d bytes=%d bytes_per_row=%.0f\n", r, b, b / r }'
