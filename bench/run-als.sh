#!/usr/bin/env bash
# Issue 5: implicit ALS training, Lodestar (recommendation-service's ImplicitAlsTrainer) vs Spark MLlib's ALS
# (implicitPrefs, local mode), on the same generated interactions (6,000 customers x 3,000 items, ~800,000 cells),
# the same held-out split, rank, iterations, alpha and (matched) regularisation, both on the machine's 2 cores
# (Lodestar threads=2, Spark local[2]), one after the other. Training time only (data loading is not timed), warm-up
# repetitions first, then REPS measured; both models judged by the same RankingMetrics (recall@20, NDCG@20).
# Prints the table; the JSON lines go to bench/target/results/als-<time>/.
#   mvn -o -q -pl recommendation-service compile       (the service's own classes: the als and model packages)
#   bench/run-als.sh                                   (the first run downloads Spark from Maven Central, ~270 MB of jars)
# Settings (environment): CUSTOMERS=6000 ITEMS=3000 DATA_SEED=42 RANK=64 ITERATIONS=15 LAMBDA=0.1 ALPHA=40
#   CG_STEPS=3 THREADS=2 SEED=42 WARMUP=1 REPS=3 SPARK_REG=matched:$LAMBDA (or a plain regParam) HEAP=6g
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH="$ROOT/bench"
CUSTOMERS=${CUSTOMERS:-6000}; ITEMS=${ITEMS:-3000}; DATA_SEED=${DATA_SEED:-42}; RANK=${RANK:-64}
ITERATIONS=${ITERATIONS:-15}; LAMBDA=${LAMBDA:-0.1}; ALPHA=${ALPHA:-40}; CG_STEPS=${CG_STEPS:-3}; THREADS=${THREADS:-2}
SEED=${SEED:-42}; WARMUP=${WARMUP:-1}; REPS=${REPS:-3}; SPARK_REG=${SPARK_REG:-matched:$LAMBDA}; HEAP=${HEAP:-6g}
CLASSES="$ROOT/recommendation-service/target/classes"
WORK="$BENCH/target/als"
OUT="$BENCH/target/results/als-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$WORK/classes" "$OUT"
fail() { printf 'error: %s\n' "$*" >&2; exit 1; }
[ -f "$CLASSES/io/lodestar/recommendation/als/ImplicitAlsTrainer.class" ] \
  || fail "no $CLASSES: mvn -o -q -pl recommendation-service compile"

# 1. Spark's classpath, from the standalone bench/als/pom.xml (never a dependency of the service).
if ! mvn -o -q -f "$BENCH/als/pom.xml" dependency:build-classpath -Dmdep.outputFile="$WORK/spark-cp.txt" >/dev/null 2>&1; then
  mvn -q -f "$BENCH/als/pom.xml" dependency:build-classpath -Dmdep.outputFile="$WORK/spark-cp.txt"
fi
SPARK_CP=$(cat "$WORK/spark-cp.txt")

