#!/usr/bin/env bash
# Issue 4's measurements of segmentation-service (docs/benchmarks.md, "segmentation-service (issue 4)"), against a
# segmentation-service jar of its own -- not the suite of deploy/local/up -- with its own PostgreSQL database, Redis
# key prefix and Kafka broker, so that it never touches another engineer's tests or suite:
#   bench/run-segmentation.sh up               Kafka broker (127.0.0.1:$BENCH_KAFKA_PORT), database, service on :$BENCH_PORT
#   bench/run-segmentation.sh seed N           bench/seed-segmentation.sql for N customers (TRUNCATEs the fact tables)
#   bench/run-segmentation.sh run              POST /rfm-models (once), POST /segmentation/runs, poll to the end:
#                                              total time and phaseMillis -> bench/target/results/seg-<time>/run-*.json
#   bench/run-segmentation.sh segments RATE... GET /customers/{id}/segments at each rate (driver scenario segments)
# Issue 7's (docs/benchmarks.md, "Operations analytics (issue 7)"), against the same service:
#   bench/run-segmentation.sh traffic-ingest N RATE  N behaviour.recorded events to lodestar.customer-events.v1 at RATE/s
#                                              (0: full speed), consumer lag sampled every second (driver scenario
#                                              traffic-ingest); then the traffic offsets and row counts in the database
#   bench/run-segmentation.sh traffic-seed N [DAYS]  the same at full speed, occurredAt in order over DAYS (91) days
#   bench/run-segmentation.sh traffic-query RATE...  GET /analytics/traffic over 90 days, granularity day, at each rate,
#                                              without and with channel=$TRAFFIC_CHANNEL (driver scenario traffic-query)
#   bench/run-segmentation.sh down             stops what up started, drops the database, deletes the Redis keys
# Settings (environment): BENCH_DB=lodestar_segmentation_bench BENCH_KAFKA_PORT=19092 BENCH_PORT=8082 SERVICE_HEAP=2g
#   SEGMENTS_WARMUP=10s SEGMENTS_DURATION=30s SEGMENTS_CUSTOMERS (default: the seeded N) SEGMENTS_MAX_IN_FLIGHT=256
#   TRAFFIC_INGEST_OPTS (more traffic-ingest options, e.g. "--late-percent 100 --days 7")
#   TRAFFIC_WARMUP=10s TRAFFIC_DURATION=30s TRAFFIC_CHANNEL=app
#   LODESTAR_KAFKA_BOOTSTRAP_SERVERS (use a running broker instead of starting one).
# The Kafka broker is testkit's KafkaBrokerMain on a classpath of jars from ~/.m2 (no mvn install, no download).
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH="$ROOT/bench"
STATE="$BENCH/target/seg"
DB=${BENCH_DB:-lodestar_segmentation_bench}
KAFKA_PORT=${BENCH_KAFKA_PORT:-19092}
HEAP=${SERVICE_HEAP:-2g}
PORT=${BENCH_PORT:-8082}
BOOTSTRAP=${LODESTAR_KAFKA_BOOTSTRAP_SERVERS:-127.0.0.1:$KAFKA_PORT}
PSQL=(psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -X -q)
say() { printf '\n== %s\n' "$*"; }
fail() { printf 'error: %s\n' "$*" >&2; exit 1; }
mkdir -p "$STATE/logs"
alive() { [ -f "$STATE/$1.pid" ] && kill -0 "$(cat "$STATE/$1.pid")" 2>/dev/null; }
wait_for() { local deadline=$((SECONDS + $1)); shift; until "$@"; do [ "$SECONDS" -lt "$deadline" ] || return 1; sleep 1; done; }

