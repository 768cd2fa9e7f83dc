#!/usr/bin/env bash
# Prepares a fresh machine for Andes: the pinned pnpm, every dependency from the lockfile, and a build.
# Safe to run again: each step is quick when already done. Needs Node 20+, python3, make and g++ (native addons).
set -euo pipefail
cd "$(dirname "$0")/.."

pnpm_version=$(node -p "require('./package.json').packageManager.split('@')[1]")
if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm --version)" != "$pnpm_version" ]; then
  echo "andes setup: installing pnpm $pnpm_version" >&2
  npm install --global "pnpm@$pnpm_version" --loglevel=error
fi

# node-gyp builds better-sqlite3 against the installed Node headers instead of downloading them.
if [ -z "${npm_config_nodedir:-}" ] && [ -f /usr/include/node/node.h ]; then
  export npm_config_nodedir=/usr
fi
export TURBO_TELEMETRY_DISABLED=1

pnpm install --frozen-lockfile --reporter=append-only >&2
pnpm run --silent build >&2

# Debian packages the tests use: the two corpora of the evaluation sets in test/eval (the SQLite manual and Debian
# Reference in Chinese), Chromium for the browser tests, PostgreSQL 15 for the PostgreSQL store tests and kubectl
# (`kubectl kustomize`) for the infra manifests test.
# (Not nodejs-doc: it conflicts with NodeSource's nodejs package, and apt removes Node to install it.)
test_packages=(sqlite3-doc debian-reference-zh-cn chromium postgresql-15 kubectl)
missing_packages=()
for package in "${test_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing_packages+=("$package")
done
if [ ${#missing_packages[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "andes setup: installing ${missing_packages[*]} (corpora, browser and database for the tests)" >&2
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing_packages[@]}"; } >&2 ||
      echo "andes setup: could not install ${missing_packages[*]}; the tests that need them will fail under CI=true" >&2
  else
    echo "andes setup: ${missing_packages[*]} not installed and not root: the tests that need them are skipped" \
      "(they fail when CI=true); install with: sudo apt-get install ${missing_packages[*]}" >&2
  fi
fi
