#!/usr/bin/env bash
# `cmake --install` gives a prefix that works on its own: the program runs from it, the man page
# and bash completion are where man and bash-completion look, and a separate CMake project finds
# the library with find_package(comention CONFIG), builds against it and gets the same graph as
# the installed program.
#
# usage: test_install.sh CMAKE BUILD_DIR SOURCE_DIR
set -euo pipefail
cmake=$1
build_dir=$2
source_dir=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
prefix=$work/prefix

fail() { echo "FAIL: $*" >&2; exit 1; }
ok() { echo "ok: $*"; }

"$cmake" --install "$build_dir" --prefix "$prefix" >"$work/install.log" || {
  cat "$work/install.log" >&2
  fail "cmake --install $build_dir failed"
}
ok "cmake --install --prefix $prefix"

# One path each, whatever the configured library directory (lib, lib64, lib/<multiarch>).
expect_one() {
  local what=$1 pattern=$2 found
  found=$(cd "$prefix" && find . -path "./$pattern" | sed 's|^\./||')
  [ "$(printf '%s' "$found" | grep -c .)" -eq 1 ] || fail "$what: expected one $pattern in the prefix, found: ${found:-nothing}"
  ok "$what: $found"
}
expect_one "the program" "bin/comention"
expect_one "the man page" "share/man/man1/comention.1.gz"
expect_one "bash completion" "share/bash-completion/completions/comention"
expect_one "a public header" "include/comention/pipeline.hpp"
expect_one "the generated version header" "include/comention/version.hpp"
expect_one "the static library" "lib*/libcomention_core.a"
expect_one "the CMake package" "lib*/cmake/comention/comentionConfig.cmake"
expect_one "its version file" "lib*/cmake/comention/comentionConfigVersion.cmake"
expect_one "the copyright file" "share/doc/comention/copyright"

# Every public header is installed (the consumer below then compiles against the prefix alone).
for header in "$source_dir"/include/comention/*.hpp; do
  [ -f "$prefix/include/comention/$(basename "$header")" ] || fail "$(basename "$header") was not installed"
done
ok "every public header is installed"

gzip -t "$prefix/share/man/man1/comention.1.gz" || fail "the man page is not valid gzip"
zcat "$prefix/share/man/man1/comention.1.gz" | grep -q '^\.TH COMENTION 1' || fail "the man page has no .TH COMENTION 1 line"
ok "the man page is a compressed section-1 page"

installed=$prefix/bin/comention
version=$("$installed" --version)
[[ $version =~ ^comention\ [0-9]+\.[0-9]+\.[0-9]+$ ]] || fail "installed comention --version printed: $version"
ok "installed program: $version"
"$installed" build "$source_dir/samples" --quiet -o "$work/program.json"

# The consumer: configured against the prefix only (CMAKE_PREFIX_PATH), built, and run.
"$cmake" -S "$source_dir/tests/install/consumer" -B "$work/consumer" -DCMAKE_PREFIX_PATH="$prefix" \
  -DCMAKE_FIND_PACKAGE_PREFER_CONFIG=ON >"$work/consumer-configure.log" 2>&1 || {
  cat "$work/consumer-configure.log" >&2
  fail "the consumer project does not configure against the installed prefix"
}
grep -q "comention_DIR:PATH=$prefix/" "$work/consumer/CMakeCache.txt" \
  || fail "find_package(comention) found a comention outside the installed prefix: $(grep comention_DIR "$work/consumer/CMakeCache.txt")"
ok "find_package(comention CONFIG) found the installed package"
"$cmake" --build "$work/consumer" -j 2 >"$work/consumer-build.log" 2>&1 || {
  cat "$work/consumer-build.log" >&2
  fail "the consumer project does not build against the installed library"
}
ok "the consumer builds and links against comention::core"
"$work/consumer/comention_consumer" "$work/consumer.svg" "$source_dir/samples" >"$work/consumer.json"
grep -q '<svg' "$work/consumer.svg" || fail "the consumer's SVG has no <svg element"

# The same entities and the same weighted ties as the installed program's default build.
python3 - "$work/program.json" "$work/consumer.json" <<'PY'
import json, sys

def graph_of(path):
    data = json.load(open(path, encoding="utf-8"))
    nodes = {node["id"]: node["mentions"] for node in data["nodes"]}
    ties = {tuple(sorted((link["source"], link["target"]))): link["weight"] for link in data["links"]}
    return nodes, ties

program, consumer = graph_of(sys.argv[1]), graph_of(sys.argv[2])
if program != consumer:
    sys.exit(f"FAIL: the consumer's graph differs from the program's: "
             f"{len(consumer[0])} vs {len(program[0])} entities, {len(consumer[1])} vs {len(program[1])} ties")
if len(program[1]) == 0:
    sys.exit("FAIL: the samples gave no ties at all")
print(f"ok: the consumer's graph is the program's: {len(program[0])} entities, {len(program[1])} ties")
PY
echo "install: all checks passed"
