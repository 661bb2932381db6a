#!/usr/bin/env bash
# The JavaScript tools read what comention writes: graphology (its own serialisation, GEXF and
# GraphML importers), cytoscape headless and d3-force, installed from npm by scripts/test into
# tests/interop/node_modules. xmllint checks that the GEXF and GraphML files are well formed.
set -euo pipefail
comention=$1
samples=$2
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [ ! -d "$here/node_modules" ]; then
  echo "tests/interop/node_modules is missing: run scripts/test, which installs it (npm ci)" >&2
  exit 1
fi

"$comention" build "$samples" --evidence 1 -o "$work/graph.json" -o "$work/graph.gexf" -o "$work/graph.graphml" \
  -o "$work/graph.cyjs" -o "$work/graph.graphology.json" 2>/dev/null
"$comention" build "$samples" --gexf-version 1.2draft -o "$work/draft.gexf" 2>/dev/null

for file in graph.gexf draft.gexf graph.graphml; do
  xmllint --noout "$work/$file"
  echo "xmllint: $file is well formed"
done

node "$here/npm_readers.mjs" "$work"
