#!/usr/bin/env bash
# Run Ray's own `ray microbenchmark` (Ray 2.58.0) and write its rows as JSON.
#
#   manta-bench/peers/ray/run.sh [OUT.json]
#
# OUT.json defaults to manta-bench/peers/ray/ray-results.json.
#
# Environment:
#   RAY_VENV          virtualenv to create/use (default: <this dir>/.venv)
#   PYTHON            interpreter used to create the venv (default: python3)
#   RAY_BENCH_FILTER  substring; only rows whose name contains it are timed
#                     (passed to Ray as TESTS_TO_RUN; case-sensitive, one pattern)
#   RAY_BENCH_SKIP    substring; rows whose name contains it are skipped
#                     (passed to Ray as TESTS_TO_SKIP), e.g. "client:" drops the
#                     Ray Client rows
#   RAY_RAW_OUT       where the raw output goes (default: <this dir>/ray-raw.txt)
#   RAY_BENCH_VERBOSE=1  echo the full raw output to stderr, not only the rows
#   PIP_*             honoured by pip as usual (e.g. PIP_RETRIES=0 makes installs
#                     much faster on a machine whose only index is a local mirror)
#
# Progress goes to stderr.  Exit status is that of `ray microbenchmark` (or 1 if
# no row could be parsed).
set -euo pipefail

RAY_VERSION_PIN="2.58.0"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
VENV="${RAY_VENV:-$HERE/.venv}"
PYTHON="${PYTHON:-python3}"
OUT="${1:-$HERE/ray-results.json}"
RAW="${RAY_RAW_OUT:-$HERE/ray-raw.txt}"
FILTER="${RAY_BENCH_FILTER:-}"
SKIP="${RAY_BENCH_SKIP:-}"

log() { printf '[ray-bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# ---------------------------------------------------------------- install ----
venv_ok() {
  [[ -x "$VENV/bin/python" && -x "$VENV/bin/ray" ]] &&
    "$VENV/bin/python" - "$RAY_VERSION_PIN" >/dev/null 2>&1 <<'EOF'
import sys
import ray, numpy, grpc  # ray_perf imports numpy; its Ray Client part imports grpc
sys.exit(0 if ray.__version__ == sys.argv[1] else 1)
EOF
}

if venv_ok; then
  log "venv $VENV already has ray $RAY_VERSION_PIN (+numpy, grpcio); skipping install"
else
  if [[ ! -x "$VENV/bin/python" ]]; then
    log "creating virtualenv $VENV with $("$PYTHON" --version 2>&1)"
    "$PYTHON" -m venv "$VENV"
  fi
  # ray itself does not depend on numpy or grpcio, but `ray microbenchmark`
  # imports numpy (ray/_private/ray_perf.py) and grpc (Ray Client benchmarks,
  # the `client` extra).
  log "installing ray[client]==$RAY_VERSION_PIN numpy into $VENV (pip, configured index)"
  "$VENV/bin/python" -m pip install --quiet "ray[client]==$RAY_VERSION_PIN" numpy >&2
  if ! venv_ok; then
    log "ERROR: install finished but 'import ray, numpy, grpc' / version check fails in $VENV"
    exit 1
  fi
  log "install done"
fi

# -------------------------------------------------------------------- run ----
mkdir -p "$(dirname "$OUT")" "$(dirname "$RAW")"
export RAY_USAGE_STATS_ENABLED=0     # no usage-stats prompt / upload attempt
export PYTHONUNBUFFERED=1            # rows show up as soon as they are printed
export TESTS_TO_RUN="$FILTER"        # ray_microbenchmark_helpers.timeit filter
export TESTS_TO_SKIP="$SKIP"
unset RAY_ADDRESS                    # always start a fresh local instance
# Only the venv's tools on PATH first (ray spawns workers with sys.executable).
export PATH="$VENV/bin:$PATH"

log "machine: $(nproc 2>/dev/null || echo '?') cores, $(awk '/MemTotal/{printf "%.1f GiB", $2/1048576}' /proc/meminfo 2>/dev/null), $("$VENV/bin/python" --version 2>&1)"
log "running 'ray microbenchmark' (filter='${FILTER}', skip='${SKIP}'); raw output -> $RAW"
log "a full run (31 rows) takes ~20 min on 2 cores: each row >= 10 s sleep + 1 s warm-up + 4x2 s trials, more when one call is slow"

START=$(date +%s)
set +e
if [[ "${RAY_BENCH_VERBOSE:-0}" == "1" ]]; then
  "$VENV/bin/ray" microbenchmark 2>&1 | tee "$RAW" >&2
  RC=${PIPESTATUS[0]}
else
  # (a bash read loop rather than awk/grep: mawk would buffer the rows)
  "$VENV/bin/ray" microbenchmark 2>&1 | tee "$RAW" |
    while IFS= read -r line; do
      [[ "$line" == *" per second "*" +- "* ]] && printf '[ray-bench] %s\n' "$line" >&2
    done
  RC=${PIPESTATUS[0]}
fi
set -e
END=$(date +%s)
DUR=$((END - START))
log "ray microbenchmark exited with $RC after ${DUR}s"

# ------------------------------------------------------------------ parse ----
PARSE_ARGS=(--ray-version "$RAY_VERSION_PIN" --duration-s "$DUR" -o "$OUT")
[[ -n "$FILTER" ]] && PARSE_ARGS+=(--filter "$FILTER")
[[ -n "$SKIP" ]] && PARSE_ARGS+=(--skip "$SKIP")
if ! "$VENV/bin/python" "$HERE/parse_microbenchmark.py" "$RAW" "${PARSE_ARGS[@]}"; then
  log "ERROR: could not parse any row from $RAW"
  exit 1
fi
log "results -> $OUT"
exit "$RC"
