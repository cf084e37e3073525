#!/usr/bin/env bash
# Issue 6's dispatch throughput of campaign-service (docs/benchmarks.md, "campaign-service: dispatch throughput"):
# one broadcast campaign to an N-customer audience (default 200,000) with consent, frequency caps and quiet hours
# on, against a campaign-service jar of its own (own database, own Kafka broker) and a segmentation stub that pages
# the audience as segmentation-service does (bench/segmentation-stub.py):
#   bench/run-campaign.sh up        Kafka (127.0.0.1:$BENCH_KAFKA_PORT), database, stub, service on :$BENCH_PORT
#   bench/run-campaign.sh run [N]   seeds N contacts (bench/seed-campaign.sql), creates and schedules the campaign,
#                                   and times: audience snapshot, dispatch (every customer decided: dispatched, held
#                                   or skipped), and the outbox drained to Kafka -> bench/target/campaign/results-*.json
#   bench/run-campaign.sh down      stops what up started and drops the database
# Build first: mvn -o -q -pl campaign-service package -DskipTests
# Settings (environment): BENCH_DB=lodestar_campaign_bench BENCH_PORT=18084 BENCH_KAFKA_PORT=19094
#   BENCH_STUB_PORT=18082 SERVICE_HEAP=1g SERVICE_JAVA_OPTS=
# The template carries {{name}} and {{coupon}} but not {{recommendations}}: with it every message waits on
# recommendation-service, whose own serving benchmark (run-recommendation.sh) bounds that case.
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH="$ROOT/bench"
STATE="$BENCH/target/campaign"
DB=${BENCH_DB:-lodestar_campaign_bench}
PORT=${BENCH_PORT:-18084}
KAFKA_PORT=${BENCH_KAFKA_PORT:-19094}
STUB_PORT=${BENCH_STUB_PORT:-18082}
HEAP=${SERVICE_HEAP:-1g}
JAR="$ROOT/campaign-service/target/quarkus-app/quarkus-run.jar"
PSQL=(psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -X -q)
say() { printf '\n== %s\n' "$*"; }
fail() { printf 'error: %s\n' "$*" >&2; exit 1; }
mkdir -p "$STATE/logs"
alive() { [ -f "$STATE/$1.pid" ] && kill -0 "$(cat "$STATE/$1.pid")" 2>/dev/null; }
wait_for() { local deadline=$((SECONDS + $1)); shift; until "$@"; do [ "$SECONDS" -lt "$deadline" ] || return 1; sleep 1; done; }
base() { echo "http://127.0.0.1:$PORT"; }
# The Kafka broker classpath and the development JWT keys, as the other bench scripts make them.
source_kafka_classpath() { sed -n '/^kafka_classpath() {/,/^}/p' "$BENCH/run-recommendation.sh"; }
eval "$(source_kafka_classpath)"
now_ms() { date +%s%3N; }
sql() { "${PSQL[@]}" -d "$DB" -tAc "$1"; }

up() {
  [ -f "$JAR" ] || fail "no jar: mvn -o -q -pl campaign-service package -DskipTests"
  if [ ! -f "$ROOT/.lodestar/jwt/private-key.pem" ]; then   # what deploy/local/up does (git-ignored)
    mkdir -p "$ROOT/.lodestar/jwt"
    openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$ROOT/.lodestar/jwt/private-key.pem" 2>/dev/null
    openssl pkey -in "$ROOT/.lodestar/jwt/private-key.pem" -pubout -out "$ROOT/.lodestar/jwt/public-key.pem"
    chmod 600 "$ROOT/.lodestar/jwt/private-key.pem"
  fi
  if ! alive kafka; then
    mkdir -p "$STATE/kafka-data"
    nohup java -Xmx512m -cp "$(kafka_classpath)" io.lodestar.testkit.kafka.KafkaBrokerMain "$KAFKA_PORT" \
      "$STATE/kafka-data" >"$STATE/logs/kafka.log" 2>&1 &
    echo $! >"$STATE/kafka.pid"
    wait_for 90 grep -qs "Kafka broker ready" "$STATE/logs/kafka.log" || fail "no broker; see $STATE/logs/kafka.log"
    say "Kafka broker on 127.0.0.1:$KAFKA_PORT"
  fi
  if ! alive stub; then
    nohup python3 "$BENCH/segmentation-stub.py" "$STUB_PORT" >"$STATE/logs/stub.log" 2>&1 &
    echo $! >"$STATE/stub.pid"
  fi
  "${PSQL[@]}" -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$DB'" | grep -q 1 \
    || "${PSQL[@]}" -d postgres -c "CREATE DATABASE $DB" || fail "could not create $DB"
  if ! alive service; then
    (exec 3<>/dev/tcp/127.0.0.1/$PORT) 2>/dev/null && fail "port $PORT is taken (set BENCH_PORT)"
    QUARKUS_HTTP_PORT="$PORT" LODESTAR_DB_NAME="$DB" LODESTAR_KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$KAFKA_PORT" \
    LODESTAR_JWT_PUBLIC_KEY_LOCATION="$ROOT/.lodestar/jwt/public-key.pem" \
    LODESTAR_JWT_PRIVATE_KEY_LOCATION="$ROOT/.lodestar/jwt/private-key.pem" \
    LODESTAR_SEGMENTATION_URL="http://127.0.0.1:$STUB_PORT" LODESTAR_RECOMMENDATION_URL="http://127.0.0.1:$STUB_PORT" \
    LODESTAR_GLOBAL_HOLDOUT_PERCENT=5 \
      nohup java -Xmx"$HEAP" -XX:+UseParallelGC ${SERVICE_JAVA_OPTS:-} -jar "$JAR" >"$STATE/logs/service.log" 2>&1 &
    echo $! >"$STATE/service.pid"
    wait_for 180 curl -sf -o /dev/null "$(base)/q/health/ready" \
      || fail "campaign-service not ready after 180 s; see $STATE/logs/service.log"
    say "campaign-service on :$PORT, database $DB, heap $HEAP"
  fi
}

