#!/usr/bin/env bash
# Training throughput of the reader under each memory allocator, in one run, into
# eval/training/malloc.json: `eval/training/bench-malloc.sh [STEPS]` (default 12 steps each, after
# the application is built; about 6 minutes). Each variant trains the same first STEPS batches of
# eval/training/throughput.yaml (32 x up to 256 tokens) in a fresh JVM; the figure is the examples
# per second the trainer reports at its last step (training steps only, not loading). Run it alone:
# another job on the 2 cores makes every figure meaningless.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
steps="${1:-12}"
./qa --help >/dev/null   # builds the application if it is missing or stale
jdk=""
for d in "${JAVA_HOME:-}" /usr/lib/jvm/*; do
  v=$( [ -f "$d/release" ] && sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$d/release" || true)
  if [ -n "$v" ] && [ "$v" -ge 21 ]; then jdk="$d"; break; fi
done
[ -n "$jdk" ] || { echo "bench-malloc: no JDK 21+ found" >&2; exit 1; }
jar=target/quarkus-app/quarkus-run.jar
libdir=/usr/lib/x86_64-linux-gnu
variants=(
  "glibc-mmap-1MiB|MALLOC_MMAP_THRESHOLD_=1048576 MALLOC_TRIM_THRESHOLD_=1048576"
  "glibc-default|"
  "glibc-mmap-4GiB|MALLOC_MMAP_THRESHOLD_=4294967296 MALLOC_TRIM_THRESHOLD_=4294967296"
  "jemalloc|LD_PRELOAD=$libdir/libjemalloc.so.2"
  "tcmalloc|LD_PRELOAD=$libdir/libtcmalloc_minimal.so.4"
)
rows=()
for v in "${variants[@]}"; do
  name="${v%%|*}"; envs="${v#*|}"
  case "$envs" in *LD_PRELOAD=*) lib="${envs#LD_PRELOAD=}"; [ -f "$lib" ] || { echo "skip $name: $lib not installed" >&2; continue; } ;; esac
  rm -rf ~/.cache/compactqa/checkpoints/throughput-steps-"$steps" ~/.cache/compactqa/models/throughput-steps-"$steps"
  log=$(mktemp)
  start=$(date +%s)
  env $envs "$jdk/bin/java" --enable-native-access=ALL-UNNAMED -Dcompactqa.home="$PWD" -jar "$jar" \
    train reader --recipe eval/training/throughput.yaml --max-steps "$steps" >"$log" 2>&1
  wall=$(( $(date +%s) - start ))
  rate=$(sed -n "s#^step $steps/$steps .* \([0-9.]*\) examples/s.*#\1#p" "$log" | tail -1)
  echo "$name: $rate examples/s ($wall s in all)" >&2
  rows+=("{\"allocator\": \"$name\", \"environment\": \"$envs\", \"examples_per_s\": ${rate:-null}, \"wall_s\": $wall}")
  rm -f "$log"
done
flags=$(grep -m1 '^flags' /proc/cpuinfo | tr ' ' '\n' | grep -E '^(avx2|avx512f|avx512_vnni|avx_vnni|avx512_bf16|amx_bf16)$' | tr '\n' ' ' | sed 's/ $//')
model=$(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')
{
  echo "{"
  echo "  \"command\": \"eval/training/bench-malloc.sh $steps\","
  echo "  \"date\": \"$(date -u +%Y-%m-%dT%H:%M:%SZ)\","
  echo "  \"commit\": \"$(git rev-parse --short=12 HEAD 2>/dev/null || echo unknown)\","
  echo "  \"cpu\": \"$model\", \"cpus\": $(nproc), \"cpu_flags\": \"$flags\","
  echo "  \"steps\": $steps, \"batch\": \"32 x up to 256 tokens\","
  echo "  \"rows\": ["
  for i in "${!rows[@]}"; do sep=","; [ "$i" -eq $(( ${#rows[@]} - 1 )) ] && sep=""; echo "    ${rows[$i]}$sep"; done
  echo "  ]"
  echo "}"
} > eval/training/malloc.json
cat eval/training/malloc.json
