#!/usr/bin/env bash
# Submits a sharded evaluation: n array tasks (one shard each) and a merge that starts when all of them succeeded.
#   examples/slurm/submit-sharded-eval.sh <config.yaml> <n> <run folder>
# Prints the two job ids. Run it from the checkout (jobs run ./sandmle there; set SANDMLE to run another launcher).
set -euo pipefail
[ $# -eq 3 ] || { echo "usage: $0 <config.yaml> <shards> <run folder>" >&2; exit 2; }
config=$1 shards=$2 run=$3
[[ "$shards" =~ ^[1-9][0-9]*$ ]] || { echo "$0: the number of shards is a whole number of at least 1, not '$shards'." >&2; exit 2; }
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
array=$(sbatch --parsable --array="0-$((shards - 1))" "$here/sharded-eval.sbatch" "$config")
merge=$(sbatch --parsable --dependency="afterok:$array" "$here/merge-shards.sbatch" "$run")
echo "shards: job $array (array 0-$((shards - 1))); merge: job $merge (after all shards succeed)"
