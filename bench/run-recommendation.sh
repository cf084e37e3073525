#!/usr/bin/env bash
# Issue 5's serving measurements of recommendation-service (docs/benchmarks.md, "recommendation-service: serving
# latency (issue 5)"), against a recommendation-service jar of its own -- not the suite of deploy/local/up -- with its
# own PostgreSQL database, Redis key prefix and Kafka broker, so that it never touches another engineer's tests or suite:
#   bench/run-recommendation.sh up          Kafka broker (127.0.0.1:$BENCH_KAFKA_PORT), database, service on :$BENCH_PORT
#   bench/run-recommendation.sh seed N      bench/seed-recommendation.sql for N customers (~3,000 items; TRUNCATEs the
#                                           tables it fills), then POST /models/runs and wait for the version
#   bench/run-recommendation.sh run         the driver's scenario recommendations, in this order: product scene
#                                           (never cached: every request computes; also warms the JIT), home scene
#                                           first pass over an emptied cache (every customer once: all misses), home
#                                           scene warm (random customers, 10 % unknown) closed model, then open model
#                                           at each of RECS_RATES -> bench/target/results/recs-<time>/*.json
#   bench/run-recommendation.sh profile     JFR (jcmd JFR.start) over a home run of cache hits, one of misses and a
#                                           product run; where the CPU went, per part -> bench/target/results/recs-profile-*
#   bench/run-recommendation.sh drive NAME OPTS  one driver run with those options (RECS_DROP_CACHE=1: empty cache first)
#   bench/run-recommendation.sh down        stops what up started, drops the database, deletes the Redis keys
# Build first (in the work tree): mvn -o -q -pl recommendation-service package -DskipTests
# Settings (environment): BENCH_DB=lodestar_recommendation_bench BENCH_PORT=18083 BENCH_KAFKA_PORT=19093
#   SERVICE_HEAP=1g SERVICE_JAVA_OPTS= RECS_ITEMS=3000 RECS_CONCURRENCY=64 RECS_WARMUP=10s RECS_DURATION=30s
#   RECS_RATES="5000" RECS_MAX_IN_FLIGHT=256 RECS_CUSTOMERS (default: the seeded N)
#   LODESTAR_KAFKA_BOOTSTRAP_SERVERS (use a running broker, e.g. run-segmentation.sh's 127.0.0.1:19092, instead).
# The service and the driver share the machine's cores (2 here): the figures are for both on one box.
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH="$ROOT/bench"
STATE="$BENCH/target/recs"
DB=${BENCH_DB:-lodestar_recommendation_bench}
PORT=${BENCH_PORT:-18083}
KAFKA_PORT=${BENCH_KAFKA_PORT:-19093}
HEAP=${SERVICE_HEAP:-1g}
ITEMS=${RECS_ITEMS:-3000}
JAR="$ROOT/recommendation-service/target/quarkus-app/quarkus-run.jar"
DRIVER="$BENCH/target/lodestar-bench.jar"
PSQL=(psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -X -q)
say() { printf '\n== %s\n' "$*"; }
fail() { printf 'error: %s\n' "$*" >&2; exit 1; }
mkdir -p "$STATE/logs"
alive() { [ -f "$STATE/$1.pid" ] && kill -0 "$(cat "$STATE/$1.pid")" 2>/dev/null; }
wait_for() { local deadline=$((SECONDS + $1)); shift; until "$@"; do [ "$SECONDS" -lt "$deadline" ] || return 1; sleep 1; done; }
token() { "$ROOT/deploy/local/token" "$1"; }
base() { echo "http://127.0.0.1:$PORT"; }

# The jars KafkaBrokerMain (lodestar-testkit) needs, taken from ~/.m2 (as bench/run-segmentation.sh does).
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

