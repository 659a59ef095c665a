#!/usr/bin/env bash
# Installs, with apt, whatever the test services (and, with --tools, the test tools) need and
# the machine lacks. Installing never starts anything: there is no systemd and policy-rc.d
# refuses service starts, so start.sh runs every service itself.
#   bash tests/services/install.sh            # RabbitMQ, PostgreSQL 15, Swift + s3api, memcached, smtp4dev,
#                                             # bubblewrap and the python runtime's Debian packages
#   bash tests/services/install.sh --tools    # also docker-compose (file checks) and chromium (browser tests)
set -euo pipefail

log() { printf '[install %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# Recommends are skipped on purpose: docker-compose would otherwise pull in a Docker engine.
lean=(curl openssl rabbitmq-server postgresql-15 memcached
  swift swift-proxy swift-account swift-container swift-object
  bubblewrap libseccomp2)
# The sandbox's python runtime: the one list the runtime image and the runtime identity read too.
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
mapfile -t runtime < <(grep -v '^#' "$here/../../scoring-images/python/runtime-packages.txt" | grep .)
lean+=("${runtime[@]}")
full=()
if [[ ${1:-} == --tools ]]; then
  lean+=(docker-compose)
  full+=(chromium)
fi

missing() {
  local p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q '^install ok installed$' || printf '%s\n' "$p"
  done
}

# smtp4dev (a real SMTP server with an HTTP API to read what it received) is a .NET tool from the NuGet feed.
SMTP4DEV_VERSION=3.15.0
SMTP4DEV_DIR=${DATACHALLENGE_TOOLS_DIR:-/opt/datachallenge-tools}/smtp4dev
if [[ ! -x $SMTP4DEV_DIR/smtp4dev ]]; then
  log "dotnet tool install Rnwood.Smtp4dev $SMTP4DEV_VERSION into $SMTP4DEV_DIR"
  dotnet tool install Rnwood.Smtp4dev --version "$SMTP4DEV_VERSION" --tool-path "$SMTP4DEV_DIR" >&2
fi

mapfile -t need_lean < <(missing "${lean[@]}")
mapfile -t need_full < <(missing "${full[@]}")
((${#need_lean[@]} + ${#need_full[@]})) || exit 0

[[ $EUID -eq 0 ]] || { log "ERROR: missing packages (${need_lean[*]} ${need_full[*]}) and not root"; exit 1; }
export DEBIAN_FRONTEND=noninteractive
apt=(apt-get -o DPkg::Lock::Timeout=600 -y -qq)
started=$SECONDS
log "apt-get update"
"${apt[@]}" update >&2
if ((${#need_lean[@]})); then
  log "apt-get install --no-install-recommends ${need_lean[*]}"
  "${apt[@]}" install --no-install-recommends "${need_lean[@]}" >&2
fi
if ((${#need_full[@]})); then
  log "apt-get install ${need_full[*]}"
  "${apt[@]}" install "${need_full[@]}" >&2
fi
log "installed in $((SECONDS - started)) s"
