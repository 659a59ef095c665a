#!/usr/bin/env bash
# Starts RabbitMQ (with management), PostgreSQL 15, smtp4dev and OpenStack Swift with its S3 API on
# 127.0.0.1, waits until each one really answers, and writes the test settings to
# $DIR/env.sh (also printed on stdout). Logs go to stderr and $DIR/log.
#   bash tests/services/start.sh [--record FILE]    # FILE receives the services this call started
#   bash tests/services/stop.sh [SERVICE...]         # stops them again, by PID
# A service that is already running from an earlier call is reused, not restarted.
# A second, separate set (fault tests kill and restart its services) needs its own folder and ports:
#   DATACHALLENGE_SERVICES_DIR=/tmp/other DATACHALLENGE_SERVICES_PORT_OFFSET=1100 bash tests/services/start.sh
# DATACHALLENGE_POSTGRES_DURABLE=1 keeps fsync and synchronous commit on, so a committed row survives a crash.
set -euo pipefail

DIR=${DATACHALLENGE_SERVICES_DIR:-/tmp/datachallenge-services}
RUN=$DIR/run LOG=$DIR/log
PGBIN=/usr/lib/postgresql/15/bin
o=${DATACHALLENGE_SERVICES_PORT_OFFSET:-0}
AMQP_PORT=$((5672 + o)) MANAGEMENT_PORT=$((15672 + o)) DIST_PORT=$((25672 + o)) EPMD_PORT=$((4369 + o))
PG_PORT=$((5432 + o)) PG_USER=datachallenge PG_PASSWORD=datachallenge PG_DATABASE=datachallenge
S3_PORT=$((9000 + o)) OBJECT_PORT=$((6200 + o)) CONTAINER_PORT=$((6201 + o)) ACCOUNT_PORT=$((6202 + o))
MEMCACHED_PORT=$((11211 + o))
SMTP_PORT=$((2525 + o)) SMTP_API_PORT=$((5125 + o))
SMTP4DEV=${DATACHALLENGE_TOOLS_DIR:-/opt/datachallenge-tools}/smtp4dev/smtp4dev
# Swift's tempauth names users "account:user"; that pair is the S3 access key.
S3_ACCESS_KEY=datachallenge:tests S3_SECRET_KEY=datachallenge-tests-secret
# One user per role without .admin: it reaches only the containers whose ACLs name it, as in compose's policies.
S3_API_KEY=datachallenge-api-secret S3_WORKER_KEY=datachallenge-worker-secret

record=/dev/null
[[ ${1:-} == --record ]] && record=$(realpath -m "${2:?--record needs a file}")

