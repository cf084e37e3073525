package io.lodestar.recommendation.serving;

/**
 * One recommended item.
 *
 * @param model  the model that contributed most to its score ({@code als}, {@code item-cf}, {@code association},
 *               {@code popularity}, {@code content}, {@code repurchase})
 * @param reason why, as a code and in words
 */
public record RecommendedItem(String itemId, String title, String category, double score, String model,
                              Reason reason, String reasonText, String becauseOf) {
}
