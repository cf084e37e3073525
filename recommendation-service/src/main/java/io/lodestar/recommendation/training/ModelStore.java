package io.lodestar.recommendation.training;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.lodestar.recommendation.als.AlsModel;
import io.lodestar.recommendation.association.AssociationRule;
import io.lodestar.recommendation.association.BoughtTogether;
import io.lodestar.recommendation.itemcf.ItemNeighbours;
import io.lodestar.recommendation.popularity.PopularityRanking;
import io.lodestar.recommendation.sequence.SequentialRecommender;
import io.lodestar.recommendation.sequence.SequentialRule;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import io.vertx.core.json.JsonArray;
import java.time.ZoneOffset;

/**
 * Stores model versions as numbers ({@code V2__model_runs_and_versions.sql}) and loads them back: ALS item factors
 * and item-CF neighbour lists per item, popularity rankings per scope, association and sequential rules in item ids.
 * A version is written in one transaction and becomes visible to serving only when {@link #activate} marks it.
 */
@ApplicationScoped
public class ModelStore {

    static final String ALS = "als";
    static final String ITEM_CF = "item-cf";
    static final String TIME_OF_DAY = "timeOfDay";
    private static final int CHUNK = 1_000;

    private final Pool pool;

    public ModelStore(Pool pool) {
        this.pool = pool;
    }

    /** Writes a run's models as a new (not yet active) version; returns its number. */
    public Uni<Long> save(UUID runId, Instant trainedAt, TrainedModels models) {
        JsonObject parameters = new JsonObject();
        if (models.als() != null) {
            parameters.put(ALS, new JsonObject().put("rank", models.als().rank())
                    .put("regularization", models.als().regularization()).put("alpha", models.als().alpha()));
        }
        JsonObject lifts = new JsonObject();
        models.timeOfDay().lifts().forEach((category, values) -> {
            JsonArray slots = new JsonArray();
            for (float value : values) {
                slots.add(Math.round(value * 1000) / 1000.0);
            }
            lifts.put(category, slots);
        });
        parameters.put(TIME_OF_DAY, lifts);
        return pool.withTransaction(connection -> connection.preparedQuery("""
                        INSERT INTO model_version (run_id, trained_at, customers, interactions, item_ids, parameters)
                        VALUES ($1, $2, $3, $4, $5, $6) RETURNING version""")
                .execute(Tuple.tuple(List.of(runId, trainedAt.atOffset(ZoneOffset.UTC), models.customers(),
                        models.interactions(), models.itemIds().toArray(String[]::new), parameters)))
                .map(rows -> rows.iterator().next().getLong("version"))
                .call(version -> vectors(connection, version, models))
                .call(version -> rankings(connection, version, models.rankings()))
                .call(version -> rules(connection, version, models))
                .call(version -> sequences(connection, version, models)));
    }

    /** Makes a stored version the one every replica serves. */
    public Uni<Void> activate(long version) {
        return pool.preparedQuery("UPDATE model_version SET activated_at = now() WHERE version = $1")
                .execute(Tuple.of(version)).replaceWithVoid();
    }

    /** The newest activated version, if any. */
    public Uni<Optional<Long>> activeVersion() {
        return pool.query("SELECT max(version) AS v FROM model_version WHERE activated_at IS NOT NULL").execute()
                .map(rows -> Optional.ofNullable(rows.iterator().next().getLong("v")));
    }

    /** Reads a stored version back into memory. */
    public Uni<ModelSet> load(long version) {
        return pool.withConnection(connection -> connection.preparedQuery(
                        "SELECT trained_at, item_ids, parameters FROM model_version WHERE version = $1")
                .execute(Tuple.of(version)).chain(rows -> {
                    Row row = rows.iterator().next();
                    List<String> itemIds = List.of(row.getArrayOfStrings("item_ids"));
                    Instant trainedAt = row.getOffsetDateTime("trained_at").toInstant();
                    JsonObject parameters = row.getJsonObject("parameters");
                    int items = itemIds.size();
                    int[][] neighbours = new int[items][];
                    float[][] similarities = new float[items][];
                    JsonObject als = parameters.getJsonObject(ALS);
                    float[] factors = als == null ? null : new float[items * als.getInteger("rank")];
                    return connection.preparedQuery("""
                                    SELECT model, item_index, indices, vals FROM model_item_vector WHERE version = $1""")
                            .execute(Tuple.of(version)).invoke(vectors -> {
                                for (Row vector : vectors) {
                                    int item = vector.getInteger("item_index");
                                    float[] vals = floats(vector.getArrayOfFloats("vals"));
                                    if (ITEM_CF.equals(vector.getString("model"))) {
                                        neighbours[item] = ints(vector.getArrayOfIntegers("indices"));
                                        similarities[item] = vals;
                                    } else if (ALS.equals(vector.getString("model")) && factors != null) {
                                        System.arraycopy(vals, 0, factors, item * vals.length, vals.length);
                                    }
                                }
                            })
                            .chain(() -> loadRankings(connection, version))
                            .chain(rankings -> loadRules(connection, version, itemIds)
                                    .chain(rules -> loadFollowUps(connection, version, itemIds).map(followUps -> {
                                for (int i = 0; i < items; i++) {
                                    if (neighbours[i] == null) {
                                        neighbours[i] = new int[0];
                                        similarities[i] = new float[0];
                                    }
                                }
                                AlsModel alsModel = als == null ? null : AlsModel.restore(als.getInteger("rank"),
                                        factors, als.getDouble("regularization"), als.getDouble("alpha"));
                                return ModelSet.of(version, trainedAt, itemIds,
                                        ItemNeighbours.restore(neighbours, similarities), alsModel,
                                        BoughtTogether.of(rules), followUps, rankings, timeOfDay(parameters));
                            })));
                }));
    }