# The jars KafkaBrokerMain (lodestar-testkit) needs, taken from ~/.m2: the newest stored version that has a jar.
kafka_classpath() {
  local repo="$HOME/.m2/repository" cp="" a d jar
  for a in io/lodestar/lodestar-testkit io/lodestar/lodestar-contracts org/apache/kafka/kafka-clients \
      org/apache/kafka/kafka-coordinator-common org/apache/kafka/kafka-group-coordinator \
      org/apache/kafka/kafka-group-coordinator-api org/apache/kafka/kafka-metadata org/apache/kafka/kafka-raft \
      org/apache/kafka/kafka-server org/apache/kafka/kafka-server-common org/apache/kafka/kafka-share-coordinator \
      org/apache/kafka/kafka-storage org/apache/kafka/kafka-storage-api org/apache/kafka/kafka-tools-api \
      org/apache/kafka/kafka-transaction-coordinator org/apache/kafka/kafka_2.13 org/scala-lang/scala-library \
      com/fasterxml/jackson/core/jackson-databind com/fasterxml/jackson/core/jackson-core \
      com/fasterxml/jackson/core/jackson-annotations com/fasterxml/jackson/dataformat/jackson-dataformat-csv \
      com/fasterxml/jackson/datatype/jackson-datatype-jdk8 com/yammer/metrics/metrics-core org/slf4j/slf4j-api \
      org/slf4j/slf4j-simple com/github/luben/zstd-jni at/yawk/lz4/lz4-java org/xerial/snappy/snappy-java \
      net/sourceforge/argparse4j/argparse4j net/sf/jopt-simple/jopt-simple org/pcollections/pcollections \
      com/github/ben-manes/caffeine/caffeine org/bitbucket/b_c/jose4j com/typesafe/scala-logging/scala-logging_2.13 \
      commons-validator/commons-validator org/apache/commons/commons-lang3 com/google/protobuf/protobuf-java \
      org/apache/logging/log4j/log4j-api org/apache/logging/log4j/log4j-core org/hdrhistogram/HdrHistogram \
      com/google/re2j/re2j; do
    jar=""
    for d in $(ls -d "$repo/$a"/*/ 2>/dev/null | sort -V -r); do
      jar=$(ls "$d"*.jar 2>/dev/null | grep -v -e sources -e javadoc -e tests | head -1)
      [ -n "$jar" ] && break
    done
    [ -n "$jar" ] || fail "no jar of $a in $repo"
    cp="$cp${cp:+:}$jar"
  done
  echo "$cp"
}

token() { "$ROOT/deploy/local/token" "$1"; }

up() {
  [ -f "$ROOT/segmentation-service/target/quarkus-app/quarkus-run.jar" ] \
    || fail "no jar: mvn -o -q -pl segmentation-service package -DskipTests"
  if [ ! -f "$ROOT/.lodestar/jwt/private-key.pem" ]; then   # what deploy/local/up does (git-ignored)
    mkdir -p "$ROOT/.lodestar/jwt"
    openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$ROOT/.lodestar/jwt/private-key.pem" 2>/dev/null
    openssl pkey -in "$ROOT/.lodestar/jwt/private-key.pem" -pubout -out "$ROOT/.lodestar/jwt/public-key.pem"
    chmod 600 "$ROOT/.lodestar/jwt/private-key.pem"
  fi
  local bootstrap=${LODESTAR_KAFKA_BOOTSTRAP_SERVERS:-}
  if [ -z "$bootstrap" ]; then
    bootstrap="127.0.0.1:$KAFKA_PORT"
    if ! alive kafka; then
      mkdir -p "$STATE/kafka-data"
      nohup java -Xmx512m -cp "$(kafka_classpath)" io.lodestar.testkit.kafka.KafkaBrokerMain "$KAFKA_PORT" \
        "$STATE/kafka-data" >"$STATE/logs/kafka.log" 2>&1 &
      echo $! >"$STATE/kafka.pid"
      wait_for 90 grep -qs "Kafka broker ready" "$STATE/logs/kafka.log" || fail "no broker; see $STATE/logs/kafka.log"
      say "Kafka broker on $bootstrap (pid $(cat "$STATE/kafka.pid"))"
    fi
  fi
  "${PSQL[@]}" -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$DB'" | grep -q 1 \
    || "${PSQL[@]}" -d postgres -c "CREATE DATABASE $DB" || fail "could not create $DB"
  [ -f "$STATE/redis-prefix" ] || echo "bench-seg-$(date -u +%Y%m%d%H%M%S)-$$:" >"$STATE/redis-prefix"
  if ! alive service; then
    (exec 3<>/dev/tcp/127.0.0.1/$PORT) 2>/dev/null && fail "port $PORT is taken (the suite of deploy/local/up?)"
    QUARKUS_HTTP_PORT="$PORT" LODESTAR_DB_NAME="$DB" LODESTAR_KAFKA_BOOTSTRAP_SERVERS="$bootstrap" \
    LODESTAR_REDIS_KEY_PREFIX="$(cat "$STATE/redis-prefix")" \
    LODESTAR_JWT_PUBLIC_KEY_LOCATION="$ROOT/.lodestar/jwt/public-key.pem" \
    LODESTAR_RUNS_FULL_CRON=off LODESTAR_RUNS_REFRESH_CRON=off \
      nohup java -Xmx"$HEAP" -XX:+UseParallelGC ${SERVICE_JAVA_OPTS:-} \
        -jar "$ROOT/segmentation-service/target/quarkus-app/quarkus-run.jar" >"$STATE/logs/service.log" 2>&1 &
    echo $! >"$STATE/service.pid"
    wait_for 180 curl -sf -o /dev/null "http://127.0.0.1:$PORT/q/health/ready" \
      || fail "segmentation-service not ready after 180 s; see $STATE/logs/service.log"
    say "segmentation-service on :$PORT (pid $(cat "$STATE/service.pid")), database $DB, Redis prefix $(cat "$STATE/redis-prefix"), heap $HEAP"
  fi
}

seed() {
  local n=${1:?seed N}
  say "seed $n customers (uptime: $(uptime))"
  local t0=$SECONDS
  "${PSQL[@]}" -d "$DB" -v n="$n" -f "$BENCH/seed-segmentation.sql" || fail "seed failed"
  echo "$n" >"$STATE/seeded"
  say "seeded in $((SECONDS - t0)) s"
}

run_once() {
  local out="$BENCH/target/results/seg-$(date -u +%Y%m%dT%H%M%SZ)"; mkdir -p "$out"
  local op; op=$(token operator)
  local model
  model=$(curl -sf -H "Authorization: Bearer $op" "http://127.0.0.1:$PORT/rfm-models" | jq -r '.[] | select(.name=="bench-threshold") | .id' 2>/dev/null | head -1)
  if [ -z "$model" ]; then
    model=$(curl -sf -H "Authorization: Bearer $op" -H 'Content-Type: application/json' \
      -d '{"name":"bench-threshold","scheme":"threshold"}' "http://127.0.0.1:$PORT/rfm-models" | jq -r .id) \
      || fail "POST /rfm-models failed"
  fi
  echo "RFM model $model" | tee "$out/run.txt"
  echo "uptime before: $(uptime)" | tee -a "$out/run.txt"
  local t0; t0=$(date +%s.%N)
  local run; run=$(curl -sf -H "Authorization: Bearer $op" -H 'Content-Type: application/json' -d '{}' \
    "http://127.0.0.1:$PORT/segmentation/runs") || fail "POST /segmentation/runs failed"
  local id; id=$(jq -r .id <<<"$run")
  echo "run $id" | tee -a "$out/run.txt"
  local view status
  while :; do
    sleep 1
    view=$(curl -sf -H "Authorization: Bearer $(token operator)" "http://127.0.0.1:$PORT/segmentation/runs/$id") || continue
    status=$(jq -r .status <<<"$view")
    [ "$status" = running ] || break
    printf '  %s %s%% %s  (rss %s MB)\n' "$(date -u +%T)" "$(jq -r .progress <<<"$view")" "$(jq -r .phase <<<"$view")" \
      "$(( $(ps -o rss= -p "$(cat "$STATE/service.pid")" 2>/dev/null || echo 0) / 1024 ))"
  done
  local t1; t1=$(date +%s.%N)
  echo "$view" | jq . >"$out/run.json"
  echo "uptime after: $(uptime)" | tee -a "$out/run.txt"
  printf 'status %s; wall (POST to the poll that saw the end) %.1f s; started->finished %s; customers %s; phaseMillis %s; error %s\n' \
    "$status" "$(echo "$t1 - $t0" | bc)" \
    "$(jq -r '[.startedAt,.finishedAt]|join(" -> ")' <<<"$view")" "$(jq -r .customers <<<"$view")" \
    "$(jq -c .phaseMillis <<<"$view")" "$(jq -r .error <<<"$view")" | tee -a "$out/run.txt"
}

# The load driver, rebuilt only when its sources changed (a build takes minutes on the busy 2 cores).
driver() {
  local jar="$BENCH/target/lodestar-bench.jar"
  if [ ! -f "$jar" ] || [ -n "$(find "$BENCH/pom.xml" "$BENCH/src" -newer "$jar" -print -quit)" ]; then
    mvn -B -q -f "$BENCH/pom.xml" package || fail "driver build failed"
  fi
}

segments() {
  [ $# -gt 0 ] || set -- 2000 5000 10000
  driver
  local out="$BENCH/target/results/seg-$(date -u +%Y%m%dT%H%M%SZ)"; mkdir -p "$out"
  local customers=${SEGMENTS_CUSTOMERS:-$(cat "$STATE/seeded" 2>/dev/null || echo 100000)}
  local rate
  for rate in "$@"; do
    echo "uptime before $rate: $(uptime)" | tee -a "$out/machine.txt"
    LODESTAR_TOKEN=$(token app) timeout 900 java -Xmx512m -jar "$BENCH/target/lodestar-bench.jar" segments \
      --port "$PORT" --rate "$rate" --warmup "${SEGMENTS_WARMUP:-10s}" --duration "${SEGMENTS_DURATION:-30s}" \
      --customers "$customers" --max-in-flight "${SEGMENTS_MAX_IN_FLIGHT:-256}" --out "$out/segments-$rate.json" \
      2>&1 | tee "$out/segments-$rate.log"
    echo "uptime after $rate: $(uptime)" | tee -a "$out/machine.txt"
  done
}

traffic_ingest() {
  local n=${1:?traffic-ingest N RATE} rate=${2:?traffic-ingest N RATE}; shift 2
  driver
  local out="$BENCH/target/results/traffic-$(date -u +%Y%m%dT%H%M%SZ)"; mkdir -p "$out"
  echo "uptime before: $(uptime)" | tee -a "$out/machine.txt"
  # shellcheck disable=SC2086 # TRAFFIC_INGEST_OPTS is a list of options
  timeout 3600 java -Xmx512m -jar "$BENCH/target/lodestar-bench.jar" traffic-ingest --kafka "$BOOTSTRAP" --database "$DB" \
    --events "$n" --rate "$rate" "$@" ${TRAFFIC_INGEST_OPTS:-} --out "$out/ingest-$n-$rate.json" 2>&1 \
    | tee "$out/ingest-$n-$rate.log"
  echo "uptime after: $(uptime)" | tee -a "$out/machine.txt"
  # The service's own view: the stored offsets (records applied, per consumer) and what the aggregates hold.
  "${PSQL[@]}" -d "$DB" -c "SELECT consumer, topic, sum(last_offset + 1) AS applied FROM traffic_consumer_offset
    GROUP BY 1, 2 ORDER BY 1" -c "SELECT (SELECT count(*) FROM traffic_hourly) AS hourly_rows,
    (SELECT sum(interactions) FROM traffic_hourly) AS interactions, (SELECT count(*) FROM visitor_first_seen) AS first_seen,
    (SELECT count(*) FROM funnel_reach) AS funnel_rows, (SELECT count(*) FROM customer_slot_activity) AS slot_rows" \
    | tee "$out/database.txt"
}

traffic_query() {
  [ $# -gt 0 ] || set -- 50 200 500
  driver
  local out="$BENCH/target/results/traffic-$(date -u +%Y%m%dT%H%M%SZ)"; mkdir -p "$out"
  local rate channel
  for rate in "$@"; do
    for channel in "" "${TRAFFIC_CHANNEL:-app}"; do
      local name="query-$rate${channel:+-$channel}"
      echo "uptime before $name: $(uptime)" | tee -a "$out/machine.txt"
      LODESTAR_TOKEN=$(token operator) timeout 900 java -Xmx512m -jar "$BENCH/target/lodestar-bench.jar" traffic-query \
        --port "$PORT" --rate "$rate" --warmup "${TRAFFIC_WARMUP:-10s}" --duration "${TRAFFIC_DURATION:-30s}" \
        ${channel:+--channel "$channel"} --out "$out/$name.json" 2>&1 | tee "$out/$name.log"
      echo "uptime after $name: $(uptime)" | tee -a "$out/machine.txt"
    done
  done
}

down() {
  local p
  for p in service kafka; do
    if alive "$p"; then kill "$(cat "$STATE/$p.pid")"; wait_for 30 bash -c "! kill -0 $(cat "$STATE/$p.pid") 2>/dev/null"; fi
    rm -f "$STATE/$p.pid"
  done
  if [ -f "$STATE/redis-prefix" ]; then
    local prefix; prefix=$(cat "$STATE/redis-prefix")
    redis-cli --scan --pattern "${prefix}*" | xargs -r -n 1000 redis-cli del >/dev/null
    rm -f "$STATE/redis-prefix"
  fi
  "${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB"
  rm -rf "$STATE/kafka-data" "$STATE/seeded"
  say "stopped; database $DB dropped; Redis keys of the prefix deleted"
}

case "${1:-}" in
  up) up ;;
  seed) shift; seed "$@" ;;
  run) run_once ;;
  segments) shift; segments "$@" ;;
  traffic-ingest) shift; traffic_ingest "$@" ;;
  traffic-seed) shift; traffic_ingest "${1:?traffic-seed N [DAYS]}" 0 --chronological true --days "${2:-91}" ;;
  traffic-query) shift; traffic_query "$@" ;;
  down) down ;;
  *) sed -n '2,23p' "$0"; exit 2 ;;
esac
