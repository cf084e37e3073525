package io.lodestar.recommendation.serving;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Why an item is recommended; {@link #text(String)} phrases it for the customer. */
public enum Reason {
    @JsonProperty("similar_to") SIMILAR_TO("similar to %s"),
    @JsonProperty("bought_together") BOUGHT_TOGETHER("bought together with %s"),
    @JsonProperty("goes_with_first_purchase") GOES_WITH_FIRST_PURCHASE("goes with your first purchase, %s"),
    @JsonProperty("bought_after") BOUGHT_AFTER("customers who bought %s bought it some days later"),
    @JsonProperty("due_again") DUE_AGAIN("time to stock up on %s again"),
    @JsonProperty("your_taste") YOUR_TASTE("picked for your taste"),
    @JsonProperty("popular_in_segment") POPULAR_IN_SEGMENT("popular in your segment"),
    @JsonProperty("popular_in_region") POPULAR_IN_REGION("popular in your region"),
    @JsonProperty("popular_in_age_band") POPULAR_IN_AGE_BAND("popular with customers your age"),
    @JsonProperty("popular_in_category") POPULAR_IN_CATEGORY("popular in %s"),
    @JsonProperty("trending") TRENDING("trending now"),
    @JsonProperty("popular") POPULAR("popular right now"),
    @JsonProperty("same_category") SAME_CATEGORY("like %s: same category");

    private final String template;

    Reason(String template) {
        this.template = template;
    }

    /** The reason in words; {@code subject} is the anchor item's title (or id, or category). */
    public String text(String subject) {
        return template.contains("%s") ? String.format(template, subject == null ? "an item you viewed" : subject)
                : template;
    }
}
