#!/usr/bin/env bash
# Trains the shipped reader (two stages), then the compressor, one after the other (each uses both cores);
# rerun with --resume to continue both after an interruption. Logs go to models/checkpoints/*.log.
set -euo pipefail
cd "$(dirname "$0")/../.."
mkdir -p models/checkpoints
./qa train reader --recipe models/recipes/reader-minilm.yaml "$@" >> models/checkpoints/reader-minilm.log 2>&1
./qa train reader --recipe models/recipes/reader-minilm-multihop.yaml "$@" >> models/checkpoints/reader-minilm-multihop.log 2>&1
./qa train compressor --recipe models/recipes/compressor-minilm.yaml "$@" >> models/checkpoints/compressor-minilm.log 2>&1