log() { printf '[services %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
# alive PIDFILE PATTERN: the PID in PIDFILE is alive and still runs PATTERN
alive() {
  local p
  p=$(head -1 "$1" 2>/dev/null | tr -dc 0-9) || return 1
  [[ -n $p ]] && tr '\0' ' ' 2>/dev/null < "/proc/$p/cmdline" | grep -q -- "$2"
}
running() { alive "$RUN/$1.pid" "$2"; }
# free_port PORT WHAT: fail loudly when something we did not start holds the port
free_port() {
  port_open "$1" || return 0
  die "port $1 ($2) is already taken by another process: $(ss -ltnpH "sport = :$1" | awk '{print $NF}' | head -1). Stop it, or stop the other services first (bash tests/services/stop.sh)."
}
wait_for() { # wait_for SECONDS WHAT COMMAND...
  local secs=$1 what=$2; shift 2
  local end=$((SECONDS + secs))
  until "$@" > /dev/null 2>&1; do
    ((SECONDS < end)) || die "$what not ready after ${secs}s; see $LOG"
    sleep 0.2
  done
}
launch() { # launch NAME COMMAND...: start in its own session, remember the PID
  setsid "${@:2}" > "$LOG/$1.log" 2>&1 < /dev/null &
  echo $! > "$RUN/$1.pid"
  echo "$1" >> "$record"
}

[[ $EUID -eq 0 ]] || die "run as root (PostgreSQL runs through runuser, packages come from apt)"
bash "$(dirname "$0")/install.sh"
mkdir -p "$RUN" "$LOG"
chmod 755 "$DIR"
began=$SECONDS
RMQ=$DIR/rabbitmq PG=$DIR/postgres SW=$DIR/swift

# Check every port before launching anything, so a clash leaves nothing half started.
need_ports() { # need_ports PIDFILE PATTERN WHAT PORT...: ports must be free unless PIDFILE's process runs
  alive "$1" "$2" && return 0
  local what=$3 port
  shift 3
  for port in "$@"; do free_port "$port" "$what"; done
}
need_ports "$RUN/rabbitmq.pid" rabbitmq-server RabbitMQ $AMQP_PORT $MANAGEMENT_PORT $DIST_PORT
need_ports "$PG/data/postmaster.pid" postgres PostgreSQL $PG_PORT
need_ports "$RUN/memcached.pid" memcached memcached $MEMCACHED_PORT
need_ports "$RUN/smtp4dev.pid" smtp4dev smtp4dev $SMTP_PORT $SMTP_API_PORT
for server in account:$ACCOUNT_PORT container:$CONTAINER_PORT object:$OBJECT_PORT proxy:$S3_PORT; do
  need_ports "$RUN/swift-${server%:*}.pid" "swift-${server%:*}-server" "Swift ${server%:*} server" "${server#*:}"
done

# RabbitMQ boots slowest, so it is launched first and awaited last.
rabbit_launched=0
if running rabbitmq rabbitmq-server; then
  log "rabbitmq: reusing pid $(cat "$RUN/rabbitmq.pid")"
else
  mkdir -p "$RMQ"/{mnesia,home}
  chmod 700 "$RMQ/home"
  printf 'listeners.tcp.default = 127.0.0.1:%s\nmanagement.tcp.ip = 127.0.0.1\nmanagement.tcp.port = %s\n' \
    "$AMQP_PORT" "$MANAGEMENT_PORT" > "$RMQ/rabbitmq.conf"
  echo '[rabbitmq_management].' > "$RMQ/enabled_plugins"
  : > "$RMQ/rabbitmq-env.conf"
  # The broker and rabbitmqctl must share HOME (the Erlang cookie) and these settings.
  cat > "$RMQ/env" <<ENV
export HOME='$RMQ/home' RABBITMQ_NODENAME=rabbit@localhost
export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 RABBITMQ_NODE_PORT=$AMQP_PORT RABBITMQ_DIST_PORT=$DIST_PORT
export ERL_EPMD_ADDRESS=127.0.0.1 ERL_EPMD_PORT=$EPMD_PORT
export RABBITMQ_MNESIA_BASE='$RMQ/mnesia' RABBITMQ_LOG_BASE='$LOG/rabbitmq'
export RABBITMQ_CONFIG_FILE='$RMQ/rabbitmq.conf' RABBITMQ_ENABLED_PLUGINS_FILE='$RMQ/enabled_plugins'
export RABBITMQ_CONF_ENV_FILE='$RMQ/rabbitmq-env.conf' RABBITMQ_PID_FILE='$RUN/rabbitmq-beam.pid'
export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS='-kernel inet_dist_use_interface {127,0,0,1}'
export RABBITMQ_CTL_ERL_ARGS='-kernel inet_dist_use_interface {127,0,0,1}'
ENV
  (
    . "$RMQ/env"
    cd "$RMQ"
    # Our own epmd in the foreground, so it has a PID to stop and listens on loopback only.
    port_open "$EPMD_PORT" || launch epmd /usr/bin/epmd -address 127.0.0.1 -port "$EPMD_PORT"
    # Not /usr/sbin/rabbitmq-server: that wrapper switches to the rabbitmq user and its cookie.
    launch rabbitmq /usr/lib/rabbitmq/bin/rabbitmq-server
  )
  rabbit_launched=1
  log "rabbitmq: launched pid $(cat "$RUN/rabbitmq.pid")"
fi

# PostgreSQL refuses to run as root; it runs as the package's postgres user.
as_postgres() { (cd / && runuser -u postgres -- "$@"); }
mkdir -p "$PG"
chown postgres:postgres "$PG"
chmod 700 "$PG"
if [[ ! -s $PG/data/PG_VERSION ]]; then
  echo postgres > "$PG/superuser.pw"
  chown postgres "$PG/superuser.pw"
  as_postgres "$PGBIN/initdb" -D "$PG/data" -U postgres --pwfile="$PG/superuser.pw" -A scram-sha-256 \
    --auth-local=trust -E UTF8 --locale=C.UTF-8 > "$LOG/initdb.log" 2>&1 || die "initdb failed; see $LOG/initdb.log"
fi
if as_postgres "$PGBIN/pg_ctl" -D "$PG/data" status > /dev/null 2>&1; then
  log "postgres: reusing pid $(head -1 "$PG/data/postmaster.pid")"
else
  touch "$LOG/postgres.log"
  chown postgres "$LOG/postgres.log"
  # Durability is switched off for the throw-away test database, kept on where a crash must lose nothing.
  durability="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  [[ ${DATACHALLENGE_POSTGRES_DURABLE:-0} == 1 ]] && durability="-c fsync=on -c synchronous_commit=on -c full_page_writes=on"
  as_postgres "$PGBIN/pg_ctl" -D "$PG/data" -l "$LOG/postgres.log" -w -t 60 -o "-c listen_addresses=127.0.0.1 \
    -p $PG_PORT -k $PG $durability" start > /dev/null \
    || die "postgres did not start; see $LOG/postgres.log"
  echo postgres >> "$record"
fi
head -1 "$PG/data/postmaster.pid" > "$RUN/postgres.pid"
wait_for 30 postgres as_postgres "$PGBIN/pg_isready" -q -h "$PG" -p $PG_PORT
# CREATEDB: tests create and drop their own databases.
as_postgres "$PGBIN/psql" -q -X -h "$PG" -p $PG_PORT -U postgres -d postgres -v ON_ERROR_STOP=1 \
  -v u=$PG_USER -v p=$PG_PASSWORD -v d=$PG_DATABASE > /dev/null <<'SQL'
SELECT format('CREATE ROLE %I LOGIN CREATEDB PASSWORD %L', :'u', :'p')
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'u') \gexec
SELECT format('CREATE DATABASE %I OWNER %I', :'d', :'u')
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'d') \gexec
SQL
log "postgres: ready on 127.0.0.1:$PG_PORT"

