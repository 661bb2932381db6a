# The npm packages of the JavaScript interop tests (tests/interop/package.json). Sourced, not run,
# after common.sh has set COMENTION_ROOT. Idempotent: a second run installs nothing.

if ! declare -F comention_say >/dev/null; then
  comention_say() { printf '==> %s\n' "$*" >&2; }
fi

# Installs tests/interop/node_modules exactly as package-lock.json says, when it is missing or
# older than the lock file. npm ci writes node_modules/.package-lock.json on every install, so that
# file's time is the time of the last install; `-nt` is also true when it does not exist.
comention_install_node_packages() {
  local dir="${COMENTION_ROOT:?COMENTION_ROOT is not set: source scripts/lib/common.sh first}/tests/interop"
  if ! command -v npm >/dev/null 2>&1; then
    echo "comention: npm is missing; the JavaScript interop tests need Node.js 18 or later and npm (Debian: nodejs npm)" >&2
    return 1
  fi
  if [ -d "$dir/node_modules" ] && ! [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    return 0
  fi
  comention_say "installing npm packages in tests/interop"
  # npm ci installs only from the lock file and fails if it disagrees with package.json, so what is
  # tested is what was committed. It runs as root as it does as anyone: none of these packages has
  # an install script.
  (cd "$dir" && npm ci --no-audit --no-fund)
}
