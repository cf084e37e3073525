package io.lodestar.recommendation.serving;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.lodestar.recommendation.association.AssociationRule;
import io.lodestar.recommendation.association.BoughtTogether;
import io.lodestar.recommendation.catalogue.Durability;
import io.lodestar.recommendation.catalogue.ItemView;
import io.lodestar.recommendation.itemcf.ItemNeighbours;
import io.lodestar.recommendation.model.UserHistory;
import io.lodestar.recommendation.popularity.PopularityRanking;
import io.lodestar.recommendation.sequence.SequentialRecommender;
import io.lodestar.recommendation.training.HourOfWeekLift;
import io.lodestar.recommendation.training.ModelSet;

/**
 * The serving rules on a hand-made model version of six items: 0 sunscreen, 1 umbrella, 2 hat (all summer), 3 stroller
 * (durable), 4 formula (consumable, due every 30 days), 5 sold-out item.
 */
class RecommendationEngineTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final List<String> IDS = List.of("sunscreen", "umbrella", "hat", "stroller", "formula", "sold-out");
    private static final ServingPolicy POLICY = new ServingPolicy(1.0, 1.0, 30, java.time.ZoneOffset.UTC);

    private final Map<String, ItemView> catalogue = new HashMap<>();
    private HourOfWeekLift timeOfDay = HourOfWeekLift.none();
    private final RecommendationEngine engine = new RecommendationEngine(POLICY);

    RecommendationEngineTest() {
        item("sunscreen", "summer", "Solis", "89", true, Durability.CONSUMABLE, 60);
        item("umbrella", "summer", "Solis", "120", true, Durability.DURABLE, null);
        item("hat", "summer", "Other", "20", true, Durability.DURABLE, null);
        item("stroller", "baby", "Pram", "900", true, Durability.DURABLE, null);
        item("formula", "baby", "Milk", "200", true, Durability.CONSUMABLE, 30);
        item("sold-out", "summer", "Solis", "90", false, Durability.CONSUMABLE, null);
    }

    @Test
    void productPageShowsBoughtTogetherAndSimilarItemsWithTheirReasonsButNeverTheItemItself() {
        List<RecommendedItem> items = engine.recommend(models(), lookup(), cold(), Scene.PRODUCT, "sunscreen", 3, NOW);

        assertThat(items).extracting(RecommendedItem::itemId).first().isEqualTo("umbrella");
        assertThat(items.get(0).reason()).isEqualTo(Reason.BOUGHT_TOGETHER);
        assertThat(items.get(0).reasonText()).isEqualTo("bought together with SPF sunscreen");
        assertThat(items.get(0).model()).isEqualTo("association");
        assertThat(items).extracting(RecommendedItem::itemId).doesNotContain("sunscreen", "sold-out");
    }

    @Test
    void outOfStockHiddenAndNotInterestedItemsAreDropped() {
        catalogue.put("hat", withHidden(catalogue.get("hat")));
        CustomerState state = state(Map.of(), Set.of("umbrella"), 0);

        List<RecommendedItem> items = engine.recommend(models(), lookup(), state, Scene.HOME, null, 10, NOW);

        assertThat(items).extracting(RecommendedItem::itemId).doesNotContain("sold-out", "hat", "umbrella")
                .contains("sunscreen", "stroller", "formula");
    }

    @Test
    void boughtDurablesAreDroppedAndConsumablesComeBackOnlyWhenDue() {
        CustomerState recent = state(Map.of("stroller", NOW.minus(Duration.ofDays(100)),
                "formula", NOW.minus(Duration.ofDays(10))), Set.of(), 2);
        assertThat(engine.recommend(models(), lookup(), recent, Scene.HOME, null, 10, NOW))
                .extracting(RecommendedItem::itemId).doesNotContain("stroller", "formula");

        CustomerState due = state(Map.of("formula", NOW.minus(Duration.ofDays(31))), Set.of(), 2);
        List<RecommendedItem> items = engine.recommend(models(), lookup(), due, Scene.HOME, null, 10, NOW);
        assertThat(items).filteredOn(i -> i.itemId().equals("formula")).singleElement()
                .satisfies(i -> assertThat(i.reason()).isEqualTo(Reason.DUE_AGAIN));
    }

    @Test
    void aColdCustomerGetsWhatIsPopularInTheirSegmentFirst() {
        CustomerState state = new CustomerState(UserHistory.EMPTY, Map.of(), List.of(), 0, Set.of(), "3", null, null);

        List<RecommendedItem> items = engine.recommend(models(), lookup(), state, Scene.HOME, null, 2, NOW);

        assertThat(items).extracting(RecommendedItem::itemId).containsExactly("formula", "stroller");
        assertThat(items).extracting(RecommendedItem::reason).containsOnly(Reason.POPULAR_IN_SEGMENT);
    }

    @Test
    void afterAFirstPurchaseItsComplementsComeFirst() {
        CustomerState state = new CustomerState(new UserHistory(new int[] {0}, new float[] {10f}),
                Map.of("sunscreen", NOW.minus(Duration.ofDays(2))), List.of(), 1, Set.of(), null, null, null);

        List<RecommendedItem> items = engine.recommend(models(), lookup(), state, Scene.HOME, null, 3, NOW);

        assertThat(items.get(0).itemId()).isEqualTo("umbrella");
        assertThat(items.get(0).reason()).isEqualTo(Reason.GOES_WITH_FIRST_PURCHASE);
    }

    @Test
    void whatCustomersBuySomeDaysAfterAPurchaseIsProposedWithThatReason() {
        // A sequential rule formula -> hat; the customer has two orders (so no first-purchase complements).
        CustomerState state = new CustomerState(UserHistory.EMPTY, Map.of("formula", NOW.minus(Duration.ofDays(3))),
                List.of(), 2, Set.of(), null, null, null);

        List<RecommendedItem> items = engine.recommend(models(), lookup(), state, Scene.HOME, null, 3, NOW);

        assertThat(items.get(0).itemId()).isEqualTo("hat");
        assertThat(items.get(0).reason()).isEqualTo(Reason.BOUGHT_AFTER);
        assertThat(items.get(0).model()).isEqualTo("sequential");
        assertThat(items.get(0).becauseOf()).isEqualTo("formula");
    }

    @Test
    void noCategoryTakesMoreThanItsShareWhileOthersCanFill() {
        RecommendationEngine diverse = new RecommendationEngine(new ServingPolicy(0.5, 1.0, 30, java.time.ZoneOffset.UTC));
        List<RecommendedItem> items = diverse.recommend(models(), lookup(), cold(), Scene.HOME, null, 4, NOW);

        assertThat(items).hasSize(4);
        assertThat(items).filteredOn(i -> i.category().equals("summer")).hasSize(2);
        assertThat(items).filteredOn(i -> i.category().equals("baby")).hasSize(2);
    }

    @Test
    void theLongTailBoostLiftsItemsOutsideTheHead() {
        // Global popularity: sunscreen makes up 80% alone, so every other item is long tail.
        List<RecommendedItem> plain = engine.recommend(models(), lookup(), cold(), Scene.HOME, null, 5, NOW);
        RecommendationEngine boosted = new RecommendationEngine(new ServingPolicy(1.0, 3.0, 30, java.time.ZoneOffset.UTC));
        List<RecommendedItem> lifted = boosted.recommend(models(), lookup(), cold(), Scene.HOME, null, 5, NOW);

        assertThat(scoreOf(lifted, "sunscreen")).isEqualTo(scoreOf(plain, "sunscreen"));
        assertThat(scoreOf(lifted, "umbrella")).isCloseTo(3 * scoreOf(plain, "umbrella"),
                org.assertj.core.data.Offset.offset(1e-3));
    }

    @Test
    void categoriesThatSellAtThisHourOfTheWeekAreBoostedWithinLimits() {
        List<RecommendedItem> plain = engine.recommend(models(), lookup(), cold(), Scene.HOME, null, 6, NOW);
        float[] babyLift = new float[HourOfWeekLift.SLOTS];
        java.util.Arrays.fill(babyLift, 1f);
        babyLift[HourOfWeekLift.slot(NOW, java.time.ZoneOffset.UTC)] = 2f; // twice the usual share right now
        timeOfDay = HourOfWeekLift.restore(Map.of("baby", babyLift));

        List<RecommendedItem> boosted = engine.recommend(models(), lookup(), cold(), Scene.HOME, null, 6, NOW);

        assertThat(scoreOf(boosted, "formula")).isCloseTo(1.25 * scoreOf(plain, "formula"),
                org.assertj.core.data.Offset.offset(1e-3)); // sqrt(2) = 1.41, clipped to 1.25
        assertThat(scoreOf(boosted, "sunscreen")).isEqualTo(scoreOf(plain, "sunscreen"));
    }

    @Test
    void trendingItemsFillAColdHomeListAfterTheSegmentAndBeforeOverallPopularity() {
        CustomerState state = new CustomerState(UserHistory.EMPTY, Map.of(), List.of(), 0, Set.of(), "3", null, null);

        List<RecommendedItem> items = engine.recommend(models(), lookup(), state, Scene.HOME, null, 3, NOW,
                List.of("hat"));

        assertThat(items).extracting(RecommendedItem::itemId).containsExactly("formula", "hat", "stroller");
        assertThat(items.get(1).reason()).isEqualTo(Reason.TRENDING);
        assertThat(items.get(1).model()).isEqualTo("trending");
    }

    @Test
    void aNewItemNoModelKnowsGetsSimilarItemsByContent() {
        item("new-hat", "summer", "Other", "22", true, Durability.DURABLE, null);

        List<RecommendedItem> items = engine.recommend(models(), lookup(), cold(), Scene.PRODUCT, "new-hat", 2, NOW);

        assertThat(items).extracting(RecommendedItem::itemId).first().isEqualTo("hat"); // same brand, price band
        assertThat(items).extracting(RecommendedItem::reason).containsOnly(Reason.SAME_CATEGORY);
    }

    @Test
    void theCartSceneProposesComplementsOfTheCartNotItsItems() {
        CustomerState state = new CustomerState(UserHistory.EMPTY, Map.of(), List.of("sunscreen"), 0, Set.of(),
                null, null, null);

        List<RecommendedItem> items = engine.recommend(models(), lookup(), state, Scene.CART, null, 3, NOW);

        assertThat(items.get(0).itemId()).isEqualTo("umbrella");
        assertThat(items).extracting(RecommendedItem::itemId).doesNotContain("sunscreen");
    }

    @Test
    void withoutAnyTrainedModelOnlyRepurchaseAndContentCanAnswer() {
        CustomerState due = state(Map.of("formula", NOW.minus(Duration.ofDays(40))), Set.of(), 2);
        assertThat(engine.recommend(null, lookup(), due, Scene.HOME, null, 5, NOW))
                .extracting(RecommendedItem::itemId).containsExactly("formula");
        assertThat(engine.recommend(null, lookup(), cold(), Scene.HOME, null, 5, NOW)).isEmpty();
    }

    private static double scoreOf(List<RecommendedItem> items, String itemId) {
        return items.stream().filter(i -> i.itemId().equals(itemId)).findFirst().orElseThrow().score();
    }

    private ModelSet models() {
        // Item-CF: summer items are each other's neighbours, baby items likewise.
        int[][] neighbours = {{1, 2}, {0, 2}, {0, 1}, {4}, {3}, {0}};
        float[][] similarities = {{0.9f, 0.5f}, {0.9f, 0.4f}, {0.5f, 0.4f}, {0.7f}, {0.7f}, {0.8f}};
        AssociationRule sunscreenUmbrella = new AssociationRule(new int[] {0}, new int[] {1}, 0.2, 0.8, 3.0, 20);
        AssociationRule formulaStroller = new AssociationRule(new int[] {4}, new int[] {3}, 0.1, 0.5, 2.0, 10);
        Map<String, Map<String, PopularityRanking>> rankings = Map.of(
                ModelSet.GLOBAL, Map.of("", PopularityRanking.of(new int[] {0, 1, 2, 3, 4, 5},
                        new float[] {80, 4, 4, 4, 4, 4})),
                ModelSet.SEGMENT, Map.of("3", PopularityRanking.of(new int[] {4, 3}, new float[] {10, 5})));
        return ModelSet.of(1, NOW, IDS, ItemNeighbours.restore(neighbours, similarities), null,
                BoughtTogether.of(List.of(sunscreenUmbrella, formulaStroller)),
                SequentialRecommender.restore(new int[] {4}, new int[] {2}, new double[] {0.6}, new double[] {3.0}),
                rankings, timeOfDay);
    }

    private static CustomerState cold() {
        return new CustomerState(UserHistory.EMPTY, Map.of(), List.of(), 0, Set.of(), null, null, null);
    }

    private static CustomerState state(Map<String, Instant> bought, Set<String> hidden, int orders) {
        return new CustomerState(UserHistory.EMPTY, bought, List.of(), orders, hidden, null, null, null);
    }

    private RecommendationEngine.Items lookup() {
        return new RecommendationEngine.Items() {
            @Override
            public ItemView find(String itemId) {
                return catalogue.get(itemId);
            }

            @Override
            public List<ItemView> inCategory(String category) {
                return catalogue.values().stream().filter(i -> category.equals(i.category())).toList();
            }
        };
    }

    private void item(String id, String category, String brand, String price, boolean inStock, Durability durability,
                      Integer repurchaseDays) {
        String title = id.equals("sunscreen") ? "SPF sunscreen" : id;
        catalogue.put(id, new ItemView(id, title, List.of(category), category, brand, new BigDecimal(price), "CNY",
                inStock, null, List.of(), durability, repurchaseDays, false, false, NOW, null, null));
    }

    private static ItemView withHidden(ItemView v) {
        return new ItemView(v.itemId(), v.title(), v.categoryPath(), v.category(), v.brand(), v.price(), v.currency(),
                v.inStock(), v.launchedAt(), v.tags(), v.durability(), v.repurchaseDays(), true, v.stub(),
                v.updatedAt(), v.cost(), v.stockQuantity());
    }
}