# Swift: memcached, account/container/object servers and the proxy with s3api + tempauth.
mkdir -p "$SW/etc" "$SW/node/d1"
if [[ ! -f $SW/etc/account.ring.gz ]]; then
  printf '[swift-hash]\nswift_hash_path_suffix = datachallenge\n[storage-policy:0]\nname = Policy-0\ndefault = yes\n' \
    > "$SW/etc/swift.conf"
  # One python call instead of nine swift-ring-builder calls (0.6 s instead of ~8 s).
  (cd "$SW/etc" && /usr/bin/python3 - $OBJECT_PORT $CONTAINER_PORT $ACCOUNT_PORT <<'PY'
import sys
from swift.common.ring import RingBuilder
for name, port in zip(("object", "container", "account"), map(int, sys.argv[1:])):
    b = RingBuilder(6, 1, 0)
    b.add_dev({"id": 0, "region": 1, "zone": 1, "ip": "127.0.0.1", "port": port, "device": "d1", "weight": 1.0,
               "meta": "", "replication_ip": "127.0.0.1", "replication_port": port})
    b.rebalance()
    b.get_ring().save(name + ".ring.gz")
PY
  ) || die "swift ring build failed"
fi
for server in object:$OBJECT_PORT container:$CONTAINER_PORT account:$ACCOUNT_PORT; do
  name=${server%:*}
  cat > "$SW/etc/$name-server.conf" <<CONF
