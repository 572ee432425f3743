#!/usr/bin/env bash
# Trains the shipped reader (three stages) and compressor (two stages), one run after the other (each
# uses both cores), then fits what goes beside them on their recipes' validation questions, and copies
# them into models/reader and models/compressor. Rerun with --resume to continue after an
# interruption; each stage resumes from its newest checkpoint under ~/.cache/compactqa/checkpoints.
# Logs go to ~/.cache/compactqa/logs/*.log. About 30 CPU hours on two cores.
set -euo pipefail
cd "$(dirname "$0")/../.."
logs="$HOME/.cache/compactqa/logs"
out="$HOME/.cache/compactqa/models"
mkdir -p "$logs"
for stage in reader-squad reader-multihop reader-comparisons; do
  ./qa train reader --recipe "models/recipes/$stage.yaml" "$@" >> "$logs/$stage.log" 2>&1
done
for stage in compressor-squad compressor-multihop; do
  ./qa train compressor --recipe "models/recipes/$stage.yaml" "$@" >> "$logs/$stage.log" 2>&1
done
# a failed fit leaves the shipped folders as they were: they are replaced only at the end
./qa train calibrate --recipe models/recipes/reader-comparisons.yaml >> "$logs/fits.log" 2>&1
./qa train selection --recipe models/recipes/compressor-multihop.yaml >> "$logs/fits.log" 2>&1
./qa train loop --recipe models/recipes/compressor-multihop.yaml --reader "$out/reader-comparisons" >> "$logs/fits.log" 2>&1
models/recipes/swap-in.sh "$out/reader-comparisons" models/reader
models/recipes/swap-in.sh "$out/compressor-multihop" models/compressor