up() {
  [ -f "$JAR" ] || fail "no jar: mvn -o -q -pl recommendation-service package -DskipTests"
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
  [ -f "$STATE/redis-prefix" ] || echo "bench-recs-$(date -u +%Y%m%d%H%M%S)-$$:" >"$STATE/redis-prefix"
  if ! alive service; then
    (exec 3<>/dev/tcp/127.0.0.1/$PORT) 2>/dev/null && fail "port $PORT is taken (set BENCH_PORT)"
    # Training only on demand (seed), so that no scheduled run competes with a measurement.
    QUARKUS_HTTP_PORT="$PORT" LODESTAR_DB_NAME="$DB" LODESTAR_KAFKA_BOOTSTRAP_SERVERS="$bootstrap" \
    LODESTAR_REDIS_KEY_PREFIX="$(cat "$STATE/redis-prefix")" \
    LODESTAR_JWT_PUBLIC_KEY_LOCATION="$ROOT/.lodestar/jwt/public-key.pem" LODESTAR_TRAINING_CRON=off \
      nohup java -Xmx"$HEAP" -XX:+UseParallelGC ${SERVICE_JAVA_OPTS:-} \
        -jar "$JAR" >"$STATE/logs/service.log" 2>&1 &
    echo $! >"$STATE/service.pid"
    wait_for 180 curl -sf -o /dev/null "$(base)/q/health/ready" \
      || fail "recommendation-service not ready after 180 s; see $STATE/logs/service.log"
    say "recommendation-service on :$PORT (pid $(cat "$STATE/service.pid")), database $DB, Redis prefix $(cat "$STATE/redis-prefix"), heap $HEAP"
  fi
}

# POST /models/runs (retrying a 409 while another run is running) and poll to the end; prints the run.
train() {
  local op run id view status deadline=$((SECONDS + 1800))
  op=$(token operator)
  until run=$(curl -sf -X POST -H "Authorization: Bearer $op" "$(base)/models/runs"); do
    [ "$SECONDS" -lt "$deadline" ] || fail "POST /models/runs refused for 30 min"
    sleep 2
  done
  id=$(jq -r .id <<<"$run")
  while :; do
    sleep 2
    view=$(curl -sf -H "Authorization: Bearer $op" "$(base)/models/runs/$id") || continue
    status=$(jq -r .status <<<"$view")
    [ "$status" = running ] || break
    [ "$SECONDS" -lt "$deadline" ] || fail "training run $id still running after 30 min"
    printf '  %s %s%% %s\n' "$(date -u +%T)" "$(jq -r .progress <<<"$view")" "$(jq -r .phase <<<"$view")" >&2
  done
  echo "$view" | jq -c '{status, version, startedAt, finishedAt, phaseMillis, error}'
  [ "$status" = succeeded ] || fail "training run $id: $status"
}

seed() {
  local n=${1:?seed N}
  alive service || fail "not up: bench/run-recommendation.sh up"
  say "seed $n customers, $ITEMS items (uptime: $(uptime))"
  local t0=$SECONDS
  "${PSQL[@]}" -d "$DB" -v n="$n" -v items="$ITEMS" -f "$BENCH/seed-recommendation.sql" || fail "seed failed"
  echo "$n" >"$STATE/seeded"
  say "seeded in $((SECONDS - t0)) s; the catalogue refresh picks the items up within 5 s"
  # Serving must know the items before training ends; the periodic refresh reads them by updated_at.
  wait_for 60 bash -c "curl -sf -H 'Authorization: Bearer $(token app)' '$(base)/items/rb-i0' >/dev/null" \
    || echo "warning: GET /items/rb-i0 still fails; is the catalogue refreshed?"
  say "training (POST /models/runs)"
  t0=$SECONDS
  train | tee "$STATE/training.json"
  say "trained in $((SECONDS - t0)) s"
}

drop_cache() {
  local prefix; prefix=$(cat "$STATE/redis-prefix")
  redis-cli --scan --pattern "${prefix}recs:*" | xargs -r -n 1000 redis-cli del >/dev/null
}