[DEFAULT]
devices = $SW/node
mount_check = false
bind_ip = 127.0.0.1
bind_port = ${server#*:}
workers = 0
user = root
swift_dir = $SW/etc
[pipeline:main]
pipeline = healthcheck $name-server
[filter:healthcheck]
use = egg:swift#healthcheck
[app:$name-server]
use = egg:swift#$name
CONF
done
cat > "$SW/etc/proxy-server.conf" <<CONF
[DEFAULT]
bind_ip = 127.0.0.1
bind_port = $S3_PORT
workers = 0
user = root
swift_dir = $SW/etc
[pipeline:main]
pipeline = catch_errors gatekeeper healthcheck proxy-logging cache listing_formats s3api tempauth copy slo dlo proxy-logging proxy-server
[app:proxy-server]
use = egg:swift#proxy
account_autocreate = true
[filter:catch_errors]
use = egg:swift#catch_errors
[filter:gatekeeper]
use = egg:swift#gatekeeper
[filter:healthcheck]
use = egg:swift#healthcheck
[filter:proxy-logging]
use = egg:swift#proxy_logging
[filter:cache]
use = egg:swift#memcache
memcache_servers = 127.0.0.1:$MEMCACHED_PORT
[filter:listing_formats]
use = egg:swift#listing_formats
[filter:s3api]
use = egg:swift#s3api
location = us-east-1
[filter:tempauth]
use = egg:swift#tempauth
user_${S3_ACCESS_KEY/:/_} = $S3_SECRET_KEY .admin
user_datachallenge_api = $S3_API_KEY
user_datachallenge_worker = $S3_WORKER_KEY
[filter:copy]
use = egg:swift#copy
[filter:slo]
use = egg:swift#slo
[filter:dlo]
use = egg:swift#dlo
CONF
# memcached first: without it the proxy logs an error on every request.
if ! running memcached memcached; then
  launch memcached /usr/bin/memcached -l 127.0.0.1 -p $MEMCACHED_PORT -U 0 -m 64 -u memcache
fi
wait_for 10 memcached port_open $MEMCACHED_PORT
for server in account:$ACCOUNT_PORT container:$CONTAINER_PORT object:$OBJECT_PORT proxy:$S3_PORT; do
  name=${server%:*}
  if running "swift-$name" "swift-$name-server"; then continue; fi
  launch "swift-$name" "/usr/bin/swift-$name-server" "$SW/etc/$name-server.conf" -v
done
for p in $ACCOUNT_PORT $CONTAINER_PORT $OBJECT_PORT $S3_PORT; do
  wait_for 60 "swift on port $p" curl -sf "http://127.0.0.1:$p/healthcheck"
done
# End to end: a signed S3 ListBuckets must pass s3api and tempauth (curl --user cannot carry the colon).
list_buckets() {
  local date signature
  date=$(LC_ALL=C date -u '+%a, %d %b %Y %H:%M:%S +0000')
  signature=$(printf 'GET\n\n\n%s\n/' "$date" | openssl dgst -sha1 -hmac "$S3_SECRET_KEY" -binary | base64)
  curl -sf -H "Date: $date" -H "Authorization: AWS $S3_ACCESS_KEY:$signature" "http://127.0.0.1:$S3_PORT/" \
    | grep -q ListAllMyBucketsResult
}
wait_for 30 "swift s3api" list_buckets
log "s3 (swift + s3api): ready on 127.0.0.1:$S3_PORT"

# smtp4dev: messages in memory, IMAP and POP3 on free ports, its own settings folder.
if running smtp4dev smtp4dev; then
  log "smtp4dev: reusing pid $(cat "$RUN/smtp4dev.pid")"
else
  mkdir -p "$DIR/smtp4dev"
  XDG_CONFIG_HOME=$DIR/smtp4dev launch smtp4dev "$SMTP4DEV" --nousersettings --db= --bindaddress=127.0.0.1 --hostname=localhost \
    --smtpport=$SMTP_PORT --imapport=0 --pop3port=0 --messagestokeep=100000 --urls=http://127.0.0.1:$SMTP_API_PORT
fi
wait_for 60 "smtp4dev" curl -sf "http://127.0.0.1:$SMTP_API_PORT/api/messages"
wait_for 10 "smtp4dev SMTP port" port_open $SMTP_PORT
log "smtp4dev: ready on 127.0.0.1:$SMTP_PORT (API on $SMTP_API_PORT)"

# The AMQP listener opens at the very end of the boot; await_startup then returns at once.
booted() { ! running rabbitmq rabbitmq-server || port_open $AMQP_PORT; }
wait_for 120 "rabbitmq AMQP port" booted
running rabbitmq rabbitmq-server || die "rabbitmq exited while booting; see $LOG/rabbitmq.log"
# A reused broker with an open port has booted already; the CLI alone costs seconds of VM start.
if ((rabbit_launched)); then
  (. "$RMQ/env" && /usr/lib/rabbitmq/bin/rabbitmqctl -q await_startup --timeout 60) >&2 \
    || die "rabbitmq did not finish booting; see $LOG/rabbitmq.log"
fi
wait_for 30 "rabbitmq management" port_open $MANAGEMENT_PORT
log "rabbitmq: ready on 127.0.0.1:$AMQP_PORT (management on $MANAGEMENT_PORT)"
log "all services ready in $((SECONDS - began)) s"

cat > "$DIR/env.sh" <<ENV
export DATACHALLENGE_TEST_POSTGRES='Host=127.0.0.1;Port=$PG_PORT;Database=$PG_DATABASE;Username=$PG_USER;Password=$PG_PASSWORD'
export DATACHALLENGE_TEST_RABBITMQ='amqp://guest:guest@127.0.0.1:$AMQP_PORT/'
export DATACHALLENGE_TEST_S3_ENDPOINT='127.0.0.1:$S3_PORT'
export DATACHALLENGE_TEST_S3_ACCESS_KEY='$S3_ACCESS_KEY'
export DATACHALLENGE_TEST_S3_SECRET_KEY='$S3_SECRET_KEY'
export DATACHALLENGE_TEST_S3_REGION='us-east-1'
export DATACHALLENGE_TEST_S3_API_ACCESS_KEY='datachallenge:api'
export DATACHALLENGE_TEST_S3_API_SECRET_KEY='$S3_API_KEY'
export DATACHALLENGE_TEST_S3_WORKER_ACCESS_KEY='datachallenge:worker'
export DATACHALLENGE_TEST_S3_WORKER_SECRET_KEY='$S3_WORKER_KEY'
export DATACHALLENGE_TEST_SMTP_HOST='127.0.0.1'
export DATACHALLENGE_TEST_SMTP_PORT='$SMTP_PORT'
export DATACHALLENGE_TEST_SMTP_API='http://127.0.0.1:$SMTP_API_PORT'
export DATACHALLENGE_TEST_SMTP_SERVER='$SMTP4DEV'
ENV
cat "$DIR/env.sh"
