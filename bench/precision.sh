#!/bin/sh
# bench/precision.sh BUILD [SCENARIO] [SEEDS] — what a scenario's
# replication count gives, measured: the scenario played with seeds
# 1..SEEDS (default 20), and for its first service the spread across
# seeds of the availability, the breach probability and the p95 RTO, the
# mean reported half-width of the availability's 95 % interval, and the
# losses for good per run.  The figures quoted in the CHU scenarios'
# headers come from
#     bench/precision.sh build scenarios/chu-internal.cfg
#     bench/precision.sh build scenarios/chu-hosted.cfg
set -eu
build=${1:?usage: bench/precision.sh BUILD [SCENARIO] [SEEDS]}
cfg=${2:-scenarios/chu-internal.cfg}
seeds=${3:-20}
s=1
while [ "$s" -le "$seeds" ]; do
	"$build/drsim" run "$cfg" -s "$s" --quiet --format json |
		python3 -c '
import json, sys
d = json.load(sys.stdin)
v = d["services"][0]
a = v["availability"]
print(v["id"], a["mean"], a["ci95"][1] - a["mean"], v["p_breach_per_year"]["mean"],
      v["rto_h"]["p95"], v["incidents"]["lost_for_good"])'
	s=$((s + 1))
done | python3 -c '
import statistics as st, sys
rows = [l.split() for l in sys.stdin]
col = lambda i: [float(r[i]) for r in rows]
p95 = col(4)
print("service %s, %d seeds" % (rows[0][0], len(rows)))
print("availability sd %.6f (95%% half-width reported %.6f)" % (st.stdev(col(1)), st.mean(col(2))))
print("breach in a year sd %.4f" % st.stdev(col(3)))
print("RTO p95 mean %.3f h, sd %.1f %%" % (st.mean(p95), 100 * st.stdev(p95) / st.mean(p95)))
print("lost for good per run", [int(x) for x in col(5)])'
