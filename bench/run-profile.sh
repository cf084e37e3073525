#!/usr/bin/env bash
# Issue 3's measurements of customer-profile-service, against the suite of deploy/local/up (docs/benchmarks.md):
#   1. seed    bench-c0..bench-c<N-1>: profile, paid orders, events (idempotent)
#   2. events  POST /events, batches of 500, 4 senders, 10 s warm-up + 60 s        -> events/s, batch p50/p95/p99/max
#   3. c360    GET /customers/{id}/360 at 1,000 req/s (open model), 5 s + 30 s     -> achieved rate, p50/p95/p99/max
#   4. kafka   Kafka's own ProducerPerformance, same broker, records of one event's mean size, acks=all
#              -> raw records/s, and the ratio Lodestar events/s / raw producer records/s
# Everything goes to 127.0.0.1 and is bounded in time; a run takes about 4-6 minutes on 2 cores (c360 at 1,000 req/s
# and C360_EXTRA_RATES first, at 25 req/s by default, so that the latency where the 360 still copes is known too).
#   deploy/local/up && bench/run-profile.sh; deploy/local/down
# Settings (environment): SEED_CUSTOMERS=1000 SENDERS=4 BATCH_SIZE=500 EVENTS_WARMUP=10s EVENTS_DURATION=60s
#   EVENTS_MAX_ERRORS=500 (HTTP errors tolerated before the events run stops; a rejected event always stops it)
#   C360_RATE=1000 C360_WARMUP=5s C360_DURATION=30s C360_EXTRA_RATES="25" (runs first, at each rate, same length)
#   PERF_RECORDS=2000000 SKIP_KAFKA=0 SKIP_SEED=0
#   LODESTAR_KAFKA_PORT=9092. Results: bench/target/results/<UTC time>/ (one JSON per step, the tool's output, machine).
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH="$ROOT/bench"
PORT=8081
KAFKA="127.0.0.1:${LODESTAR_KAFKA_PORT:-9092}"
SEED_CUSTOMERS=${SEED_CUSTOMERS:-1000}
SENDERS=${SENDERS:-4}
BATCH_SIZE=${BATCH_SIZE:-500}
EVENTS_WARMUP=${EVENTS_WARMUP:-10s}
EVENTS_DURATION=${EVENTS_DURATION:-60s}
EVENTS_MAX_ERRORS=${EVENTS_MAX_ERRORS:-500}
C360_RATE=${C360_RATE:-1000}
C360_EXTRA_RATES=${C360_EXTRA_RATES-25}
C360_WARMUP=${C360_WARMUP:-5s}
C360_DURATION=${C360_DURATION:-30s}
PERF_RECORDS=${PERF_RECORDS:-2000000}
PERF_TOPIC=bench.producer-perf
SKIP_KAFKA=${SKIP_KAFKA:-0}
SKIP_SEED=${SKIP_SEED:-0}

say() { printf '\n== %s\n' "$*"; }
fail() { printf 'error: %s\n' "$*" >&2; exit 1; }
for tool in curl jq java mvn; do command -v "$tool" >/dev/null || fail "$tool is needed"; done

# 1. The suite must be running (this script never starts or stops it).
curl -sf -o /dev/null --max-time 5 "http://127.0.0.1:$PORT/q/health/ready" \
  || fail "customer-profile-service is not ready on 127.0.0.1:$PORT (curl http://127.0.0.1:$PORT/q/health/ready); start the suite with deploy/local/up"
(exec 3<>"/dev/tcp/${KAFKA%:*}/${KAFKA#*:}") 2>/dev/null || fail "no Kafka broker on $KAFKA (deploy/local/up starts one)"

OUT="$BENCH/target/results/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$OUT"

# 2. Build the driver and resolve Kafka's benchmark tool.
say "building the driver (mvn -B -q -f bench/pom.xml package)"
mvn -B -q -f "$BENCH/pom.xml" package || fail "driver build failed"
JAR="$BENCH/target/lodestar-bench.jar"
if [ "$SKIP_KAFKA" != 1 ]; then
  say "resolving org.apache.kafka:kafka-tools (mvn dependency:build-classpath -f bench/kafka-perf/pom.xml)"
  mvn -B -q -f "$BENCH/kafka-perf/pom.xml" dependency:build-classpath -Dmdep.includeScope=runtime \
      -Dmdep.outputFile="$BENCH/target/kafka-perf-classpath.txt" || fail "could not resolve kafka-tools"
fi

# 3. A token of role app, and the machine as it is now.
LODESTAR_TOKEN=$("$ROOT/deploy/local/token" app) || fail "no token (deploy/local/token app)"
export LODESTAR_TOKEN
{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "nproc: $(nproc)"
  echo "free -g:"; free -g
  echo "java -version:"; java -version 2>&1
  echo "git: $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null) $(git --no-optional-locks -C "$ROOT" status --porcelain 2>/dev/null | wc -l) changed file(s) in the work tree"
  echo "uptime before: $(uptime)"
} >"$OUT/machine.txt"
cat "$OUT/machine.txt"

status=0
run_step() { # run_step NAME COMMAND...: runs, tees the output, remembers a failure
  local name=$1; shift
  say "$name: $*"
  "$@" 2>&1 | tee "$OUT/$name.log"
  local rc=${PIPESTATUS[0]}
  echo "uptime after $name: $(uptime)" | tee -a "$OUT/machine.txt"
  [ "$rc" = 0 ] || { echo "$name FAILED (exit $rc)"; status=1; }
  return 0
}