run() {
  local n=${1:-200000}
  alive service || fail "not up: bench/run-campaign.sh up"
  say "seed $n contacts"
  "${PSQL[@]}" -d "$DB" -v n="$n" -f "$BENCH/seed-campaign.sql" || fail "seed failed"
  local op; op=$("$ROOT/deploy/local/token" operator)
  local body
  body=$(jq -n --arg seg "bench-$n" '{name: "Bench broadcast", owner: "bench", audience: {segments: [$seg]},
    channels: [{channel: "app_push", costPerMessage: 0.01}, {channel: "sms", costPerMessage: 0.05}],
    template: "Hi {{name}}, {{coupon}} is yours this week.",
    offer: {type: "threshold_discount", threshold: 199, amount: 30, currency: "CNY", budget: 100000000,
            perCustomerLimit: 1, validFor: "P7D"},
    schedule: {type: "now"}}')
  local id; id=$(curl -sf -H "Authorization: Bearer $op" -H 'Content-Type: application/json' -d "$body" \
    "$(base)/campaigns" | jq -r .id) || fail "POST /campaigns failed"
  local t0; t0=$(now_ms)
  curl -sf -X POST -H "Authorization: Bearer $op" "$(base)/campaigns/$id/schedule" >/dev/null || fail "schedule failed"
  say "campaign $id scheduled; uptime: $(uptime)"
  local snap="" done="" drained="" targeted=0 decided=0
  while :; do
    sleep 0.5
    read -r phase targeted decided <<<"$(sql "SELECT phase, targeted, dispatched + held + skipped FROM campaign_run
      WHERE campaign_id = '$id'" | tr '|' ' ')"
    [ -z "$snap" ] && [ "${phase:-snapshotting}" != snapshotting ] && snap=$(now_ms) && say "snapshot: $targeted members"
    [ "${phase:-}" = done ] && { done=$(now_ms); break; }
    [ $(( $(now_ms) - t0 )) -lt 1800000 ] || fail "not done after 30 min"
  done
  while :; do
    [ "$(sql "SELECT count(*) FROM outbox_message WHERE sent_at IS NULL")" = 0 ] && { drained=$(now_ms); break; }
    sleep 0.5
  done
  local stats; stats=$(sql "SELECT json_build_object('dispatched', count(*) FILTER (WHERE status = 'dispatched'),
    'held', count(*) FILTER (WHERE status = 'held'), 'skipped', count(*) FILTER (WHERE status = 'skipped'),
    'byChannel', (SELECT json_object_agg(coalesce(channel, 'none'), c) FROM (SELECT channel, count(*) c FROM message
      WHERE campaign_id = '$id' GROUP BY channel) x),
    'skipReasons', (SELECT json_object_agg(skip_reason, c) FROM (SELECT skip_reason, count(*) c FROM message
      WHERE campaign_id = '$id' AND status = 'skipped' GROUP BY skip_reason) y)) FROM message WHERE campaign_id = '$id'")
  local out="$STATE/results-$(date -u +%Y%m%dT%H%M%SZ).json"
  jq -n --argjson n "$n" --argjson targeted "$targeted" --argjson decided "$decided" --argjson t0 "$t0" \
    --argjson snap "$snap" --argjson done "$done" --argjson drained "$drained" --argjson stats "$stats" \
    --arg uptime "$(uptime)" --arg git "$(git -C "$ROOT" rev-parse --short HEAD)" '{
      audience: $n, targeted: $targeted, decided: $decided, messages: $stats,
      snapshotSeconds: (($snap - $t0) / 1000), dispatchSeconds: (($done - $snap) / 1000),
      decidedPerSecond: ($decided / (($done - $snap) / 1000) | floor),
      endToEndSeconds: (($drained - $t0) / 1000),
      dispatchedToKafkaPerSecond: ($stats.dispatched / (($drained - $snap) / 1000) | floor),
      git: $git, uptime: $uptime}' | tee "$out"
}

down() {
  for p in service stub kafka; do
    alive "$p" && kill "$(cat "$STATE/$p.pid")" && say "stopped $p"
    rm -f "$STATE/$p.pid"
  done
  sleep 2
  "${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null && say "dropped $DB"
  rm -rf "$STATE/kafka-data"
}

case "${1:-}" in
  up) up ;;
  run) shift; run "$@" ;;
  down) down ;;
  *) sed -n '2,14p' "$0"; exit 2 ;;
esac
