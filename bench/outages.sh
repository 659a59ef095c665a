#!/usr/bin/env bash
# For each dependency (RabbitMQ, PostgreSQL, S3, the network to the broker): the time from its return to the first
# score (goal: under 10 s) and the upload attempts answered 503 during the outage (the CLI retries them with the same
# Idempotency-Key; nothing acknowledged may be lost). Runs the fault tests, which start their own RabbitMQ, PostgreSQL
# (fsync on) and S3 server on separate ports and folder, kill and restart them by PID, and stop them at the end.
#   sudo bash bench/outages.sh
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
figures=$(mktemp /tmp/outage-figures.XXXXXX)
log=$(mktemp /tmp/outage-tests.XXXXXX)
trap 'rm -f "$figures"' EXIT

dotnet build "$ROOT/tests/DataChallenge.IntegrationTests" -c Release -nologo -v quiet -clp:NoSummary >&2
status=0
DATACHALLENGE_FAULT_FIGURES=$figures dotnet test "$ROOT/tests/DataChallenge.IntegrationTests" -c Release --no-build -nologo \
  --filter "FullyQualifiedName~DataChallenge.IntegrationTests.Faults" > "$log" 2>&1 || status=$?
grep -E '^(Passed|Failed|Skipped)!' "$log" >&2 || true
# A run that skipped its tests measured nothing: say so rather than print an empty table.
grep -q '^Skipped!' "$log" && { echo "The fault tests were skipped; see $log" >&2; status=1; }
((status == 0)) || echo "Some fault tests failed (exit $status); their output is in $log" >&2

printf '%-42s %22s %14s %26s\n' dependency 'back → first score (s)' 'answered 503' 'other refusals/timeouts'
sort "$figures" | while IFS=$'\t' read -r dependency seconds answered503 other; do
  verdict=$(awk -v s="$seconds" 'BEGIN { print (s < 10 ? "ok" : "over the 10 s goal") }')
  printf '%-42s %22s %14s %26s  %s\n' "$dependency" "$seconds" "$answered503" "$other" "$verdict"
done
exit "$status"
