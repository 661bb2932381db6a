#!/usr/bin/env bash
# CPack makes the two Debian packages from this build: the program with its man page and
# completion, and the -dev package with the headers, the library and the CMake package; the
# program's run-time dependencies are computed by dpkg-shlibdeps, not written by hand.
# (scripts/package builds the release packages and runs lintian; this checks what goes in them.)
#
# usage: test_package.sh BUILD_DIR VERSION
set -euo pipefail
build_dir=$1
version=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

fail() { echo "FAIL: $*" >&2; exit 1; }
ok() { echo "ok: $*"; }

(cd "$work" && cpack --config "$build_dir/CPackConfig.cmake" -G DEB -B "$work/out" >"$work/cpack.log" 2>&1) || {
  cat "$work/cpack.log" >&2
  fail "cpack -G DEB failed"
}
program=$work/out/comention_${version}_amd64.deb
development=$work/out/libcomention-dev_${version}_amd64.deb
[ -f "$program" ] || fail "no $(basename "$program"); cpack wrote: $(ls "$work/out")"
[ -f "$development" ] || fail "no $(basename "$development"); cpack wrote: $(ls "$work/out")"
ok "cpack wrote $(basename "$program") and $(basename "$development")"

# has_file DEB PATTERN: the package holds a file whose path matches the extended regex.
has_file() {
  dpkg-deb --contents "$1" | awk '{print $NF}' | grep -Eq "$2" || fail "$(basename "$1") holds no $2"
  ok "$(basename "$1") holds $2"
}
has_file "$program" '^\./usr/bin/comention$'
has_file "$program" '^\./usr/share/man/man1/comention\.1\.gz$'
has_file "$program" '^\./usr/share/bash-completion/completions/comention$'
has_file "$program" '^\./usr/share/doc/comention/copyright$'
has_file "$program" '^\./usr/share/doc/comention/changelog\.gz$'
has_file "$development" '^\./usr/include/comention/pipeline\.hpp$'
has_file "$development" '^\./usr/include/comention/version\.hpp$'
has_file "$development" '^\./usr/lib/.*libcomention_core\.a$'
has_file "$development" '^\./usr/lib/.*cmake/comention/comentionConfig\.cmake$'
has_file "$development" '^\./usr/share/doc/libcomention-dev/copyright$'
if dpkg-deb --contents "$program" | grep -q '/usr/include/'; then fail "the program's package holds headers"; fi
ok "the program's package holds no headers"

depends=$(dpkg-deb --field "$program" Depends)
# The package names alone, one a line: "libgvc6 (>= 2.42), libc6" gives libgvc6 and libc6.
depended_on=$(printf '%s\n' "$depends" | tr ',' '\n' | sed -E 's/^ +//; s/[ (].*//')
for library in libc6 libstdc++6 libgvc6 libcgraph6 libsimdjson14 libarchive13 libgumbo1 libutf8proc2 libcld2-0; do
  grep -qxF "$library" <<<"$depended_on" || fail "the program's Depends lacks $library (dpkg-shlibdeps): $depends"
done
ok "the program's Depends, from dpkg-shlibdeps: $depends"
[ "$(dpkg-deb --field "$program" Version)" = "$version" ] || fail "the program's version is not $version"
development_depends=$(dpkg-deb --field "$development" Depends)
for package in libboost-graph-dev nlohmann-json3-dev libsimdjson-dev libarchive-dev libgraphviz-dev libgumbo-dev libutf8proc-dev; do
  [[ $development_depends == *"$package"* ]] || fail "libcomention-dev does not depend on $package: $development_depends"
done
ok "libcomention-dev depends on: $development_depends"
echo "package: all checks passed"