driver() {
  [ -f "$DRIVER" ] || mvn -o -B -q -f "$BENCH/pom.xml" package || fail "driver build failed"
  LODESTAR_TOKEN=$(token app) timeout 1200 java -Xmx512m -XX:+UseParallelGC -jar "$DRIVER" recommendations \
    --port "$PORT" --customers "${RECS_CUSTOMERS:-$(cat "$STATE/seeded" 2>/dev/null || echo 6000)}" --items "$ITEMS" "$@"
}

# CPU seconds (user + system) used so far by the service JVM and by the PostgreSQL backends connected to the bench
# database. On a machine shared with other work, wall-clock rates understate the service; CPU per request does not.
cpu_seconds() {
  local pids="$(cat "$STATE/service.pid") $("${PSQL[@]}" -d postgres -tAc \
    "SELECT string_agg(pid::text, ' ') FROM pg_stat_activity WHERE datname = '$DB'")"
  local service pg=0 p t
  service=$(awk '{print $14 + $15}' "/proc/$(cat "$STATE/service.pid")/stat")
  for p in $pids; do
    [ "$p" = "$(cat "$STATE/service.pid")" ] && continue
    t=$(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0)
    pg=$((pg + t))
  done
  echo "$service $pg"   # in clock ticks
}

step() { # step OUT NAME DRIVER-OPTIONS...: runs the driver, tees its output, notes the machine load and CPU used
  local out=$1 name=$2; shift 2
  say "$name: $*"
  echo "uptime before $name: $(uptime)" >>"$out/machine.txt"
  local before after hz; hz=$(getconf CLK_TCK); before=$(cpu_seconds)
  driver "$@" --out "$out/$name.json" 2>&1 | tee "$out/$name.log"
  after=$(cpu_seconds)
  echo "uptime after $name: $(uptime)" >>"$out/machine.txt"
  # Whole run including the warm-up, divided by every request answered (warm-up included; never sent excluded).
  local requests; requests=$(jq '.ok + .errors - (.notSent // 0) + .warmupOk + .warmupErrors' "$out/$name.json" \
    2>/dev/null || echo 0)
  read -r s0 p0 <<<"$before"; read -r s1 p1 <<<"$after"
  jq --argjson s "$(( s1 - s0 ))" --argjson p "$(( p1 - p0 ))" --argjson hz "$hz" --argjson n "$requests" \
    '. + {serviceCpuSeconds: ($s / $hz), postgresCpuSeconds: ($p / $hz), requestsIncludingWarmup: $n,
          serviceCpuMsPerRequest: (if $n > 0 then ($s / $hz * 1000 / $n * 100 | round) / 100 else null end),
          postgresCpuMsPerRequest: (if $n > 0 then ($p / $hz * 1000 / $n * 100 | round) / 100 else null end)}' \
    "$out/$name.json" >"$out/$name.json.tmp" && mv "$out/$name.json.tmp" "$out/$name.json"
  jq -r '"\(.serviceCpuSeconds) s service CPU, \(.postgresCpuSeconds) s PostgreSQL CPU for \(.requestsIncludingWarmup) requests: \(.serviceCpuMsPerRequest) + \(.postgresCpuMsPerRequest) ms CPU per request"' "$out/$name.json" | tee -a "$out/$name.log"
}

machine() {
  {
    echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "nproc: $(nproc)"
    echo "git: $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null)"
    echo "java: $(java -version 2>&1 | head -1)"
    echo "service: pid $(cat "$STATE/service.pid"), heap $HEAP, opts ${SERVICE_JAVA_OPTS:-none}"
    echo "seeded: $(cat "$STATE/seeded" 2>/dev/null) customers, $ITEMS items"
  } >"$1/machine.txt"
  cat "$1/machine.txt"
}

