#!/usr/bin/env bash
# Do code runs starve prediction scoring? Upload -> board of RUNS 10k-row prediction files, one at a time: first with the
# run-code queue empty (the baseline), then while BACKLOG smoke runs of a code phase in another challenge, each a Python
# loop of CPU_SECONDS of CPU, stay unfinished (more than the worker runs at once, so its run-code queue is never empty).
# Prints p50/p99 of both and their ratios. Goal: p50 under load < 500 ms.
#   bash bench/code-starvation.sh                  # 30 runs per phase, 4 code runs kept unfinished, 15 s of CPU each
#   RUNS=5 BACKLOG=3 CPU_SECONDS=10 bash bench/code-starvation.sh
# Embedded defaults (SQLite, in-memory bus, folder store) with the bubblewrap sandbox; run as root for the cgroup limits
# the worker applies in production. Extra server settings go after the script's name (e.g. --Scoring:CodeRunConcurrency=2).
# The report stays in the /tmp/code-starvation-bench.* folder named at the end.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
SERVER_DIR=$ROOT/src/DataChallenge.Server/bin/Release/net10.0
DRIVER=$ROOT/bench/DataChallenge.Spine.Bench/bin/Release/net10.0/DataChallenge.Spine.Bench.dll
WORK=$(mktemp -d /tmp/code-starvation-bench.XXXXXX)
RUNS=${RUNS:-30} BACKLOG=${BACKLOG:-4} CPU_SECONDS=${CPU_SECONDS:-15}

command -v bwrap > /dev/null || { echo "bubblewrap is missing: run tests/services/install.sh (or apt-get install -y bubblewrap)" >&2; exit 1; }
for project in src/DataChallenge.Server bench/DataChallenge.Spine.Bench; do
  dotnet build -c Release "$ROOT/$project" -nologo -v q > "$WORK/build.log" || { cat "$WORK/build.log"; exit 1; }
done

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
url=http://127.0.0.1:$port
# Every run is a new team, and the code load uploads far faster than a person: the per-client limits are lifted.
(cd "$SERVER_DIR" && exec dotnet DataChallenge.Server.dll --urls "$url" --DataFolder "$WORK/data" --Demo:Enabled=false \
  --Logging:LogLevel:Default=Warning --RateLimits:SignInPerClientPerMinute=100000 \
  --RateLimits:SignInPerAccountAndClientPerMinute=100000 --RateLimits:UploadsPerAccountPerMinute=100000 "$@") > "$WORK/server.log" 2>&1 &
server=$!
trap 'kill -TERM $server 2> /dev/null || true; wait $server 2> /dev/null || true; rm -rf "$WORK/data"' EXIT
until curl -sf "$url/health" > /dev/null; do kill -0 $server 2> /dev/null || { tail -20 "$WORK/server.log"; exit 1; }; sleep 0.2; done

dotnet "$DRIVER" --server "$url" --server-pid $server --mode "code starvation, embedded defaults" --rows 10000 --runs "$RUNS" \
  --code-backlog "$BACKLOG" --code-cpu-seconds "$CPU_SECONDS" --goal-p50-ms 500 --mail-folder "$WORK/data/mail" --report "$WORK/report.txt"
echo "report saved as $WORK/report.txt; server log $WORK/server.log"
