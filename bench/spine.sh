#!/usr/bin/env bash
# The spine's benchmark: upload -> visible on the leaderboard, leaderboard reads under load, and memory during a
# 1 GB upload; once on embedded defaults (SQLite, in-memory bus, folder store), then on PostgreSQL + RabbitMQ + S3.
#   bash bench/spine.sh            # full: 9 runs, 60 s of load at 500 req/s, 15 s of wrk, 1 GB upload
#   bash bench/spine.sh --quick    # smoke check: 3 runs, 10 s of load, 5 s of wrk, 256 MB upload
# The real services come from the DATACHALLENGE_TEST_* variables, or from tests/services/start.sh when unset.
# Each server gets a fresh data folder, database, RabbitMQ virtual host and buckets; all but the buckets are removed
# again at the end. Reports and server logs stay in the /tmp/spine-bench.* folder named at the end.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
. "$ROOT/bench/own-services.sh"
SERVER_DIR=$ROOT/src/DataChallenge.Server/bin/Release/net10.0
DRIVER=$ROOT/bench/DataChallenge.Spine.Bench/bin/Release/net10.0/DataChallenge.Spine.Bench.dll
WORK=$(mktemp -d /tmp/spine-bench.XXXXXX)
RUN_ID=$(date +%H%M%S)$RANDOM

driver_args=()
quick=0
if [[ ${1:-} == --quick ]]; then
  quick=1
  driver_args=(--runs 3 --load-seconds 10 --wrk-seconds 5 --upload-mb 256)
fi

