#!/usr/bin/env bash
# Renders the kustomize base and every overlay with kubectl and validates each manifest against the
# Kubernetes API schemas bundled in kubernetes-models (npm), offline. Exits non-zero on any problem.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
if ! command -v kubectl >/dev/null; then
  echo "k8s: kubectl not found; install it (Debian: apt-get install kubernetes-client)" >&2
  exit 1
fi
if [ ! -d validate/node_modules/kubernetes-models ]; then
  (cd validate && npm ci --no-audit --no-fund --loglevel=error)
fi
for target in base overlays/*/; do
  echo "k8s: $target"
  kubectl kustomize "$target" 2>/dev/null | node validate/validate.mjs -
done
