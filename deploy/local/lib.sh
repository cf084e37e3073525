#!/usr/bin/env bash
# Shared by deploy/local/up, deploy/local/down and .ci/run: find, start (or, on CI, install) the machine's
# PostgreSQL and Redis. Sourced, not run.

LODESTAR_DB_HOST=${LODESTAR_DB_HOST:-127.0.0.1}
LODESTAR_DB_PORT=${LODESTAR_DB_PORT:-5432}
LODESTAR_DB_USER=${LODESTAR_DB_USER:-postgres}
LODESTAR_REDIS_HOST=${LODESTAR_REDIS_HOST:-127.0.0.1}
LODESTAR_REDIS_PORT=${LODESTAR_REDIS_PORT:-6379}

say() { printf '%s\n' "$*"; }
fail() { printf 'error: %s\n' "$*" >&2; exit 1; }

port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

postgres_answers() {
  if command -v pg_isready >/dev/null 2>&1; then
    pg_isready -q -h "$LODESTAR_DB_HOST" -p "$LODESTAR_DB_PORT"
  else
    port_open "$LODESTAR_DB_HOST" "$LODESTAR_DB_PORT"
  fi
}

redis_answers() {
  if command -v redis-cli >/dev/null 2>&1; then
    [ "$(redis-cli -h "$LODESTAR_REDIS_HOST" -p "$LODESTAR_REDIS_PORT" ping 2>/dev/null)" = "PONG" ]
  else
    port_open "$LODESTAR_REDIS_HOST" "$LODESTAR_REDIS_PORT"
  fi
}

wait_for() { # wait_for SECONDS COMMAND...: true once COMMAND succeeds
  local deadline=$((SECONDS + $1)); shift
  until "$@"; do
    [ "$SECONDS" -lt "$deadline" ] || return 1
    sleep 1
  done
}

apt_install() {
  [ "$(id -u)" = 0 ] || fail "installing $* needs root (apt-get)"
  if [ -z "${LODESTAR_APT_UPDATED:-}" ]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
    LODESTAR_APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# ensure_postgres [--install]: make PostgreSQL answer on LODESTAR_DB_HOST:LODESTAR_DB_PORT.
# Prints "started" when it had to start it (so that down can stop what up started).
ensure_postgres() {
  postgres_answers && return 0
  if ! ls /etc/postgresql/*/main >/dev/null 2>&1; then
    [ "${1:-}" = "--install" ] || fail "PostgreSQL does not answer at $LODESTAR_DB_HOST:$LODESTAR_DB_PORT and is not installed. Install PostgreSQL >= 14 (apt-get install postgresql) or set LODESTAR_DB_HOST/LODESTAR_DB_PORT."
    say "Installing PostgreSQL (apt-get) ..." >&2
    apt_install postgresql
    local conf; conf=$(ls -d /etc/postgresql/*/main | head -1)
    # Local development and CI only: trust authentication on the loopback interface.
    sed -i -E 's/^(local|host)(\s+.*)(peer|scram-sha-256|md5)$/\1\2trust/' "$conf/pg_hba.conf"
  fi
  local version; version=$(ls /etc/postgresql | sort -V | tail -1)
  say "Starting PostgreSQL $version ..." >&2
  pg_ctlcluster --skip-systemctl-redirect "$version" main start \
    || fail "could not start PostgreSQL: pg_ctlcluster --skip-systemctl-redirect $version main start"
  wait_for 30 postgres_answers || fail "PostgreSQL did not answer at $LODESTAR_DB_HOST:$LODESTAR_DB_PORT within 30 s"
  echo started
}

# ensure_redis [--install]: make Redis answer on LODESTAR_REDIS_HOST:LODESTAR_REDIS_PORT (prints "started").
ensure_redis() {
  redis_answers && return 0
  if ! command -v redis-server >/dev/null 2>&1; then
    [ "${1:-}" = "--install" ] || fail "Redis does not answer at $LODESTAR_REDIS_HOST:$LODESTAR_REDIS_PORT and is not installed. Install Redis >= 6 (apt-get install redis-server) or set LODESTAR_REDIS_HOST/LODESTAR_REDIS_PORT."
    say "Installing Redis (apt-get) ..." >&2
    apt_install redis-server
  fi
  say "Starting Redis ..." >&2
  mkdir -p /var/lib/redis /var/log/redis 2>/dev/null || true
  # A cache: nothing is persisted.
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port "$LODESTAR_REDIS_PORT" --save "" --appendonly no \
    --dir /var/lib/redis --logfile /var/log/redis/lodestar.log \
    || fail "could not start Redis on port $LODESTAR_REDIS_PORT"
  wait_for 15 redis_answers || fail "Redis did not answer at $LODESTAR_REDIS_HOST:$LODESTAR_REDIS_PORT within 15 s"
  echo started
}
