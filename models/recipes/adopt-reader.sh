#!/usr/bin/env bash
# Makes a reader stage trained under ~/.cache/compactqa/models/<stage> the shipped reader, once its
# recipe's decision rule (on its validation questions) has adopted it:
#   1. fits its confidence calibration on the recipe's validation questions (calibration.json);
#   2. scores it on SQuAD dev and dev-500 over gold paragraphs (metrics.json, MODEL_CARD.md:
#      reported, never used to decide);
#   3. refits the active loop's settings for it on the compressor recipe's validation questions,
#      on a copy of models/compressor (loop.json);
#   4. swaps models/reader and models/compressor for the new folders, only at the end, so an
#      interrupted run leaves the shipped models as they were. Rerun it from the start after one.
# Usage: models/recipes/adopt-reader.sh reader-squad2
# Logs: ~/.cache/compactqa/logs/adopt-<stage>.log. Then re-run the QA results the README lists.
set -euo pipefail
cd "$(dirname "$0")/../.."
stage=${1:?usage: adopt-reader.sh <reader stage, e.g. reader-squad2>}
out="$HOME/.cache/compactqa/models"
work="$HOME/.cache/compactqa/adopt-$stage"
log="$HOME/.cache/compactqa/logs/adopt-$stage.log"
[ -f "models/recipes/$stage.yaml" ] || { echo "adopt-reader: no recipe models/recipes/$stage.yaml" >&2; exit 2; }
[ -f "$out/$stage/weights.safetensors" ] || { echo "adopt-reader: no trained model in $out/$stage (train it first)" >&2; exit 2; }
mkdir -p "$(dirname "$log")"
rm -rf "$work" && mkdir -p "$work"
cp -r "$out/$stage" "$work/reader"
cp -r models/compressor "$work/compressor"
echo "adopt-reader: calibration" >&2
./qa train calibrate --recipe "models/recipes/$stage.yaml" --model "$work/reader" >> "$log" 2>&1
echo "adopt-reader: scores (SQuAD dev, dev-500 oracle)" >&2
./qa eval reader --model "$work/reader" >> "$log" 2>&1
echo "adopt-reader: the active loop's settings" >&2
./qa train loop --recipe models/recipes/compressor-multihop.yaml --model "$work/compressor" --reader "$work/reader" >> "$log" 2>&1
for name in reader compressor; do
  rm -rf "models/$name.next" && cp -r "$work/$name" "models/$name.next"
  rm -rf "models/$name.old" && mv "models/$name" "models/$name.old" && mv "models/$name.next" "models/$name" && rm -rf "models/$name.old"
done
echo "adopt-reader: models/reader is $stage; models/compressor/loop.json refitted for it" >&2
