#!/usr/bin/env bash
# Builds the dashboard page into target/classes/dev/manta/dashboard/web/ (the jar's resources).
#
# With npm (Node.js 20.19+): `npm ci` installs exactly package-lock.json from the npm registry (or
# npm's cache), then Vite bundles the page. Without npm, the build still succeeds: the same sources
# are copied unbundled (the stylesheet linked from the page instead of imported by the script),
# which serves the same page; a warning says so. $1: the npm to run (default npm).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
npm_cmd="${1:-npm}"
out=target/classes/dev/manta/dashboard/web
if command -v "$npm_cmd" >/dev/null 2>&1; then
  "$npm_cmd" ci --prefer-offline --no-audit --no-fund --loglevel=error
  "$npm_cmd" run build
  exit 0
fi
echo "[WARNING] manta-dashboard: '$npm_cmd' not found: copying the page unbundled (install Node.js" \
  "20.19+ with npm, or pass -Dmanta.npm=PATH, for the Vite build)" >&2
rm -rf "$out"
mkdir -p "$out/src"
grep -v "^import './style.css';" src/main.js >"$out/src/main.js"
cp src/style.css "$out/src/style.css"
sed 's|</head>|  <link rel="stylesheet" href="/src/style.css" />\n  </head>|' index.html >"$out/index.html"
