package io.lodestar.campaign.campaign;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import io.lodestar.campaign.journey.JourneyDefinition;
import io.lodestar.contracts.MessageChannel;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Everything an operator defines about a campaign: the body of {@code POST /campaigns} and {@code PUT
 * /campaigns/{id}}, stored whole as JSON. Field rules Bean Validation can express are here; rules across fields
 * (templates, schedule, window, journey) are in {@link CampaignValidator}.
 *
 * @param journey present for a triggered journey (then {@code schedule} and {@code audience} only bound who may enter);
 *                absent for a broadcast to the audience
 */
public record CampaignDefinition(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 100) String owner,
        @Valid Goal goal,
        @NotNull @Valid Audience audience,
        @NotEmpty @Valid List<ChannelCost> channels,
        @Schema(description = "Default message text; variables {{name}}, {{recommendations}}, {{coupon}}")
        @NotBlank @Size(max = 2000) String template,
        @Valid List<Variant> variants,
        @Schema(description = "Share (0-50 %) of the audience kept as a control group: targeted, never messaged")
        @Min(0) @Max(50) Integer controlPercent,
        @Valid Offer offer,
        @Schema(description = "Most money the campaign may spend on messages (channel costs); absent = no limit")
        @DecimalMin("0") BigDecimal budget,
        @Valid Schedule schedule,
        @Valid SendWindow sendWindow,
        @Schema(description = "Transactional messages (service notices) ignore frequency caps and quiet hours")
        @JsonSetter(nulls = Nulls.AS_EMPTY) boolean transactional,
        @Schema(description = "Orders paid this long after a touch are attributed to it; default from config (P7D)")
        Duration attributionWindow,
        @Valid JourneyDefinition journey) {

    public CampaignDefinition {
        variants = variants == null ? List.of() : List.copyOf(variants);
        channels = channels == null ? null : List.copyOf(channels);
    }

    @JsonIgnore
    public boolean isJourney() {
        return journey != null;
    }

    public int controlPercentOrZero() {
        return controlPercent == null ? 0 : controlPercent;
    }

    /** e.g. metric {@code repurchase_rate}, target {@code +5} % in 30 days, among "important value" customers. */
    public record Goal(@NotBlank @Size(max = 100) String metric,
                       @Size(max = 500) String description,
                       BigDecimal targetChangePercent,
                       @Min(1) @Max(365) Integer days) {
    }

    /**
     * Who is targeted: members of any of {@code segments} (RFM classes, clusters, rule segments, lifecycle and churn
     * groups of segmentation-service, by id) or the uploaded {@code customerIds}, minus members of
     * {@code excludeSegments}.
     */
    public record Audience(List<@NotBlank String> segments,
                           @Size(max = 100_000) List<@NotBlank String> customerIds,
                           List<@NotBlank String> excludeSegments) {

        public Audience {
            segments = segments == null ? List.of() : List.copyOf(segments);
            customerIds = customerIds == null ? List.of() : List.copyOf(customerIds);
            excludeSegments = excludeSegments == null ? List.of() : List.copyOf(excludeSegments);
        }

        @JsonIgnore
        public boolean isEmpty() {
            return segments.isEmpty() && customerIds.isEmpty();
        }
    }

    /** A channel the campaign may use, in preference order (the next one is the fallback), and what a message costs. */
    public record ChannelCost(@NotNull MessageChannel channel,
                              @NotNull @DecimalMin("0") BigDecimal costPerMessage) {
    }

    /** An A/B variant: its share of the messaged audience and its own text (default: the campaign's template). */
    public record Variant(@NotBlank @Size(max = 40) String name,
                          @Min(1) @Max(100) int percent,
                          @Size(max = 2000) String template) {
    }

    /**
     * The coupon a message carries ({{coupon}}). {@code faceValue} is what one coupon costs at most, counted against
     * {@code budget}: the discount of a threshold discount or voucher, {@code maxDiscount} of a percentage, the gift's
     * value for gift-with-purchase.
     */
    public record Offer(@NotNull OfferType type,
                        @Schema(description = "Order amount from which the offer applies (满减 / 满赠)")
                        @DecimalMin("0") BigDecimal threshold,
                        @Schema(description = "Discount of a threshold discount or a voucher")
                        @DecimalMin("0") BigDecimal amount,
                        @Min(1) @Max(90) Integer percent,
                        @DecimalMin("0") BigDecimal maxDiscount,
                        @Size(max = 200) String gift,
                        @DecimalMin("0") BigDecimal giftValue,
                        @NotBlank @Size(min = 3, max = 3) String currency,
                        @NotNull @DecimalMin("0") BigDecimal budget,
                        @Min(1) @Max(100) int perCustomerLimit,
                        @NotNull Duration validFor) {

        public BigDecimal faceValue() {
            return switch (type) {
                case THRESHOLD_DISCOUNT, NO_THRESHOLD_VOUCHER -> amount;
                case PERCENTAGE -> maxDiscount;
                case GIFT_WITH_PURCHASE -> giftValue;
            };
        }

        /** How the coupon reads in a message, e.g. "满199减30" style "30 CNY off orders from 199 CNY". */
        public String describe() {
            return switch (type) {
                case THRESHOLD_DISCOUNT -> amount.toPlainString() + " " + currency + " off orders from "
                        + threshold.toPlainString() + " " + currency;
                case PERCENTAGE -> percent + "% off (up to " + maxDiscount.toPlainString() + " " + currency + ")";
                case GIFT_WITH_PURCHASE -> "a free " + gift + " with orders from " + threshold.toPlainString() + " "
                        + currency;
                case NO_THRESHOLD_VOUCHER -> "a " + amount.toPlainString() + " " + currency + " voucher";
            };
        }
    }

    public enum OfferType {
        /** 满减: amount off from a threshold. */
        @JsonProperty("threshold_discount") THRESHOLD_DISCOUNT,
        @JsonProperty("percentage") PERCENTAGE,
        /** 满赠: a gift from a threshold. */
        @JsonProperty("gift_with_purchase") GIFT_WITH_PURCHASE,
        @JsonProperty("no_threshold_voucher") NO_THRESHOLD_VOUCHER
    }

    /** When a broadcast runs: now, at a time, or every {@code every} from {@code at} until {@code until}. */
    public record Schedule(@NotNull ScheduleType type, Instant at, Duration every, Instant until) {
    }

    public enum ScheduleType {
        @JsonProperty("now") NOW,
        @JsonProperty("at") AT,
        @JsonProperty("recurring") RECURRING
    }

    /**
     * When customers may receive it, in each one's own time zone; {@code end} before {@code start} crosses midnight.
     * Absent: the service's default window (lodestar.campaign.default-send-window).
     */
    public record SendWindow(@NotNull LocalTime start, @NotNull LocalTime end, Set<DayOfWeek> days) {
    }
}
