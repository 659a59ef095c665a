#!/usr/bin/env bash
# The live board at scale: N viewers on the live stream of a T-team board, new scores one at a time, board reads at a
# fixed rate meanwhile; upload -> every viewer p50/p99, missed updates, bytes per update per viewer, server memory,
# reads/s and read p50/p99, with whole boards at every change (?full=1) and with deltas.
#   bash bench/spectators.sh                      # 1,000 viewers, 300 teams, 5 scores per way, 500 reads/s
#   VIEWERS=10000 TEAMS=1000 WAYS=delta bash bench/spectators.sh   # the goal: p99 < 1 s, 0 missed, reads p99 < 50 ms
#   VIEWERS=200 TEAMS=100 RUNS=3 READS=0 bash bench/spectators.sh
#   SPLIT=1 VIEWERS=10000 TEAMS=1000 WAYS=delta bash bench/spectators.sh
# Whole boards cost a serialisation per viewer per change: at 10,000 viewers of 1,000 teams measure deltas only.
# By default one process on embedded defaults (SQLite, in-memory bus, folder store). SPLIT=1 runs the production shape
# instead, on PostgreSQL and RabbitMQ (tests/services/start.sh when the DATACHALLENGE_TEST_* variables are unset): one
# api and worker process, one leaderboard replica holding the viewers' streams and another answering the board reads,
# as compose's proxy routes them. The report stays in the /tmp/spectators-bench.* folder.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
. "$ROOT/bench/own-services.sh"
SERVER_DIR=$ROOT/src/DataChallenge.Server/bin/Release/net10.0
DRIVER=$ROOT/bench/DataChallenge.Spine.Bench/bin/Release/net10.0/DataChallenge.Spine.Bench.dll
WORK=$(mktemp -d /tmp/spectators-bench.XXXXXX)
VIEWERS=${VIEWERS:-1000} TEAMS=${TEAMS:-300} RUNS=${RUNS:-5} WAYS=${WAYS:-whole,delta} READS=${READS:-500} SPLIT=${SPLIT:-0}
RUN_ID=$(date +%H%M%S)$RANDOM
# Each viewer holds a socket in the server and one in the driver.
ulimit -n "$(ulimit -Hn)"

servers=() cleanups=()
finish() {
  for pid in "${servers[@]}"; do kill -TERM "$pid" 2> /dev/null || true; done
  for pid in "${servers[@]}"; do wait "$pid" 2> /dev/null || true; done
  for cleanup in "${cleanups[@]}"; do eval "$cleanup" || true; done
  rm -rf "$WORK"/*-data
}
trap finish EXIT

dotnet build -c Release "$ROOT/src/DataChallenge.Server" -nologo -v q > "$WORK/build-server.log" || { cat "$WORK/build-server.log"; exit 1; }
dotnet build -c Release "$ROOT/bench/DataChallenge.Spine.Bench" -nologo -v q > "$WORK/build-bench.log" || { cat "$WORK/build-bench.log"; exit 1; }

# start NAME SERVER-ARGS...: a server process on a free loopback port, data in $WORK/NAME-data; sets url and pid once healthy.
start() {
  local name=$1
  shift
  local port
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  url=http://127.0.0.1:$port
  (cd "$SERVER_DIR" && exec dotnet DataChallenge.Server.dll --urls "$url" --DataFolder "$WORK/$name-data" --Demo:Enabled=false \
    --Logging:LogLevel:Default=Warning "$@") > "$WORK/$name.log" 2>&1 &
  pid=$!
  servers+=("$pid")
  until curl -sf "$url/health" > /dev/null; do kill -0 "$pid" 2> /dev/null || { tail -20 "$WORK/$name.log"; exit 1; }; sleep 0.2; done
}

# Hundreds of teams sign up from one address within a minute: the sign-in limit is raised for the benchmark.
limits=(--RateLimits:SignInPerClientPerMinute=100000 --RateLimits:SignInPerAccountAndClientPerMinute=100000)
if [[ $SPLIT == 1 ]]; then
  if [[ -z ${DATACHALLENGE_TEST_POSTGRES:-} ]]; then eval "$(bash "$ROOT/tests/services/start.sh" 2> "$WORK/services.log")"; fi
  # A database and a broker virtual host of the run's own, dropped at the end.
  own_database "spectators_bench_$RUN_ID"
  own_vhost "spectators-bench-$RUN_ID"
  # The filling signs hundreds of teams up at once on two cores: new connections may take longer than the 2 s a
  # production server waits before answering 503. Three processes share the database's 100 connections.
  shared=(--Database:Postgres="$postgres;Timeout=15;Maximum Pool Size=30" --Bus:RabbitMqUrl="$rabbit")
  start api --Roles=api,worker "${shared[@]}" "${limits[@]}"
  api_url=$url
  start live --Roles=leaderboard "${shared[@]}"
  live_url=$url live_pid=$pid
  start reads --Roles=leaderboard "${shared[@]}"
  topology=(--server "$api_url" --live-server "$live_url" --read-server "$url" --server-pid "$live_pid"
    --mode "spectators, split: api and worker, a leaderboard replica for the streams, another for the reads (PostgreSQL, RabbitMQ)")
else
  start api "${limits[@]}"
  topology=(--server "$url" --server-pid "$pid" --mode "spectators, embedded defaults")
fi

dotnet "$DRIVER" "${topology[@]}" --rows 1000 --viewers "$VIEWERS" --teams "$TEAMS" --runs "$RUNS" --ways "$WAYS" --rate "$READS" \
  --mail-folder "$WORK/api-data/mail" --report "$WORK/report.txt"
echo "report saved as $WORK/report.txt; server logs in $WORK"
