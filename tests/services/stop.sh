#!/usr/bin/env bash
# Stops what start.sh started, by the PIDs it recorded; never by process name.
#   bash tests/services/stop.sh                     # everything
#   bash tests/services/stop.sh postgres rabbitmq   # only these: s3, postgres, rabbitmq, smtp4dev, or names from start.sh --record
#   bash tests/services/stop.sh --purge             # everything, then delete data and logs
# A clean shutdown is asked for first; SIGKILL follows only after a timeout.
set -uo pipefail

DIR=${DATACHALLENGE_SERVICES_DIR:-/tmp/datachallenge-services}
RUN=$DIR/run
purge=0
wanted=()
for a in "$@"; do
  case $a in
    --purge) purge=1 ;;
    *) wanted+=("$a") ;;
  esac
done
((${#wanted[@]})) || wanted=(s3 postgres rabbitmq smtp4dev)

log() { printf '[services %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
alive() { kill -0 "$1" 2> /dev/null && [[ $(awk '{print $3}' "/proc/$1/stat" 2> /dev/null) != Z ]]; }

# stop NAME PATTERN SIGNAL SECONDS: signal the recorded PID if it still runs PATTERN
stop() {
  local name=$1 pattern=$2 signal=$3 secs=$4 p i
  p=$(head -1 "$RUN/$name.pid" 2> /dev/null | tr -dc 0-9)
  rm -f "$RUN/$name.pid"
  [[ -n $p ]] && alive "$p" || return 0
  if ! tr '\0' ' ' < "/proc/$p/cmdline" | grep -q -- "$pattern"; then
    log "$name: pid $p no longer runs $pattern; left alone"
    return 0
  fi
  kill -s "$signal" "$p"
  for ((i = 0; i < secs * 5; i++)); do
    alive "$p" || { log "$name: stopped (pid $p)"; return 0; }
    sleep 0.2
  done
  log "$name: still running after ${secs}s, killing pid $p"
  kill -s KILL "$p"
}

for service in "${wanted[@]}"; do
  case $service in
    s3)
      for n in proxy object container account; do stop "swift-$n" "swift-$n-server" TERM 15; done
      stop memcached memcached TERM 10 ;;
    swift-proxy | swift-object | swift-container | swift-account) stop "$service" "$service-server" TERM 15 ;;
    memcached) stop memcached memcached TERM 10 ;;
    smtp4dev) stop smtp4dev smtp4dev TERM 15 ;;
    postgres)
      # SIGINT is PostgreSQL's fast shutdown; the postmaster writes its own PID file.
      head -1 "$DIR/postgres/data/postmaster.pid" > "$RUN/postgres.pid" 2> /dev/null
      stop postgres postgres INT 30 ;;
    rabbitmq | epmd)
      # The start script's shell turns SIGTERM into a clean broker stop; the VM and epmd follow.
      stop rabbitmq rabbitmq-server TERM 60
      stop rabbitmq-beam beam TERM 30
      stop epmd epmd TERM 10 ;;
    *) log "unknown service '$service' (expected s3, postgres, rabbitmq, smtp4dev or a name from start.sh --record)" ;;
  esac
done

if ((purge)); then
  log "deleting $DIR"
  rm -rf "$DIR"
fi
