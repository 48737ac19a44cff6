#!/bin/sh
# tools/layers.sh — fails when an #include goes the wrong way between the
# layers (README.md, "Layout"):
#
#     sim  <  scenario  <  world  <  results  <  report  <  cli
#
# A file of models/L/ or include/models/L/ may include "models/M/..."
# only for M at or below L; sim/ includes nothing of models/ (its main.c,
# the composition root, excepted).  Private headers ("NAME-private.h")
# are included only from their own folder.  Inside models/world/, a
# mechanism (every .c but world.c, the core, and mechanisms.c, which
# assembles them) includes only world-core.h and its own header, and the
# core only world-core.h: they reach one another through its hooks.  Prints each
# violation as FILE:LINE: message and exits 1; exits 0 when there is none.
#
#     tools/layers.sh [ROOT]      (ROOT: the source tree, default this one)
set -eu
cd "${1:-$(dirname "$0")/..}"

rank() {
	case $1 in
	sim) echo 0 ;; scenario) echo 1 ;; world) echo 2 ;;
	results) echo 3 ;; report) echo 4 ;; cli) echo 5 ;;
	*) echo 99 ;;
	esac
}

bad=0
complain() { echo "$1"; bad=1; }

# layer of a source or header path, or "" when outside the layers
layer_of() {
	case $1 in
	sim/main.c) echo "" ;;
	sim/*) echo sim ;;
	include/sim/*) echo sim ;;
	models/*/*) echo "$1" | cut -d/ -f2 ;;
	include/models/*/*) echo "$1" | cut -d/ -f3 ;;
	*) echo "" ;;
	esac
}

for f in $(find $(ls -d sim models include 2>/dev/null) -name '*.[ch]' | sort); do
	from=$(layer_of "$f")
	[ -n "$from" ] || continue
	grep -n '^#include "' "$f" | while IFS= read -r line; do
		n=${line%%:*}
		inc=$(echo "$line" | sed 's/^[0-9]*:#include "\([^"]*\)".*/\1/')
		case $inc in
		models/*/*)
			to=$(echo "$inc" | cut -d/ -f2)
			if [ "$from" = sim ]; then
				echo "$f:$n: the engine includes $inc: sim/ knows nothing of models/"
			elif [ "$(rank "$to")" -gt "$(rank "$from")" ]; then
				echo "$f:$n: $from includes $inc, of the higher layer $to"
			fi ;;
		models/*)
			echo "$f:$n: $inc is outside the layer folders" ;;
		sim/*) ;;
		*-private.h)
			[ -f "$(dirname "$f")/$inc" ] ||
				echo "$f:$n: $inc is another folder's private header" ;;
		*.h)
			case $f in
			models/world/mechanisms.c | models/world/*.h | \
			models/world/inject.c) ;;
			models/world/world.c)
				[ "$inc" = world-core.h ] ||
					echo "$f:$n: the core includes $inc: it calls the mechanisms through its hooks" ;;
			models/world/*.c)
				own=$(basename "$f" .c).h
				[ "$inc" = world-core.h ] || [ "$inc" = "$own" ] ||
					echo "$f:$n: a mechanism includes $inc: it reaches the others through the hooks of world-core.h" ;;
			esac ;;
		esac
	done
done > "${TMPDIR:-/tmp}/drsim-layers.$$"
if [ -s "${TMPDIR:-/tmp}/drsim-layers.$$" ]; then
	cat "${TMPDIR:-/tmp}/drsim-layers.$$"
	bad=1
fi
rm -f "${TMPDIR:-/tmp}/drsim-layers.$$"
[ $bad -eq 0 ] && echo "layers: every include goes down"
exit $bad
