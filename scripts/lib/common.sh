# Shared by scripts/demo and scripts/test: install what is missing, configure, build.
# Sourced, not run. Idempotent: a second run installs nothing and rebuilds only what changed.

COMENTION_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

# Debian 12 packages: the toolchain, the libraries found by cmake/Dependencies.cmake, Graphviz's
# dot for rendering, and what the interop tests read the outputs with: Debian's networkx,
# xmllint, and chromium for the HTML viewer (driven by npm's playwright-core).
COMENTION_PACKAGES=(
  g++ cmake make pkg-config
  libboost-graph-dev nlohmann-json3-dev libsimdjson-dev libgraphviz-dev graphviz doctest-dev
  python3 python3-networkx
)
COMENTION_TEST_PACKAGES=(libxml2-utils chromium)
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