run_all() {
  alive service || fail "not up: bench/run-recommendation.sh up"
  local out="$BENCH/target/results/recs-$(date -u +%Y%m%dT%H%M%SZ)"; mkdir -p "$out"
  local c=${RECS_CONCURRENCY:-64} w=${RECS_WARMUP:-10s} d=${RECS_DURATION:-30s}
  machine "$out"
  mvn -o -B -q -f "$BENCH/pom.xml" package || fail "driver build failed"
  step "$out" product --scene product --concurrency "$c" --warmup "$w" --duration "$d"
  drop_cache
  step "$out" home-cold --scene home --pass cold --concurrency "$c" --duration 15m
  step "$out" home-warm --scene home --concurrency "$c" --warmup "$w" --duration "$d"
  local rate
  for rate in ${RECS_RATES:-5000}; do
    step "$out" "home-open-$rate" --scene home --mode open --rate "$rate" --max-in-flight "${RECS_MAX_IN_FLIGHT:-256}" \
      --warmup "$w" --duration "$d"
  done
  say "summary ($out)"
  local f
  for f in "$out"/*.json; do
    jq -r '"\(.scene) \(.pass) \(.mode)\(if .targetRate then " @\(.targetRate)/s" else " c=\(.concurrency)" end): \(.achievedRate) req/s; p50 \(.latencyMs.p50) p95 \(.latencyMs.p95) p99 \(.latencyMs.p99) max \(.latencyMs.max) ms; errors \(.errors)/\(.requests); cached \(.cachedShare * 100)%; cold start \(.coldStartShare * 100)%; driver \(.driverCpuCores) cores; CPU/request service \(.serviceCpuMsPerRequest) ms + PostgreSQL \(.postgresCpuMsPerRequest) ms"' "$f"
  done | tee "$out/summary.txt"
}

# JFR over three closed-model runs that each isolate one path, then the hottest parts of each: home-cached (seeded
# customers only, after `run` filled the cache: all hits), home-miss (cache emptied first, random customers: almost
# all computed) and product (never cached). CPU per request comes from /proc as in `run`.
profile() {
  alive service || fail "not up: bench/run-recommendation.sh up"
  local out="$BENCH/target/results/recs-profile-$(date -u +%Y%m%dT%H%M%SZ)"; mkdir -p "$out"
  local pid; pid=$(cat "$STATE/service.pid")
  local c=${RECS_CONCURRENCY:-64} d=${RECS_DURATION:-30s}
  machine "$out"
  mvn -o -B -q -f "$BENCH/pom.xml" package || fail "driver build failed"
  local name args
  for name in home-cached home-miss product; do
    case "$name" in
      home-cached) args=(--scene home --unknown-share 0) ;;
      home-miss) drop_cache; args=(--scene home) ;;
      product) args=(--scene product) ;;
    esac
    jcmd "$pid" JFR.start name="recs-$name" settings=profile filename="$out/$name.jfr" >/dev/null
    step "$out" "$name" "${args[@]}" --concurrency "$c" --warmup 0s --duration "$d"
    jcmd "$pid" JFR.stop name="recs-$name" >/dev/null
    python3 "$BENCH/jfr-top.py" "$out/$name.jfr" | tee "$out/$name-top.txt"
  done
}

# One driver run with the given options, CPU accounted as in run: drive NAME [--scene ...] [--concurrency ...] ...
drive_one() {
  alive service || fail "not up: bench/run-recommendation.sh up"
  local name=${1:?drive NAME [driver options]}; shift
  local out="$BENCH/target/results/recs-$(date -u +%Y%m%dT%H%M%SZ)-$name"; mkdir -p "$out"
  machine "$out" >/dev/null
  [ -f "$DRIVER" ] || mvn -o -B -q -f "$BENCH/pom.xml" package || fail "driver build failed"
  [ "${RECS_DROP_CACHE:-0}" = 1 ] && drop_cache
  step "$out" "$name" "$@"
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
  run) run_all ;;
  profile) profile ;;
  drive) shift; drive_one "$@" ;;
  down) down ;;
  *) sed -n '2,22p' "$0"; exit 2 ;;
esac