log() { printf '[spine %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
loud() { printf '\n!!!!!!!!!!\n!!! %s\n!!!!!!!!!!\n\n' "$*" >&2; }

server_pid=
cleanups=()
stop_server() {
  [[ -n $server_pid ]] || return 0
  kill -TERM "$server_pid" 2> /dev/null || true
  for _ in $(seq 50); do kill -0 "$server_pid" 2> /dev/null || break; sleep 0.2; done
  kill -KILL "$server_pid" 2> /dev/null || true
  wait "$server_pid" 2> /dev/null || true
  server_pid=
}
finish() {
  stop_server
  local c
  for c in "${cleanups[@]}"; do eval "$c" || true; done
}
trap finish EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# start_server NAME ARGS...: the Release build as its own process; sets server_pid and server_url.
start_server() {
  local name=$1 port
  shift
  port=$(free_port)
  mkdir -p "$WORK/$name-data"
  # Logs and reports stay; the data (a 1 GB upload among it) goes.
  cleanups+=("rm -rf '$WORK/$name-data'")
  server_url=http://127.0.0.1:$port
  # The content root is the build folder, where appsettings.json is. The driver registers many accounts and uploads far
  # faster than a person: the per-client rate limits are lifted for it.
  (cd "$SERVER_DIR" && exec dotnet DataChallenge.Server.dll --urls "$server_url" --DataFolder "$WORK/$name-data" \
    --Demo:Enabled=false --Logging:LogLevel:Default=Warning \
    --RateLimits:SignInPerClientPerMinute=100000 --RateLimits:SignInPerAccountAndClientPerMinute=100000 \
    --RateLimits:UploadsPerAccountPerMinute=100000 "$@") > "$WORK/$name-server.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 600); do
    curl -sf "$server_url/health" > /dev/null 2>&1 && { log "$name: server pid $server_pid ready on $server_url"; return 0; }
    kill -0 "$server_pid" 2> /dev/null || break
    sleep 0.2
  done
  log "$name: server did not become healthy; last lines of $WORK/$name-server.log:"
  tail -20 "$WORK/$name-server.log" >&2
  stop_server
  return 1
}

# run_mode NAME GOAL-P50-MS SERVER-ARGS...: one server, one driver run, its report saved as $WORK/NAME.txt
# (the issue's goals: upload to board p50 under 500 ms embedded, under 1000 ms on the real services)
run_mode() {
  local name=$1 goal=$2
  shift 2
  start_server "$name" "$@" || return 1
  # Joining a challenge needs a confirmed address: without SMTP the server writes its mail as .eml files in its data
  # folder, where the driver reads each team's confirmation link.
  dotnet "$DRIVER" --server "$server_url" --server-pid "$server_pid" --mode "$name" --goal-p50-ms "$goal" --report "$WORK/$name.txt" \
    --mail-folder "$WORK/$name-data/mail" "${driver_args[@]}" || { log "$name: the driver failed; server log: $WORK/$name-server.log"; stop_server; return 1; }
  stop_server
}

if ! command -v wrk > /dev/null; then
  log "installing wrk"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk > /dev/null 2>&1 || log "wrk could not be installed; its figures are skipped"
fi

log "building Release"
dotnet build -c Release "$ROOT/src/DataChallenge.Server" -nologo -v q > "$WORK/build-server.log" || { cat "$WORK/build-server.log"; exit 1; }
dotnet build -c Release "$ROOT/bench/DataChallenge.Spine.Bench" -nologo -v q > "$WORK/build-bench.log" || { cat "$WORK/build-bench.log"; exit 1; }

modes=()
log "mode 1: embedded defaults"
run_mode "embedded defaults" 500 && modes+=("embedded defaults") || loud "EMBEDDED MODE FAILED, see $WORK"

real="PostgreSQL + RabbitMQ + S3"
if [[ -z ${DATACHALLENGE_TEST_POSTGRES:-} && -f $ROOT/tests/services/start.sh ]]; then
  log "starting the real services with tests/services/start.sh"
  eval "$(bash "$ROOT/tests/services/start.sh" 2> "$WORK/services.log")" || log "tests/services/start.sh failed; see $WORK/services.log"
fi
if [[ -z ${DATACHALLENGE_TEST_POSTGRES:-} || -z ${DATACHALLENGE_TEST_RABBITMQ:-} || -z ${DATACHALLENGE_TEST_S3_ENDPOINT:-} ]]; then
  loud "SKIPPED: $real. The DATACHALLENGE_TEST_* variables are unset and tests/services/start.sh could not provide them."
else
  log "mode 2: $real"
  own_database "spine_bench_$RUN_ID"
  rabbit=$DATACHALLENGE_TEST_RABBITMQ
  own_vhost "spine-bench-$RUN_ID" || log "could not create a RabbitMQ virtual host; using $rabbit as given"
  run_mode "$real" 1000 --Database:Postgres="$postgres" --Bus:RabbitMqUrl="$rabbit" \
    --ObjectStore:S3:Endpoint="$DATACHALLENGE_TEST_S3_ENDPOINT" --ObjectStore:S3:AccessKey="$DATACHALLENGE_TEST_S3_ACCESS_KEY" \
    --ObjectStore:S3:SecretKey="$DATACHALLENGE_TEST_S3_SECRET_KEY" --ObjectStore:S3:Region="${DATACHALLENGE_TEST_S3_REGION:-us-east-1}" \
    --ObjectStore:Buckets:Submissions="spine-$RUN_ID-submissions" --ObjectStore:Buckets:HiddenLabels="spine-$RUN_ID-labels" \
    --ObjectStore:Buckets:PublicData="spine-$RUN_ID-public" && modes+=("$real") || loud "REAL-SERVICES MODE FAILED, see $WORK"
fi

{
  echo "================================================================================"
  echo "DataChallenge spine benchmark$( ((quick)) && echo ' (--quick: a smoke check, not the figures of record)')"
  echo "  date        $(date -u '+%Y-%m-%d %H:%M UTC')   commit $(git -C "$ROOT" rev-parse --short HEAD 2> /dev/null || echo unknown)"
  echo "  machine     $(nproc) cores ($(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)), $(free -g | awk '/^Mem/{print $2}') GB RAM"
  echo "  NOTE        server and load generator run on the SAME $(nproc) cores: every figure includes that contention"
  echo "  server      Release build, its own process, fresh data folder, demo seeding off, loopback HTTP"
  echo "================================================================================"
  for m in "${modes[@]}"; do cat "$WORK/$m.txt"; done
  ((${#modes[@]} == 2)) || echo "!!! only ${#modes[@]} of 2 modes ran; see the messages above and $WORK"
} | tee "$WORK/report.txt"
log "report saved as $WORK/report.txt; server logs in $WORK"
