#!/usr/bin/env bash
# Makes a reader stage trained under ~/.cache/compactqa/models/<stage> the shipped reader, once its
# recipe's decision rule (on its validation questions) has adopted it:
#   1. fits its confidence calibration on the recipe's validation questions (calibration.json);
#   2. scores it on SQuAD dev and dev-500 over gold paragraphs (metrics.json, MODEL_CARD.md:
#      reported, never used to decide);
#   3. refits the active loop's settings for it on the compressor recipe's validation questions,
#      on a copy of models/compressor (loop.json);
#   4. swaps models/reader and models/compressor for the new folders, only at the end, so an
#      interrupted run leaves the shipped models as they were.
# Steps 1-3 work in ~/.cache/compactqa/adopt-<stage> and each is skipped when a rerun finds it done
# (a step done is marked there), so a rerun after an interruption continues; --no-swap stops before 4.
# Usage: models/recipes/adopt-reader.sh reader-squad2 [--no-swap]
# Logs: ~/.cache/compactqa/logs/adopt-<stage>.log. Then re-run the QA results the README lists.
set -euo pipefail
cd "$(dirname "$0")/../.."
stage=${1:?usage: adopt-reader.sh <reader stage, e.g. reader-squad2> [--no-swap]}
swap=${2:-swap}
out="$HOME/.cache/compactqa/models"
work="$HOME/.cache/compactqa/adopt-$stage"
log="$HOME/.cache/compactqa/logs/adopt-$stage.log"
[ -f "models/recipes/$stage.yaml" ] || { echo "adopt-reader: no recipe models/recipes/$stage.yaml" >&2; exit 2; }
[ -f "$out/$stage/weights.safetensors" ] || { echo "adopt-reader: no trained model in $out/$stage (train it first)" >&2; exit 2; }
mkdir -p "$(dirname "$log")"
# a stage trained further since the copy starts over
cmp -s "$out/$stage/weights.safetensors" "$work/reader/weights.safetensors" 2>/dev/null || rm -f "$work/copied.done"
if [ ! -f "$work/copied.done" ]; then
  rm -rf "$work" && mkdir -p "$work"
  cp -r "$out/$stage" "$work/reader"
  cp -r models/compressor "$work/compressor"
  touch "$work/copied.done"
fi
step() { # step NAME COMMAND...: runs COMMAND once, logging it, and marks NAME done
  local name=$1; shift
  if [ -f "$work/$name.done" ]; then echo "adopt-reader: $name done before" >&2; return; fi
  echo "adopt-reader: $name" >&2
  "$@" >> "$log" 2>&1
  touch "$work/$name.done"
}
step calibration ./qa train calibrate --recipe "models/recipes/$stage.yaml" --model "$work/reader"
step scores ./qa eval reader --model "$work/reader"
step loop ./qa train loop --recipe models/recipes/compressor-multihop.yaml --model "$work/compressor" --reader "$work/reader"
if [ "$swap" = "--no-swap" ]; then
  echo "adopt-reader: ready in $work; run again without --no-swap to swap it in" >&2
  exit 0
fi
models/recipes/swap-in.sh "$work/reader" models/reader
models/recipes/swap-in.sh "$work/compressor" models/compressor
echo "adopt-reader: models/reader is $stage; models/compressor/loop.json refitted for it" >&2
