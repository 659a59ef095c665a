# Sourced by the benchmarks that run on the real services (DATACHALLENGE_TEST_* set): a PostgreSQL database and a
# RabbitMQ virtual host of the run's own, so nothing else on the services sees the run's data or takes its messages.
# Each function sets a variable and appends the command that removes what it made to the caller's `cleanups` array.

# own_database NAME: sets `postgres` to the test connection string pointed at database NAME (the test role may create
# databases; the server creates it on start).
own_database() {
  postgres="$(sed -E "s/(^|;)Database=[^;]*/\1Database=$1/" <<< "$DATACHALLENGE_TEST_POSTGRES")"
  local host port user password
  host=$(postgres_field Host) port=$(postgres_field Port) user=$(postgres_field Username) password=$(postgres_field Password)
  cleanups+=("PGPASSWORD='$password' psql -q -h '$host' -p '$port' -U '$user' -d postgres -c 'DROP DATABASE IF EXISTS $1 WITH (FORCE)' > /dev/null 2>&1")
}

postgres_field() { sed -nE "s/.*(^|;)$1=([^;]*).*/\2/p" <<< "$DATACHALLENGE_TEST_POSTGRES"; }

# own_vhost NAME: creates virtual host NAME through the management API and sets `rabbit` to its URL; fails, setting
# nothing, when the broker's management API refuses.
own_vhost() {
  [[ $DATACHALLENGE_TEST_RABBITMQ =~ ^amqp://([^:]+):([^@]+)@([^:/]+) ]] || return 1
  local api="http://${BASH_REMATCH[3]}:15672/api" user="${BASH_REMATCH[1]}" credentials="${BASH_REMATCH[1]}:${BASH_REMATCH[2]}"
  curl -sf -u "$credentials" -X PUT "$api/vhosts/$1" > /dev/null || return 1
  curl -sf -u "$credentials" -X PUT -H 'content-type: application/json' -d '{"configure":".*","write":".*","read":".*"}' \
    "$api/permissions/$1/$user" > /dev/null || return 1
  cleanups+=("curl -sf -u '$credentials' -X DELETE '$api/vhosts/$1' > /dev/null")
  rabbit=$(sed -E 's#^(amqp://[^/]+)/.*$#\1/#' <<< "$DATACHALLENGE_TEST_RABBITMQ")$1
}
