#!/bin/sh
# slurm-submit.sh [SHARDS [INDICES]] — submits the shards of the CHU
# comparison as a Slurm job array, and their merge once the array is over
# (docs/scale-out.md).  Run it from the repository's top directory.
#     docs/scale-out/slurm-submit.sh 50          # shards 0..49, then merge
#     docs/scale-out/slurm-submit.sh 50 3,17-19  # those again, then merge
set -eu
here=$(dirname "$0")
shards=${1:-50}
indices=${2:-0-$((shards - 1))}
# Slurm writes the tasks' logs there before they start
mkdir -p shards
job=$(sbatch --parsable --array="$indices" --export=ALL,SHARDS="$shards" \
	"$here/slurm-shards.sbatch")
# afterany: the merge runs even when a task failed, and names what is
# missing; the shards already written are kept.
sbatch --dependency=afterany:"${job%%;*}" "$here/slurm-merge.sbatch"
