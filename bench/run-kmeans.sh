#!/usr/bin/env bash
# Issue 4: K-means alone on a 1,000,000 x 8 matrix, Lodestar (segmentation-service's KMeansFitter, Smile 2.6.0) vs
# scikit-learn's KMeans(algorithm="lloyd"), on the same matrix, same k, restarts, iterations and tolerance, in the
# same run, each single-threaded (pinned to CPU 0: taskset, -XX:ActiveProcessorCount=1 / OMP_NUM_THREADS=1) and on
# both cores. Prints the table; the JSON lines go to bench/target/results/kmeans-<time>/.
#   mvn -o -q -pl segmentation-service package -DskipTests     (the service's classes and its Smile jars)
#   apt-get install -y python3-sklearn                          (Debian's scikit-learn, run with /usr/bin/python3)
#   bench/run-kmeans.sh
# Settings (environment): N=1000000 D=8 BLOBS=8 K=8 RESTARTS=8 MAX_ITER=100 TOL=1e-4 (ClusteringOptions.defaults())
#   SEED=42 WARMUP=1 (JVM repetitions not counted) REPS=3 THREADS="1 2" HEAP=2g
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH="$ROOT/bench"
N=${N:-1000000}; D=${D:-8}; BLOBS=${BLOBS:-8}; K=${K:-8}; RESTARTS=${RESTARTS:-8}; MAX_ITER=${MAX_ITER:-100}
TOL=${TOL:-1e-4}; SEED=${SEED:-42}; WARMUP=${WARMUP:-1}; REPS=${REPS:-3}; THREADS=${THREADS:-1 2}; HEAP=${HEAP:-2g}
PY=/usr/bin/python3
APP="$ROOT/segmentation-service/target/quarkus-app"
WORK="$BENCH/target/kmeans"
OUT="$BENCH/target/results/kmeans-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$WORK/classes" "$OUT"
fail() { printf 'error: %s\n' "$*" >&2; exit 1; }
[ -d "$APP/app" ] || fail "no $APP: mvn -o -q -pl segmentation-service package -DskipTests"
"$PY" -c 'import sklearn, threadpoolctl' 2>/dev/null || fail "no scikit-learn for $PY: apt-get install -y python3-sklearn"

# 1. The matrix, once (fixed seed), read by both sides.
MATRIX="$WORK/blobs-$N-$D-$BLOBS-$SEED.f64"
[ -f "$MATRIX" ] || "$PY" "$BENCH/kmeans/make_matrix.py" "$MATRIX" "$N" "$D" "$BLOBS" "$SEED"

# 2. The harness, compiled against the service's own classes and Smile (the jars the service runs with).
CP="$(ls "$APP"/app/segmentation-service-*.jar):$(ls "$APP"/lib/main/com.github.haifengl.smile-*.jar "$APP"/lib/main/org.slf4j.slf4j-api-*.jar | paste -sd:)"
javac -d "$WORK/classes" -cp "$CP" "$BENCH"/kmeans/src/io/lodestar/segmentation/clustering/KMeansBench.java
CP="$WORK/classes:$CP"

{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"; echo "nproc: $(nproc)"; java -version 2>&1 | head -1
  echo "python: $("$PY" -c 'import sys, sklearn, numpy; print(sys.version.split()[0], "scikit-learn", sklearn.__version__, "numpy", numpy.__version__)')"
  echo "git: $(git -C "$ROOT" rev-parse --short HEAD)"
  echo "matrix: $MATRIX ($N x $D, $BLOBS blobs, seed $SEED); k=$K restarts/n_init=$RESTARTS max_iter=$MAX_ITER tol=$TOL"
} | tee "$OUT/machine.txt"

# 3. Both sides, per thread count, one after the other (never at the same time).
for t in $THREADS; do
  if [ "$t" = 1 ]; then pin=(taskset -c 0); else pin=(); fi
  echo "uptime before lodestar/$t: $(uptime)" | tee -a "$OUT/machine.txt"
  "${pin[@]}" java -Xmx"$HEAP" -Xms"$HEAP" -XX:ActiveProcessorCount="$t" -cp "$CP" \
    io.lodestar.segmentation.clustering.KMeansBench "$MATRIX" "$N" "$D" "$K" "$RESTARTS" "$MAX_ITER" "$TOL" "$SEED" \
    "$WARMUP" "$REPS" | tee -a "$OUT/lodestar-$t.jsonl"
  echo "uptime before sklearn/$t: $(uptime)" | tee -a "$OUT/machine.txt"
  OMP_NUM_THREADS=$t OPENBLAS_NUM_THREADS=$t "${pin[@]}" "$PY" "$BENCH/kmeans/sklearn_kmeans.py" "$MATRIX" "$N" "$D" \
    "$K" "$RESTARTS" "$MAX_ITER" "$TOL" "$SEED" "$REPS" | tee -a "$OUT/sklearn-$t.jsonl"
  echo "uptime after $t: $(uptime)" | tee -a "$OUT/machine.txt"
done

# 4. The table: median and best wall time of the measured repetitions, inertia of each.
echo
printf '%-40s %7s %12s %12s %14s %s\n' side threads "median s" "best s" "inertia(min)" "per repetition"
for t in $THREADS; do
  for f in lodestar sklearn; do
    jq -s -r --arg f "$f" '[.[] | select(.warmup != true)] as $m | ($m | map(.wallSeconds) | sort) as $w |
      [$m[0].side, ($m[0].threads|tostring), (($w|length) as $l | if $l % 2 == 1 then $w[($l-1)/2] else (($w[$l/2-1] + $w[$l/2]) / 2 * 1000 | round / 1000) end | tostring), ($w[0]|tostring),
       ($m | map(.inertia) | min | tostring), ($m | map("\(.wallSeconds)s/\(.inertia|floor)") | join(" "))] | @tsv' \
      "$OUT/$f-$t.jsonl" | awk -F'\t' '{printf "%-40s %7s %12s %12s %14.1f %s\n", $1, $2, $3, $4, $5, $6}'
  done
done | tee "$OUT/table.txt"
echo "results: $OUT"
