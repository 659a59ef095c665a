#!/usr/bin/env bash
# The live board at scale: N viewers on the live stream of a T-team board, new scores one at a time, board reads at a
# fixed rate meanwhile; upload -> every viewer p50/p99, missed updates, bytes per update per viewer, server memory,
# reads/s and read p50/p99, with whole boards at every change (?full=1) and with deltas.
#   bash bench/spectators.sh                      # 1,000 viewers, 300 teams, 5 scores per way, 500 reads/s
#   VIEWERS=10000 TEAMS=1000 WAYS=delta bash bench/spectators.sh   # the goal: p99 < 1 s, 0 missed, reads p99 < 50 ms
#   VIEWERS=200 TEAMS=100 RUNS=3 READS=0 bash bench/spectators.sh
# Whole boards cost a serialisation per viewer per change: at 10,000 viewers of 1,000 teams measure deltas only.
# Embedded defaults (SQLite, in-memory bus, folder store); the report stays in the /tmp/spectators-bench.* folder.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
SERVER_DIR=$ROOT/src/DataChallenge.Server/bin/Release/net10.0
DRIVER=$ROOT/bench/DataChallenge.Spine.Bench/bin/Release/net10.0/DataChallenge.Spine.Bench.dll
WORK=$(mktemp -d /tmp/spectators-bench.XXXXXX)
VIEWERS=${VIEWERS:-1000} TEAMS=${TEAMS:-300} RUNS=${RUNS:-5} WAYS=${WAYS:-whole,delta} READS=${READS:-500}
# Each viewer holds a socket in the server and one in the driver.
ulimit -n "$(ulimit -Hn)"

dotnet build -c Release "$ROOT/src/DataChallenge.Server" -nologo -v q > "$WORK/build-server.log" || { cat "$WORK/build-server.log"; exit 1; }
dotnet build -c Release "$ROOT/bench/DataChallenge.Spine.Bench" -nologo -v q > "$WORK/build-bench.log" || { cat "$WORK/build-bench.log"; exit 1; }

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
url=http://127.0.0.1:$port
# Hundreds of teams sign up from one address within a minute: the sign-in limit is raised for the benchmark.
(cd "$SERVER_DIR" && exec dotnet DataChallenge.Server.dll --urls "$url" --DataFolder "$WORK/data" --Demo:Enabled=false \
  --Logging:LogLevel:Default=Warning --RateLimits:SignInPerClientPerMinute=100000 \
  --RateLimits:SignInPerAccountAndClientPerMinute=100000) > "$WORK/server.log" 2>&1 &
server=$!
trap 'kill -TERM $server 2> /dev/null || true; wait $server 2> /dev/null || true; rm -rf "$WORK/data"' EXIT
until curl -sf "$url/health" > /dev/null; do kill -0 $server 2> /dev/null || { tail -20 "$WORK/server.log"; exit 1; }; sleep 0.2; done

dotnet "$DRIVER" --server "$url" --server-pid $server --mode "spectators, embedded defaults" --rows 1000 \
  --viewers "$VIEWERS" --teams "$TEAMS" --runs "$RUNS" --ways "$WAYS" --rate "$READS" --mail-folder "$WORK/data/mail" --report "$WORK/report.txt"
echo "report saved as $WORK/report.txt; server log $WORK/server.log"
