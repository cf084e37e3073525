package io.lodestar.bench.association;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPInputStream;

import io.lodestar.recommendation.association.AssociationRule;
import io.lodestar.recommendation.association.AssociationRuleMiner;
import io.lodestar.recommendation.association.Baskets;
import io.lodestar.recommendation.association.FrequentItemSet;
import io.lodestar.recommendation.association.RuleParameters;

/**
 * The FP-growth benchmark of docs/benchmarks.md (issue 5): recommendation-service's own
 * {@link AssociationRuleMiner} (Smile 2.6.0 FP-growth plus Lodestar's rule generation) on two basket sets, compiled by
 * {@code bench/run-association.sh} against the service's packaged classes and the Smile jars it ships with.
 *
 * <ul>
 * <li>Online Retail: one basket per invoice (InvoiceNo not starting with C, Quantity &gt; 0; rows without a
 * CustomerID included), items = StockCode, at minSupport 0.01.</li>
 * <li>Generated: 10,000 baskets over 2,000 items with a long-tailed popularity and 40 planted bundles of 2–4 items,
 * fixed seed, at minSupport 0.001.</li>
 * </ul>
 * One repetition = {@code AssociationRuleMiner.mine} on the prepared {@code int[][]} (dictionary building and CSV
 * parsing are not timed). Prints one JSON line per repetition (the first {@code WARMUP} marked) and, for Online Retail,
 * the top rules by lift with descriptions.
 *
 * <pre>java -cp ... io.lodestar.bench.association.AssociationBench CSV_GZ SEED WARMUP REPS MIN_CONFIDENCE MIN_LIFT MAX_LENGTH</pre>
 */
public final class AssociationBench {

    private AssociationBench() {
    }

    public static void main(String[] args) throws IOException {
        Path csv = Path.of(args[0]);
        long seed = Long.parseLong(args[1]);
        int warmup = Integer.parseInt(args[2]);
        int reps = Integer.parseInt(args[3]);
        double minConfidence = Double.parseDouble(args[4]);
        double minLift = Double.parseDouble(args[5]);
        int maxLength = Integer.parseInt(args[6]);

        OnlineRetail retail = OnlineRetail.read(csv);
        run("online-retail", retail.baskets, new RuleParameters(0.01, minConfidence, minLift, maxLength), warmup,
                reps, retail);
        run("generated", generated(10_000, 2_000, 40, seed), new RuleParameters(0.001, minConfidence, minLift,
                maxLength), warmup, reps, null);
    }

