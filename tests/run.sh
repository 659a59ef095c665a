#!/usr/bin/env bash
# The test command: installs what is missing, starts PostgreSQL, RabbitMQ and an S3 server on
# 127.0.0.1, builds and tests the whole solution against them, stops what it started, and ends
# with the totals alone on the last line: "N passed, N failed[, N skipped]".
# The exit code is non-zero when a test failed, no test ran, or the build or a service failed.
#   bash tests/run.sh
#   DATACHALLENGE_KEEP_SERVICES=1 bash tests/run.sh    # leave the services running afterwards
set -uo pipefail
cd "$(dirname "$0")/.."

configuration=Release
services=tests/services
results=artifacts/test-results
started=$results/started-services
passed=0 failed=0 skipped=0

say() { printf '[tests %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
finish() {
  trap - EXIT INT TERM
  if [[ ${DATACHALLENGE_KEEP_SERVICES:-0} != 1 && -s $started ]]; then
    # shellcheck disable=SC2046 # one word per recorded service
    bash $services/stop.sh $(sort -u "$started")
  fi
  local totals="$passed passed, $failed failed"
  ((skipped == 0)) || totals+=", $skipped skipped"
  echo "$totals"
  ((failed == 0 && passed > 0)) && exit 0
  exit 1
}
# A broken step still counts as a failure, so a red run never prints a green totals line.
broken() { say "FAILED: $*"; failed=$((failed + 1)); finish; }
trap 'broken "interrupted"' INT TERM
trap finish EXIT

began=$SECONDS
rm -rf "$results"
mkdir -p "$results"
bash $services/install.sh --tools || broken "installing packages"

# Services start while the solution builds: both are slow and neither needs the other.
bash $services/start.sh --record "$started" > /dev/null 2> "$results/services.log" &
starting=$!
dotnet build DataChallenge.sln -c $configuration -nologo -v quiet -clp:NoSummary
built=$?
wait $starting
up=$?
cat "$results/services.log" >&2
((built == 0)) || broken "dotnet build (exit $built)"
((up == 0)) || broken "starting the services (log above)"
say "build and services ready after $((SECONDS - began)) s"

# shellcheck disable=SC1091 # written by start.sh
. "${DATACHALLENGE_SERVICES_DIR:-/tmp/datachallenge-services}/env.sh"
dotnet test DataChallenge.sln -c $configuration --no-build -nologo \
  --logger trx --results-directory "$results/trx" 2>&1 | tee "$results/test-output.txt"
tested=${PIPESTATUS[0]}

# Each test assembly ends with one summary line: "Passed!  - Failed: 0, Passed: 5, Skipped: 0, Total: 5, ...".
count() {
  grep -E '^[A-Za-z]+! +- Failed: ' "$results/test-output.txt" | grep -oE "$1: +[0-9]+" | awk '{n += $2} END {print n + 0}'
}
passed=$(count Passed)
failed=$(count Failed)
skipped=$(count Skipped)
say "tests finished after $((SECONDS - began)) s"
((passed + failed > 0)) || broken "no test ran"
((tested == 0 || failed > 0)) || broken "dotnet test exited with $tested although no test failed"
