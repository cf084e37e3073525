#!/usr/bin/env bash
# Issue 5: FP-growth (recommendation-service's AssociationRuleMiner: Smile 2.6.0 FPTree/FPGrowth + Lodestar's rule
# generation) on Online Retail's invoices at minSupport 0.01 and on a generated 10,000-basket set at minSupport 0.001.
# Prints baskets, distinct items, frequent item sets, rules and the median/best wall time of the measured repetitions,
# then the top 5 Online Retail rules by lift (with descriptions). JSON lines go to bench/target/results/association-<time>/.
#   mvn -o -q -pl recommendation-service package -DskipTests     (the service's classes and its Smile jars)
#   bench/run-association.sh
# Settings (environment): CSV=/work/shared/data/online-retail/online_retail.csv.gz (read in place, never copied)
#   SEED=42 (generated set) WARMUP=1 (repetitions not counted) REPS=3 MIN_CONFIDENCE=0.3 MIN_LIFT=1.0 MAX_LENGTH=4
#   HEAP=1g
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH="$ROOT/bench"
CSV=${CSV:-/work/shared/data/online-retail/online_retail.csv.gz}
SEED=${SEED:-42}; WARMUP=${WARMUP:-1}; REPS=${REPS:-3}; MIN_CONFIDENCE=${MIN_CONFIDENCE:-0.3}
MIN_LIFT=${MIN_LIFT:-1.0}; MAX_LENGTH=${MAX_LENGTH:-4}; HEAP=${HEAP:-1g}
APP="$ROOT/recommendation-service/target/quarkus-app"
WORK="$BENCH/target/association"
OUT="$BENCH/target/results/association-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$WORK/classes" "$OUT"
fail() { printf 'error: %s\n' "$*" >&2; exit 1; }
[ -d "$APP/app" ] || fail "no $APP: mvn -o -q -pl recommendation-service package -DskipTests"
[ -r "$CSV" ] || fail "cannot read $CSV"

# The harness, compiled against the service's own classes and Smile (the jars the service runs with).
CP="$(ls "$APP"/app/recommendation-service-*.jar):$(ls "$APP"/lib/main/com.github.haifengl.smile-*.jar "$APP"/lib/main/org.slf4j.slf4j-api-*.jar | paste -sd:)"
javac -d "$WORK/classes" -cp "$CP" "$BENCH"/association/src/io/lodestar/bench/association/AssociationBench.java
CP="$WORK/classes:$CP"

{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"; echo "nproc: $(nproc)"; java -version 2>&1 | head -1
  echo "git: $(git -C "$ROOT" rev-parse --short HEAD)"
  echo "csv: $CSV; generated seed $SEED; minConfidence $MIN_CONFIDENCE minLift $MIN_LIFT maxLength $MAX_LENGTH"
  echo "uptime before: $(uptime)"
} | tee "$OUT/machine.txt"

java -Xmx"$HEAP" -Xms"$HEAP" -cp "$CP" io.lodestar.bench.association.AssociationBench "$CSV" "$SEED" "$WARMUP" \
  "$REPS" "$MIN_CONFIDENCE" "$MIN_LIFT" "$MAX_LENGTH" > "$OUT/runs.jsonl" 2> "$OUT/top-rules.txt"
echo "uptime after: $(uptime)" | tee -a "$OUT/machine.txt"

echo
printf '%-14s %8s %8s %11s %10s %8s %9s %9s %s\n' set baskets items minSupport itemSets rules "median s" "best s" "per repetition"
for set in online-retail generated; do
  jq -s -r --arg s "$set" '[.[] | select(.set == $s and .warmup != true)] as $m | ($m | map(.wallSeconds) | sort) as $w |
    [$s, ($m[0].baskets|tostring), ($m[0].distinctItems|tostring), ($m[0].minSupport|tostring),
     ($m[0].frequentItemSets|tostring), ($m[0].rules|tostring),
     (($w|length) as $l | if $l % 2 == 1 then $w[($l-1)/2] else (($w[$l/2-1] + $w[$l/2]) / 2 * 1000 | round / 1000) end | tostring),
     ($w[0]|tostring), ($m | map("\(.wallSeconds)s") | join(" "))] | @tsv' "$OUT/runs.jsonl" |
    awk -F'\t' '{printf "%-14s %8s %8s %11s %10s %8s %9s %9s %s\n", $1, $2, $3, $4, $5, $6, $7, $8, $9}'
done | tee "$OUT/table.txt"
echo
echo "Online Retail, top 5 rules by lift:"
tee -a "$OUT/table.txt" < "$OUT/top-rules.txt"
echo "results: $OUT"
