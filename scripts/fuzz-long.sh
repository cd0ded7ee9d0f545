#!/bin/sh
# A long hostile-input run (test/fuzz.test.ts) on SQLite and PostgreSQL: far more random requests than
# npm test makes, and four drawn requests per route instead of one.
#   scripts/fuzz-long.sh [runs] [seed]     (or DAFTAR_FUZZ_RUNS / DAFTAR_FUZZ_SEED in the environment)
# A failure prints its seed; run again with that seed to replay it.
set -eu
cd "$(dirname "$0")/.."
DAFTAR_FUZZ_RUNS="${1:-${DAFTAR_FUZZ_RUNS:-5000}}"
export DAFTAR_FUZZ_RUNS
SEED="${2:-${DAFTAR_FUZZ_SEED:-}}"
if [ -n "$SEED" ]; then
  DAFTAR_FUZZ_SEED="$SEED"
  export DAFTAR_FUZZ_SEED
fi
npm run build --silent
exec node test/run.js fuzz
