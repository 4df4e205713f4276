#!/usr/bin/env bash
# Reruns docs/RESULTS.md's offline training result at the current commit (issue 14), from a clean clone:
#   examples/results/rerun.sh [out-folder]          # default runs/rerun; about an hour on 2 cores
# 1. splits the built-in seed catalog into training and held-out seed competitions (split_seeds.py),
# 2. generates training tasks (1 per training seed) and held-out tasks (3 per held-out seed),
# 3. trains GRPO, SFT on the policy's own medal rollouts and SFT on an offline expert (same rollout budget),
# 4. evaluates untrained, both SFTs and GRPO on the held-out tasks, 3 seeds, temperature 1, and greedily
#    (temperature 0, 1 seed: greedy choices do not depend on the seed),
# 5. measures recipe diversity (every recipe of the grid on every task; the best fixed recipe is chosen on the
#    training tasks) and evaluates that recipe as a fixed policy on the held-out tasks like the others,
# 6. writes the reports (task-level and episode-level pairs), <out>/choices.json (each system's first recipe per
#    hidden-rule family, choices.py) and <out>/summary.json (commit, commands, wall times, split, diversity, the
#    reports' headline, aggregate and pairwise tables, and the choices).
# A phase that finished is skipped, so a killed run resumes where it stopped. For a smoke run of the script itself,
# SEEDS_PER_SIDE=3 STEPS=1 TASKS_PER_STEP=2 MIN_HELD_OUT=3 cut it to minutes (not a result).
set -euo pipefail
SEEDS_PER_SIDE=${SEEDS_PER_SIDE:-0}      # 0: every seed competition of the split
STEPS=${STEPS:-16}
TASKS_PER_STEP=${TASKS_PER_STEP:-12}
MIN_HELD_OUT=${MIN_HELD_OUT:-64}
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
OUT=$(realpath -m "${1:-runs/rerun}")
PY=/usr/bin/python3
mkdir -p "$OUT/configs" "$OUT/logs"
TIMES="$OUT/logs/phase-seconds.tsv"
touch "$TIMES"

# Runs one named phase unless it finished before; logs its command and wall time.
phase() {
    local name=$1
    shift
    if grep -q "^$name	" "$TIMES"; then
        echo "== $name: done before, skipped"
        return
    fi
    echo "== $name: $*"
    local start=$SECONDS
    "$@" > >(tee "$OUT/logs/$name.out") 2> >(tee "$OUT/logs/$name.err" >&2)
    printf '%s\t%d\t%s\n' "$name" $((SECONDS - start)) "$*" >> "$TIMES"
}

./sandmle doctor > "$OUT/logs/doctor.out" 2>&1 || true

$PY examples/results/split_seeds.py \
    environments/src/main/resources/io/sandmle/environments/generator/seed-catalog.json > "$OUT/split.json"
seeds() {
    $PY -c 'import json,sys; ids = json.load(open(sys.argv[1]))[sys.argv[2]]; n = int(sys.argv[3]) or len(ids)
print(",".join(ids[:n]))' "$OUT/split.json" "$1" "$SEEDS_PER_SIDE"
}
TRAIN_SEEDS=$(seeds train)
HELD_SEEDS=$(seeds held_out)

phase generate-train ./sandmle generate --seeds "$TRAIN_SEEDS" --per-seed 1 --seed 1 --out "$OUT/tasks/train"
phase generate-held-out ./sandmle generate --seeds "$HELD_SEEDS" --per-seed 3 --seed 2 --out "$OUT/tasks/held-out"
HELD_TASKS=$(find "$OUT/tasks/held-out" -mindepth 2 -maxdepth 2 -name task.json | wc -l)
if [ "$HELD_TASKS" -lt "$MIN_HELD_OUT" ]; then
    echo "rerun: only $HELD_TASKS held-out tasks were kept; the result needs at least $MIN_HELD_OUT." >&2
    exit 1
fi