    private static void run(String set, int[][] baskets, RuleParameters parameters, int warmup, int reps,
            OnlineRetail retail) {
        int distinctItems = (int) Arrays.stream(baskets).flatMapToInt(Arrays::stream).distinct().count();
        List<FrequentItemSet> itemSets = AssociationRuleMiner.frequentItemSets(baskets, parameters.minSupport(),
                parameters.maxLength());
        List<AssociationRule> rules = List.of();
        for (int r = 0; r < warmup + reps; r++) {
            long start = System.nanoTime();
            rules = AssociationRuleMiner.mine(baskets, parameters);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT,
                    "{\"set\":\"%s\",\"warmup\":%b,\"baskets\":%d,\"distinctItems\":%d,\"minSupport\":%s,"
                            + "\"minConfidence\":%s,\"minLift\":%s,\"maxLength\":%d,\"frequentItemSets\":%d,"
                            + "\"rules\":%d,\"wallSeconds\":%.4f}%n",
                    set, r < warmup, baskets.length, distinctItems, parameters.minSupport(),
                    parameters.minConfidence(), parameters.minLift(), parameters.maxLength(), itemSets.size(),
                    rules.size(), seconds);
        }
        if (retail != null) {
            for (AssociationRule rule : rules.subList(0, Math.min(5, rules.size()))) {
                System.err.printf(Locale.ROOT, "top: %s => %s | lift %.1f, confidence %.2f, support %.4f (%d baskets)%n",
                        retail.describe(rule.antecedent()), retail.describe(rule.consequent()), rule.lift(),
                        rule.confidence(), rule.support(), rule.basketCount());
            }
        }
    }

    /**
     * Baskets of 1 + Poisson-ish(7) items drawn from a popularity ∝ 1/(rank + 20) over {@code items} items, and with
     * probability 2 % per bundle a planted bundle of 2–4 items (the "bought together" the miner should find).
     */
    static int[][] generated(int basketCount, int items, int bundles, long seed) {
        Random random = new Random(seed);
        double[] cumulative = new double[items];
        double total = 0;
        for (int i = 0; i < items; i++) {
            total += 1.0 / (i + 20);
            cumulative[i] = total;
        }
        int[][] bundleItems = new int[bundles][];
        for (int b = 0; b < bundles; b++) {
            bundleItems[b] = new int[2 + random.nextInt(3)];
            for (int k = 0; k < bundleItems[b].length; k++) {
                bundleItems[b][k] = random.nextInt(items);
            }
        }
        List<int[]> orders = new ArrayList<>(basketCount);
        for (int n = 0; n < basketCount; n++) {
            List<Integer> order = new ArrayList<>();
            int size = 1 + (int) Math.round(-7 * Math.log(1 - random.nextDouble()));
            for (int k = 0; k < size; k++) {
                int at = Arrays.binarySearch(cumulative, random.nextDouble() * total);
                order.add(at >= 0 ? at : Math.min(items - 1, -at - 1));
            }
            for (int[] bundle : bundleItems) {
                if (random.nextDouble() < 0.02) {
                    for (int item : bundle) {
                        order.add(item);
                    }
                }
            }
            orders.add(order.stream().mapToInt(Integer::intValue).toArray());
        }
        return Baskets.byOrder(orders);
    }

    /** Online Retail's invoices as baskets of StockCode indices, and each code's first description. */
    static final class OnlineRetail {

        final int[][] baskets;
        final List<String> codes;
        final Map<String, String> descriptions;

        private OnlineRetail(int[][] baskets, List<String> codes, Map<String, String> descriptions) {
            this.baskets = baskets;
            this.codes = codes;
            this.descriptions = descriptions;
        }

        static OnlineRetail read(Path csv) throws IOException {
            Map<String, Integer> codeIndex = new HashMap<>();
            List<String> codes = new ArrayList<>();
            Map<String, String> descriptions = new HashMap<>();
            Map<String, List<Integer>> invoices = new LinkedHashMap<>();
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                    new GZIPInputStream(Files.newInputStream(csv)), StandardCharsets.UTF_8))) {
                String line = reader.readLine(); // header
                while ((line = reader.readLine()) != null) {
                    List<String> fields = fields(line);
                    String invoice = fields.get(0);
                    String code = fields.get(1);
                    if (invoice.startsWith("C") || Integer.parseInt(fields.get(3)) <= 0) {
                        continue;
                    }
                    int item = codeIndex.computeIfAbsent(code, c -> {
                        codes.add(c);
                        return codes.size() - 1;
                    });
                    if (!fields.get(2).isBlank()) {
                        descriptions.putIfAbsent(code, fields.get(2).trim());
                    }
                    invoices.computeIfAbsent(invoice, i -> new ArrayList<>()).add(item);
                }
            }
            List<int[]> orders = new ArrayList<>(invoices.size());
            invoices.values().forEach(items -> orders.add(items.stream().mapToInt(Integer::intValue).toArray()));
            return new OnlineRetail(Baskets.byOrder(orders), codes, descriptions);
        }

        String describe(int[] items) {
            StringBuilder text = new StringBuilder();
            for (int item : items) {
                if (text.length() > 0) {
                    text.append(" + ");
                }
                String code = codes.get(item);
                text.append(descriptions.getOrDefault(code, "?")).append(" (").append(code).append(')');
            }
            return text.toString();
        }

        /** RFC 4180 fields: commas inside quotes, doubled quotes as a quote. */
        private static List<String> fields(String line) {
            List<String> fields = new ArrayList<>(8);
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            for (int k = 0; k < line.length(); k++) {
                char c = line.charAt(k);
                if (quoted) {
                    if (c == '"' && k + 1 < line.length() && line.charAt(k + 1) == '"') {
                        field.append('"');
                        k++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        field.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    fields.add(field.toString());
                    field.setLength(0);
                } else {
                    field.append(c);
                }
            }
            fields.add(field.toString());
            return fields;
        }
    }
}