# 2. The harness: one javac over all of it; each side then runs with only its own classpath.
javac -d "$WORK/classes" -cp "$CLASSES:$SPARK_CP" "$BENCH"/als/src/io/lodestar/bench/als/*.java

# 3. The data set, once (fixed seed), read by both sides.
DATA="$WORK/interactions-$CUSTOMERS-$ITEMS-$DATA_SEED.bin"
[ -f "$DATA" ] || java -cp "$WORK/classes" io.lodestar.bench.als.MakeInteractions "$DATA" "$CUSTOMERS" "$ITEMS" "$DATA_SEED"

{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"; echo "nproc: $(nproc)"; java -version 2>&1 | head -1
  echo "git: $(git -C "$ROOT" rev-parse --short HEAD)"
  echo "data: $DATA; rank=$RANK iterations=$ITERATIONS lambda=$LAMBDA alpha=$ALPHA cgSteps=$CG_STEPS spark regParam=$SPARK_REG threads=$THREADS"
} | tee "$OUT/machine.txt"

# 4. Lodestar, then Spark (never at the same time). Spark on Java 17 needs its module openings (Spark's own
#    JavaModuleOptions list). Spark's netlib uses a system BLAS/LAPACK when libblas.so.3 is there
#    (apt-get install -y libopenblas0-pthread), single-threaded inside each task as Spark's MLlib guide advises;
#    otherwise its pure-Java BLAS, vectorised through jdk.incubator.vector. Which one ran is written to machine.txt.
SPARK_JVM=(-XX:+IgnoreUnrecognizedVMOptions --add-modules=jdk.incubator.vector
  --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED
  --add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED
  -Djdk.reflect.useDirectMethodHandle=false -Dlog4j.configurationFile="$BENCH/als/log4j2.properties")
echo "uptime before lodestar: $(uptime)" | tee -a "$OUT/machine.txt"
java -Xmx"$HEAP" -XX:ActiveProcessorCount="$THREADS" -cp "$WORK/classes:$CLASSES" io.lodestar.bench.als.LodestarAlsBench \
  "$DATA" "$RANK" "$ITERATIONS" "$LAMBDA" "$ALPHA" "$CG_STEPS" "$THREADS" "$SEED" "$WARMUP" "$REPS" | tee "$OUT/lodestar.jsonl"
echo "uptime before spark: $(uptime)" | tee -a "$OUT/machine.txt"
OPENBLAS_NUM_THREADS=1 java -Xmx"$HEAP" -XX:ActiveProcessorCount="$THREADS" "${SPARK_JVM[@]}" -cp "$WORK/classes:$SPARK_CP" \
  io.lodestar.bench.als.SparkAlsBench "$DATA" "$RANK" "$ITERATIONS" "$SPARK_REG" "$ALPHA" "$THREADS" "$SEED" \
  "$WARMUP" "$REPS" 2> "$OUT/spark-stderr.txt" | tee "$OUT/spark.jsonl"
echo "uptime after: $(uptime)" | tee -a "$OUT/machine.txt"
if grep -q 'Failed to load implementation from:dev.ludovic.netlib.blas.JNIBLAS' "$OUT/spark-stderr.txt"; then
  echo "spark blas: pure Java (no system libblas.so.3)"
else
  echo "spark blas: system $(readlink -f /usr/lib/x86_64-linux-gnu/libblas.so.3 2>/dev/null || echo libblas.so.3)"
fi | tee -a "$OUT/machine.txt"

# 5. The table: medians over the measured repetitions (Lodestar: those without the loss, like Spark).
echo
printf '%-46s %10s %12s %10s %10s %s\n' side "median s" "median cpu s" recall@20 ndcg@20 "per repetition (wall/cpu s)"
for f in lodestar spark; do
  jq -s -r 'def median: sort | (length) as $l | if $l % 2 == 1 then .[($l-1)/2] else ((.[$l/2-1] + .[$l/2]) / 2) end;
    [.[] | select(.baseline != true and .warmup != true and (.withLoss // false) == false)] as $m |
    [$m[0].side, ($m | map(.trainSeconds) | median | tostring), ($m | map(.cpuSeconds) | median | tostring),
     ($m[0].recallAt20 | tostring), ($m[0].ndcgAt20 | tostring),
     ($m | map("\(.trainSeconds)/\(.cpuSeconds)") | join(" "))] | @tsv' "$OUT/$f.jsonl" \
    | awk -F'\t' '{printf "%-46s %10.2f %12.2f %10.4f %10.4f %s\n", $1, $2, $3, $4, $5, $6}'
done | tee "$OUT/table.txt"
jq -r 'select(.baseline == true) | "\(.side): recall@20 \(.recallAt20), ndcg@20 \(.ndcgAt20)"' "$OUT/lodestar.jsonl" \
  | tee -a "$OUT/table.txt"
jq -s -r '[.[] | select(.warmup != true and .withLoss == true)] | select(length > 0) |
  "Lodestar with the loss on: cpu s " + (map(.cpuSeconds | tostring) | join(" ")) + ", final loss " + (.[0].finalLoss | tostring)' \
  "$OUT/lodestar.jsonl" | tee -a "$OUT/table.txt"
echo "results: $OUT"
