# Shared by scripts/demo and scripts/test: install what is missing, configure, build.
# Sourced, not run. Idempotent: a second run installs nothing and rebuilds only what changed.

COMENTION_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

# Debian 12 packages. COMENTION_PACKAGES builds and runs the program: the toolchain, the libraries
# found by cmake/Dependencies.cmake, python3 for the demo's summary, and Graphviz's own programs
# for the DOT files it writes. COMENTION_TEST_PACKAGES is what the tests add: doctest, Debian's
# python3 with networkx (whose pagerank needs numpy and scipy, only Recommends of it), xmllint,
# chromium driven through chromium-driver by python3-selenium for the HTML viewer, Node.js and npm
# for the JavaScript readers, dpkg-dev and file for the Debian package test. Every one is
# Debian 12's own: its Node.js is 18.
COMENTION_PACKAGES=(
  g++ cmake make pkg-config
  libboost-graph-dev nlohmann-json3-dev libsimdjson-dev libarchive-dev libgraphviz-dev libgumbo-dev libutf8proc-dev libcld2-dev graphviz
  python3
)
COMENTION_TEST_PACKAGES=(
  doctest-dev
  python3-networkx python3-numpy python3-scipy libxml2-utils
  chromium chromium-driver python3-selenium
  dpkg-dev file
)
# Node.js may come from elsewhere than Debian (NodeSource, say): Debian's is added only when
# there is no npm at all.
command -v npm >/dev/null 2>&1 || COMENTION_TEST_PACKAGES+=(nodejs npm)

comention_say() { printf '==> %s\n' "$*" >&2; }

# comention_install_packages [PACKAGE...]: installs what is missing of COMENTION_PACKAGES and the
# packages named.
comention_install_packages() {
  local missing=() package
  for package in "${COMENTION_PACKAGES[@]}" "$@"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
      missing+=("$package")
    fi
  done
  [ ${#missing[@]} -eq 0 ] && return 0

  local run_as_root=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
      run_as_root=(sudo)
    else
      echo "comention: missing packages: ${missing[*]}; install them as root (apt-get install ${missing[*]})" >&2
      return 1
    fi
  fi
  comention_say "installing ${missing[*]}"
  "${run_as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${run_as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# comention_configure DIR [CMAKE OPTIONS...]: (re)configures DIR; quick when nothing changed.
comention_configure() {
  local build_dir=$1
  shift
  comention_say "configuring $build_dir"
  cmake -S "$COMENTION_ROOT" -B "$build_dir" "$@" >"$build_dir.configure.log" 2>&1 || {
    cat "$build_dir.configure.log" >&2
    return 1
  }
}

# comention_build DIR [TARGET]: builds everything in DIR, or one target.
comention_build() {
  local build_dir=$1 target=()
  [ $# -ge 2 ] && target=(--target "$2")
  comention_say "building $build_dir ${2:-}"
  cmake --build "$build_dir" -j "$(nproc)" "${target[@]}"
}

source "$COMENTION_ROOT/scripts/lib/node.sh"