    /** Association rules of the active version passing the filters, strongest first. */
    public Uni<List<RuleView>> rules(long version, double minSupport, double minConfidence, double minLift,
                                     int limit) {
        return pool.preparedQuery("""
                SELECT antecedent, consequent, support, confidence, lift, baskets FROM association_rule
                WHERE version = $1 AND support >= $2 AND confidence >= $3 AND lift >= $4
                ORDER BY lift DESC, confidence DESC, rule_no LIMIT $5""")
                .execute(Tuple.of(version, minSupport, minConfidence, minLift, limit)).map(rows -> {
                    List<RuleView> rules = new ArrayList<>();
                    rows.forEach(row -> rules.add(new RuleView(List.of(row.getArrayOfStrings("antecedent")),
                            List.of(row.getArrayOfStrings("consequent")), row.getDouble("support"),
                            row.getDouble("confidence"), row.getDouble("lift"), row.getInteger("baskets"))));
                    return rules;
                });
    }

    /** Sequential rules of a version starting from an item (or all), strongest first. */
    public Uni<List<SequentialRuleView>> sequences(long version, String antecedent, int limit) {
        return pool.preparedQuery("""
                SELECT antecedent, consequent, customers, support, confidence, lift, median_days FROM sequential_rule
                WHERE version = $1 AND ($2::text IS NULL OR antecedent = $2)
                ORDER BY lift DESC, confidence DESC, antecedent, consequent LIMIT $3""")
                .execute(Tuple.of(version, antecedent, limit)).map(rows -> {
                    List<SequentialRuleView> rules = new ArrayList<>();
                    rows.forEach(row -> rules.add(new SequentialRuleView(row.getString("antecedent"),
                            row.getString("consequent"), row.getInteger("customers"), row.getDouble("support"),
                            row.getDouble("confidence"), row.getDouble("lift"), row.getDouble("median_days"))));
                    return rules;
                });
    }

    private Uni<Void> vectors(SqlConnection connection, long version, TrainedModels models) {
        List<Tuple> tuples = new ArrayList<>();
        if (models.itemCf() != null) {
            for (int item = 0; item < models.itemCf().itemCount(); item++) {
                tuples.add(Tuple.of(version, ITEM_CF, item, boxed(models.itemCf().neighboursOf(item)),
                        boxed(models.itemCf().similaritiesOf(item))));
            }
        }
        if (models.als() != null) {
            int rank = models.als().rank();
            float[] factors = models.als().itemFactors();
            for (int item = 0; item < models.als().itemCount(); item++) {
                tuples.add(Tuple.of(version, ALS, item, null,
                        boxed(Arrays.copyOfRange(factors, item * rank, (item + 1) * rank))));
            }
        }
        return batches(connection, """
                INSERT INTO model_item_vector (version, model, item_index, indices, vals)
                VALUES ($1, $2, $3, $4, $5)""", tuples);
    }

    private Uni<Void> rankings(SqlConnection connection, long version,
                               Map<String, Map<String, PopularityRanking>> rankings) {
        List<Tuple> tuples = new ArrayList<>();
        rankings.forEach((scope, byKey) -> byKey.forEach((key, ranking) -> tuples.add(Tuple.of(version, scope, key,
                boxed(ranking.items()), boxed(ranking.scores())))));
        return batches(connection, """
                INSERT INTO model_ranking (version, scope, scope_key, items, scores) VALUES ($1, $2, $3, $4, $5)""",
                tuples);
    }

    private Uni<Void> rules(SqlConnection connection, long version, TrainedModels models) {
        List<Tuple> tuples = new ArrayList<>();
        int no = 0;
        for (AssociationRule rule : models.rules()) {
            tuples.add(Tuple.tuple(List.of(version, no++, ids(rule.antecedent(), models.itemIds()),
                    ids(rule.consequent(), models.itemIds()), rule.support(), rule.confidence(), rule.lift(),
                    rule.basketCount())));
        }
        return batches(connection, """
                INSERT INTO association_rule (version, rule_no, antecedent, consequent, support, confidence, lift,
                                              baskets)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8)""", tuples);
    }

