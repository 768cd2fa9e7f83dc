#!/usr/bin/env bash
# `npm run quickstart`: prepares the machine (scripts/setup.sh), then becomes the Andes server (`exec`), so the
# SIGTERM or Ctrl-C that npm passes on reaches the server itself and stops it cleanly. Arguments go to
# `andes quickstart` (e.g. `npm run quickstart -- --port 3001`).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec node apps/cli/dist/main.js quickstart "$@"
