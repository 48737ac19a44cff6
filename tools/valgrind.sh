#!/bin/sh
# tools/valgrind.sh BUILD — every shipped scenario, and each command once,
# under Valgrind's memcheck: fails on the first invalid read or write,
# use of an uninitialised value, bad free, or definite leak.
#
# Short runs (-r 20, two threads): memcheck is tens of times slower than
# the binary, and 20 replications already take the paths of a scenario
# that touch memory differently (outputs, reports, merges).  Checked: `run --out` and `check` of each
# scenarios/*.cfg; `compare` of the CHU trio with --report; a `sweep`,
# an `exercise`, a `sensitivity`; two shards of a run and their `merge`.
#
# Only definite leaks fail: GLib keeps one-time allocations (type system,
# the thread pool's idle threads, thread-local storage) reachable or
# "possibly lost" until exit, on purpose.  GLib's own suppressions
# (libglib2.0-dev's glib.supp) are used when installed; G_SLICE and
# G_DEBUG=gc-friendly make GLib hand its memory back to malloc and clear
# what it frees, so that memcheck sees every block.
set -eu
build=${1:?usage: tools/valgrind.sh BUILD}
drsim="$build/drsim"
supp=/usr/share/glib-2.0/valgrind/glib.supp
command -v valgrind >/dev/null 2>&1 ||
	{ echo "valgrind: not installed (make deps-valgrind)" >&2; exit 1; }

vg="valgrind -q --error-exitcode=1 --leak-check=full"
vg="$vg --show-leak-kinds=definite --errors-for-leak-kinds=definite"
[ -r "$supp" ] && vg="$vg --suppressions=$supp"
export G_SLICE=always-malloc G_DEBUG=gc-friendly

out=$(mktemp -d "${TMPDIR:-/tmp}/drsim-valgrind.XXXXXX")
trap 'rm -rf "$out"' EXIT
common="-r 20 -j 2 --quiet"
n=0

# memcheck NAME ARGS...: drsim ARGS under memcheck; on failure, its log
memcheck() {
	name=$1
	shift
	n=$((n + 1))
	if ! $vg "$drsim" "$@" > "$out/$name.log" 2>&1; then
		echo "valgrind: FAILED: drsim $*" >&2
		cat "$out/$name.log" >&2
		exit 1
	fi
}

for cfg in scenarios/*.cfg; do
	s=$(basename "$cfg" .cfg)
	memcheck "$s.run" run "$cfg" $common --out "$out/$s" --trace-replication 0
	memcheck "$s.check" check "$cfg"
done
chu="scenarios/chu-internal.cfg scenarios/chu-hosted.cfg scenarios/chu-hybrid.cfg"
memcheck compare compare $chu $common --out "$out/compare" \
	--report "$out/report.html"
memcheck sweep sweep scenarios/chu-internal.cfg $common \
	--set costs.project.lead_time=6mo,18mo --out "$out/sweep"
memcheck exercise exercise scenarios/chu-internal.cfg -r 20 \
	--inject site:salle-a:destroyed@+1000h --out "$out/exercise"
memcheck sensitivity sensitivity scenarios/chu-hosted.cfg $common \
	--out "$out/sensitivity"
memcheck shard0 run scenarios/chu-hybrid.cfg $common --shard 0/2 --out "$out/s0"
memcheck shard1 run scenarios/chu-hybrid.cfg $common --shard 1/2 --out "$out/s1"
memcheck merge merge "$out/s0" "$out/s1" --out "$out/merged"
echo "valgrind: $n runs clean"