    private Uni<Void> sequences(SqlConnection connection, long version, TrainedModels models) {
        List<Tuple> tuples = new ArrayList<>();
        for (SequentialRule rule : models.sequences()) {
            tuples.add(Tuple.tuple(Arrays.asList(version, models.itemIds().get(rule.antecedent()),
                    models.itemIds().get(rule.consequent()), rule.customersWithSequence(), rule.support(),
                    rule.confidence(), rule.lift(), rule.medianDaysBetween())));
        }
        return batches(connection, """
                INSERT INTO sequential_rule (version, antecedent, consequent, customers, support, confidence, lift,
                                             median_days)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8)""", tuples);
    }

    private Uni<Map<String, Map<String, PopularityRanking>>> loadRankings(SqlConnection connection, long version) {
        return connection.preparedQuery("SELECT scope, scope_key, items, scores FROM model_ranking WHERE version = $1")
                .execute(Tuple.of(version)).map(rows -> {
                    Map<String, Map<String, PopularityRanking>> rankings = new HashMap<>();
                    rows.forEach(row -> rankings.computeIfAbsent(row.getString("scope"), s -> new HashMap<>())
                            .put(row.getString("scope_key"), PopularityRanking.of(
                                    ints(row.getArrayOfIntegers("items")), floats(row.getArrayOfFloats("scores")))));
                    return rankings;
                });
    }

    private Uni<List<AssociationRule>> loadRules(SqlConnection connection, long version, List<String> itemIds) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < itemIds.size(); i++) {
            index.put(itemIds.get(i), i);
        }
        return connection.preparedQuery("""
                SELECT antecedent, consequent, support, confidence, lift, baskets FROM association_rule
                WHERE version = $1 ORDER BY rule_no""").execute(Tuple.of(version)).map(rows -> {
                    List<AssociationRule> rules = new ArrayList<>();
                    rows.forEach(row -> rules.add(new AssociationRule(
                            Arrays.stream(row.getArrayOfStrings("antecedent")).mapToInt(index::get).toArray(),
                            Arrays.stream(row.getArrayOfStrings("consequent")).mapToInt(index::get).toArray(),
                            row.getDouble("support"), row.getDouble("confidence"), row.getDouble("lift"),
                            row.getInteger("baskets"))));
                    return rules;
                });
    }

    private Uni<SequentialRecommender> loadFollowUps(SqlConnection connection, long version, List<String> itemIds) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < itemIds.size(); i++) {
            index.put(itemIds.get(i), i);
        }
        return connection.preparedQuery("""
                SELECT antecedent, consequent, confidence, lift FROM sequential_rule WHERE version = $1
                ORDER BY antecedent, consequent""").execute(Tuple.of(version)).map(rows -> {
                    int size = rows.size();
                    int[] antecedents = new int[size];
                    int[] consequents = new int[size];
                    double[] confidences = new double[size];
                    double[] lifts = new double[size];
                    int r = 0;
                    for (Row row : rows) {
                        antecedents[r] = index.get(row.getString("antecedent"));
                        consequents[r] = index.get(row.getString("consequent"));
                        confidences[r] = row.getDouble("confidence");
                        lifts[r] = row.getDouble("lift");
                        r++;
                    }
                    return SequentialRecommender.restore(antecedents, consequents, confidences, lifts);
                });
    }

    private static HourOfWeekLift timeOfDay(JsonObject parameters) {
        JsonObject stored = parameters.getJsonObject(TIME_OF_DAY);
        if (stored == null) {
            return HourOfWeekLift.none();
        }
        Map<String, float[]> lifts = new HashMap<>();
        for (String category : stored.fieldNames()) {
            JsonArray slots = stored.getJsonArray(category);
            float[] values = new float[slots.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = slots.getNumber(i).floatValue();
            }
            lifts.put(category, values);
        }
        return HourOfWeekLift.restore(lifts);
    }

    private static Uni<Void> batches(SqlConnection connection, String sql, List<Tuple> tuples) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (int from = 0; from < tuples.size(); from += CHUNK) {
            List<Tuple> part = tuples.subList(from, Math.min(tuples.size(), from + CHUNK));
            chain = chain.chain(() -> connection.preparedQuery(sql).executeBatch(part).replaceWithVoid());
        }
        return chain;
    }

    private static String[] ids(int[] items, List<String> itemIds) {
        return Arrays.stream(items).mapToObj(itemIds::get).toArray(String[]::new);
    }

    private static Integer[] boxed(int[] values) {
        return Arrays.stream(values).boxed().toArray(Integer[]::new);
    }

    private static Float[] boxed(float[] values) {
        Float[] boxed = new Float[values.length];
        for (int i = 0; i < values.length; i++) {
            boxed[i] = values[i];
        }
        return boxed;
    }

    private static int[] ints(Integer[] values) {
        return Arrays.stream(values).mapToInt(Integer::intValue).toArray();
    }

    private static float[] floats(Float[] values) {
        float[] unboxed = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            unboxed[i] = values[i];
        }
        return unboxed;
    }

    /** An association rule as {@code GET /rules} shows it. */
    public record RuleView(List<String> antecedent, List<String> consequent, double support, double confidence,
                           double lift, int baskets) {
    }

    /** A sequential rule as {@code GET /rules/sequential} shows it. */
    public record SequentialRuleView(String antecedent, String consequent, int customers, double support,
                                     double confidence, double lift, Double medianDays) {
    }
}