# The three trainers share GRPO's rollout schedule: 16 steps x 12 tasks x 4 rollouts on the training tasks.
LAST_STEP=$(printf 'step-%04d' "$STEPS")
train_config() {
    local run=$1 trainer=$2 settings=$3
    cat > "$OUT/configs/$run.yaml" <<EOF
schema-version: 1
run: $run
runs-dir: $OUT/runs
suites:
  - name: synthetic
    data-dir: $OUT/tasks/train
scaffolds: [react]
sampling:
  temperature: 1.0
executor:
  name: local
  parallel: 4
budget:
  max-turns: 6
  step-time: 60s
trainer:
  name: $trainer
  reward: dense
  tasks: $OUT/tasks/train
  steps: $STEPS
  group-size: 4
  tasks-per-step: $TASKS_PER_STEP
  seed: 0
  settings: $settings
EOF
}
train_config grpo grpo "{epochs: 4, learning-rate: 0.05, checkpoint-every: $STEPS}"
train_config sft sft '{source: own}'
train_config sft-expert sft '{source: expert}'
phase train-grpo ./sandmle train --config "$OUT/configs/grpo.yaml"
phase train-sft ./sandmle train --config "$OUT/configs/sft.yaml"
phase train-sft-expert ./sandmle train --config "$OUT/configs/sft-expert.yaml"

eval_config() {
    local run=$1 temperature=$2 seeds=$3 policies=$4
    cat > "$OUT/configs/$run.yaml" <<EOF
schema-version: 1
run: $run
runs-dir: $OUT/runs
suites:
  - name: synthetic
    data-dir: $OUT/tasks/held-out
seeds: $seeds
scaffolds: [react]
policies:
$policies
sampling:
  temperature: $temperature
executor:
  name: local
  parallel: 4
  limits:
    wall-time: 2m
budget:
  max-turns: 6
  step-time: 60s
report:
  baseline: untrained x react
EOF
}
LEARNED="  - name: untrained
    provider: embedded
  - name: sft
    provider: embedded
    settings: {checkpoint: $OUT/runs/sft/checkpoints/sft-final}
  - name: sft-expert
    provider: embedded
    settings: {checkpoint: $OUT/runs/sft-expert/checkpoints/sft-final}
  - name: grpo
    provider: embedded
    settings: {checkpoint: $OUT/runs/grpo/checkpoints/$LAST_STEP}"
T1_SEEDS='[90000, 90001, 90002]'
eval_config eval-t1 1.0 "$T1_SEEDS" "$LEARNED"
eval_config eval-greedy 0.0 '[90000]' "$LEARNED"
phase eval-t1 ./sandmle eval --config "$OUT/configs/eval-t1.yaml"
phase eval-greedy ./sandmle eval --config "$OUT/configs/eval-greedy.yaml"

# The best fixed recipe is chosen on the training tasks by running every recipe of the grid on them (the same
# command also runs them on the held-out tasks, for the per-task best), then played on the held-out tasks as a policy.
phase diversity ./sandmle diversity --tasks "$OUT/tasks/train" --held-out "$OUT/tasks/held-out" \
    --out "$OUT/diversity.json" --work-dir "$OUT/diversity-work"
RECIPE=$($PY -c 'import json,sys; print(json.load(open(sys.argv[1]))["best_fixed"]["policy_settings"]["recipe"])' \
    "$OUT/diversity.json")
eval_config eval-fixed 1.0 "$T1_SEEDS" "  - name: best-fixed
    provider: embedded
    settings: {recipe: '$RECIPE'}"
phase eval-fixed ./sandmle eval --config "$OUT/configs/eval-fixed.yaml"

T1_RUNS=("$OUT/runs/eval-t1" "$OUT/runs/eval-fixed")
phase report-t1-episode-pairs ./sandmle report "${T1_RUNS[@]}" --baseline "untrained x react" --pairs episode \
    --out "$OUT/reports/eval-t1-episode-pairs"
phase report-t1-task-pairs ./sandmle report "${T1_RUNS[@]}" --baseline "untrained x react" --pairs task \
    --out "$OUT/reports/eval-t1-task-pairs"
phase report-greedy ./sandmle report "$OUT/runs/eval-greedy" --baseline "untrained x react" --pairs task \
    --out "$OUT/reports/eval-greedy"

$PY examples/results/choices.py "$OUT/tasks/held-out" "${T1_RUNS[@]}" > "$OUT/choices.json"
$PY examples/results/summarize.py "$OUT" "$(git rev-parse HEAD)" > "$OUT/summary.json"
echo "rerun: wrote $OUT/summary.json"