# 4. The three HTTP scenarios.
if [ "$SKIP_SEED" != 1 ]; then
  run_step seed timeout 300 java -Xmx256m -jar "$JAR" seed --customers "$SEED_CUSTOMERS" --out "$OUT/seed.json"
fi
run_step events timeout 1200 java -Xmx512m -jar "$JAR" events --senders "$SENDERS" --batch-size "$BATCH_SIZE" \
  --warmup "$EVENTS_WARMUP" --duration "$EVENTS_DURATION" --max-errors "$EVENTS_MAX_ERRORS" --out "$OUT/events.json"
for rate in $C360_EXTRA_RATES; do
  run_step "c360-$rate" timeout 1200 java -Xmx512m -jar "$JAR" c360 --rate "$rate" --warmup "$C360_WARMUP" \
    --duration "$C360_DURATION" --customers "$SEED_CUSTOMERS" --out "$OUT/c360-$rate.json"
done
run_step c360 timeout 1200 java -Xmx512m -jar "$JAR" c360 --rate "$C360_RATE" --warmup "$C360_WARMUP" \
  --duration "$C360_DURATION" --customers "$SEED_CUSTOMERS" --out "$OUT/c360.json"

# 5. The raw producer rate of the same broker on the same machine, records as large as one event JSON.
raw_rate=""
if [ "$SKIP_KAFKA" != 1 ]; then
  RECORD_SIZE=$(java -jar "$JAR" event-size)
  run_step kafka-producer-perf timeout 600 java -Xmx512m -cp "$(cat "$BENCH/target/kafka-perf-classpath.txt")" \
    org.apache.kafka.tools.ProducerPerformance --topic "$PERF_TOPIC" --num-records "$PERF_RECORDS" \
    --record-size "$RECORD_SIZE" --throughput -1 --producer-props "bootstrap.servers=$KAFKA" acks=all
  # Last line: "2000000 records sent, 171306.2 records/sec (29.55 MB/sec), 904.69 ms avg latency, ..."
  summary=$(grep -E '^[0-9]+ records sent, ' "$OUT/kafka-producer-perf.log" | tail -1)
  raw_rate=$(sed -E 's/^[0-9]+ records sent, ([0-9.]+) records\/sec.*/\1/' <<<"$summary")
  jq -n --arg line "$summary" --argjson size "$RECORD_SIZE" --argjson records "$PERF_RECORDS" \
     --arg rate "$raw_rate" --arg topic "$PERF_TOPIC" \
     '{scenario:"kafka-producer-perf", topic:$topic, records:$records, recordSize:$size, acks:"all",
       recordsPerSecond:($rate|tonumber? // null), summary:$line}' >"$OUT/kafka-producer-perf.json"
fi

# 6. Summary.
say "summary ($OUT)"
get() { jq -r "$2 // empty" "$OUT/$1.json" 2>/dev/null; }
events_rate=$(get events .eventsPerSecond)
printf 'events  : %s events/s; batch of %s p50 %s ms, p95 %s ms, p99 %s ms, max %s ms; errors %s  (target >= 20,000 events/s, p99 <= 250 ms)\n' \
  "${events_rate:-?}" "$BATCH_SIZE" "$(get events .batchLatencyMs.p50)" "$(get events .batchLatencyMs.p95)" \
  "$(get events .batchLatencyMs.p99)" "$(get events .batchLatencyMs.max)" "$(get events .errors)"
for f in $(for rate in $C360_EXTRA_RATES; do echo "c360-$rate"; done) c360; do
  printf '%-8s: target %s req/s, offered %s, achieved %s req/s; p50 %s ms, p95 %s ms, p99 %s ms, max %s ms; errors %s of %s %s\n' \
    "$f" "$(get "$f" .targetRate)" "$(get "$f" .offeredRate)" "$(get "$f" .achievedRate)" "$(get "$f" .latencyMs.p50)" \
    "$(get "$f" .latencyMs.p95)" "$(get "$f" .latencyMs.p99)" "$(get "$f" .latencyMs.max)" "$(get "$f" .errors)" \
    "$(get "$f" .requests)" "$(jq -c '.errorsByKind // {}' "$OUT/$f.json" 2>/dev/null)"
done
if [ -n "$raw_rate" ]; then
  printf 'kafka   : %s records/s raw (%s records of %s bytes, acks=all, topic %s)\n' "$raw_rate" "$PERF_RECORDS" \
    "$RECORD_SIZE" "$PERF_TOPIC"
  if [ -n "$events_rate" ]; then
    ratio=$(jq -n --argjson a "$events_rate" --argjson b "$raw_rate" '($a / $b * 10000 | round) / 10000')
    printf 'ratio   : %s (Lodestar events/s / raw producer records/s)\n' "$ratio"
    jq -n --argjson ratio "$ratio" --argjson events "$events_rate" --argjson raw "$raw_rate" \
      '{eventsPerSecond:$events, rawProducerRecordsPerSecond:$raw, ratio:$ratio}' >"$OUT/ratio.json"
  fi
fi
echo "uptime at the end: $(uptime)" | tee -a "$OUT/machine.txt"
exit $status
