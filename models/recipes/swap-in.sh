#!/usr/bin/env bash
# Replaces a shipped model folder with a new one: copied beside it first, then two renames, so an
# interrupted swap leaves either the old folder or the new one in place, never a half-copied one.
# Usage: models/recipes/swap-in.sh NEW_FOLDER models/<name>
set -euo pipefail
new=${1:?usage: swap-in.sh NEW_FOLDER models/<name>}
dest=${2:?usage: swap-in.sh NEW_FOLDER models/<name>}
rm -rf "$dest.next" && cp -r "$new" "$dest.next"
rm -rf "$dest.old" && mv "$dest" "$dest.old" && mv "$dest.next" "$dest" && rm -rf "$dest.old"
