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
