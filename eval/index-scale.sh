#!/usr/bin/env bash
# The Wikipedia-scale benchmark (eval/results/index-scale.json): for each size, a corpus generated with
# the statistics of the multi-hop training paragraphs (qa index generate), indexed with BM25 and a
# generated-vector HNSW field (qa index build, hashing-384: a real encoder reads ~40 paragraphs/s here,
# 35 hours for 5M), then measured in a fresh process (qa eval index-scale).
# Usage: eval/index-scale.sh [SIZE...]   (default: 1000000 5000000)
# Corpora and indexes live under ~/.cache/compactqa/scale (about 2 GB per million paragraphs); a size
# whose corpus exists is not generated again, and an interrupted build leaves no half index live.
set -euo pipefail
cd "$(dirname "$0")/.."
SCALE="${COMPACTQA_SCALE_DIR:-$HOME/.cache/compactqa/scale}"
LIKE=../shared/data/2wiki/train-500.json.gz,../shared/data/hotpotqa/train-100.json.gz,../shared/data/musique/train-100.jsonl.gz
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000000 5000000)
mkdir -p "$SCALE"
for n in "${sizes[@]}"; do
  corpus="$SCALE/synthetic-$n.jsonl.gz"
  [ -f "$corpus" ] || ./qa index generate --like "$LIKE" --paragraphs "$n" --out "$corpus"
  # two build threads: each builds its own segments' HNSW graphs, which is what bounds this build
  export COMPACTQA_INDEX_DIR="$SCALE/index-$n" COMPACTQA_INDEX_DENSE_ENCODER=hashing-384 COMPACTQA_INDEX_BUILD_THREADS=2
  ./qa index build "$corpus"
  ./qa eval index-scale --queries 1000 \
    --build-command "COMPACTQA_INDEX_DENSE_ENCODER=hashing-384 COMPACTQA_INDEX_BUILD_THREADS=2 ./qa index build ~/.cache/compactqa/scale/synthetic-$n.jsonl.gz"
done
