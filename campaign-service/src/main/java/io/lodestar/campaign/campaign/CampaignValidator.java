package io.lodestar.campaign.campaign;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.lodestar.campaign.config.CampaignConfig;
import io.lodestar.campaign.delivery.SendWindow;
import io.lodestar.campaign.experiment.ExperimentDesign;
import io.lodestar.campaign.experiment.VariantWeight;
import io.lodestar.campaign.journey.JourneyStep;
import io.lodestar.campaign.journey.JourneyValidator;
import io.lodestar.campaign.template.MessageTemplate;
import io.lodestar.contracts.MessageChannel;
import io.lodestar.platform.problem.Problem;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The rules of a campaign definition that span fields (Bean Validation checks the single fields): templates name only
 * known variables, a coupon placeholder has an offer, offers are complete and affordable, the schedule is in the
 * future, the send window opens at all, the audience is not empty, variants add up, a journey is sound. Every
 * violation names its field as a JSON path of the request.
 */
@ApplicationScoped
public class CampaignValidator {

    static final Duration MIN_RECURRENCE = Duration.ofHours(1);

    private final CampaignConfig config;

    public CampaignValidator(CampaignConfig config) {
        this.config = config;
    }

    /** Violations of a definition as written (draft rules). */
    public List<Problem.Violation> validate(CampaignDefinition definition) {
        List<Problem.Violation> violations = new ArrayList<>();
        boolean hasOffer = definition.offer() != null;
        template("template", definition.template(), hasOffer, violations);
        for (int i = 0; i < definition.variants().size(); i++) {
            CampaignDefinition.Variant variant = definition.variants().get(i);
            if (variant.template() != null) {
                template("variants[" + i + "].template", variant.template(), hasOffer, violations);
            }
        }
        channels(definition, violations);
        if (definition.audience().isEmpty() && !definition.isJourney()) {
            violations.add(new Problem.Violation("audience", "names no segment and no customer: nobody would be targeted"));
        }
        if (definition.offer() != null) {
            offer(definition.offer(), violations);
        }
        budget(definition, violations);
        variants(definition, violations);
        if (definition.sendWindow() != null && window(definition.sendWindow()).neverOpens()) {
            violations.add(new Problem.Violation("sendWindow", "never opens (start equals end, or no days)"));
        }
        if (definition.attributionWindow() != null && (definition.attributionWindow().isNegative()
                || definition.attributionWindow().isZero() || definition.attributionWindow().toDays() > 90)) {
            violations.add(new Problem.Violation("attributionWindow", "must be more than zero and at most 90 days"));
        }
        if (definition.isJourney()) {
            for (io.lodestar.campaign.journey.Violation violation : JourneyValidator.validate(definition.journey())) {
                violations.add(new Problem.Violation(violation.field(), violation.message()));
            }
            List<JourneyStep> steps = definition.journey().steps() == null ? List.of() : definition.journey().steps();
            for (int i = 0; i < steps.size(); i++) {
                if (steps.get(i) instanceof JourneyStep.Send send && send.template() != null
                        && !send.template().isBlank()) {
                    template("journey.steps[" + i + "].template", send.template(), hasOffer && send.withOffer(),
                            violations);
                    if (send.withOffer() && !hasOffer) {
                        violations.add(new Problem.Violation("journey.steps[" + i + "].withOffer",
                                "the campaign has no offer"));
                    }
                }
            }
        } else if (definition.schedule() == null) {
            violations.add(new Problem.Violation("schedule", "a broadcast needs a schedule (now, at or recurring)"));
        } else {
            schedule(definition.schedule(), Instant.now(), violations);
        }
        return violations;
    }

    /** Violations when the campaign is scheduled at {@code now}: the draft rules, and a schedule still in the future. */
    public List<Problem.Violation> validateForScheduling(CampaignDefinition definition, Instant now) {
        List<Problem.Violation> violations = validate(definition);
        if (!definition.isJourney() && definition.schedule() != null) {
            violations.removeIf(v -> v.field().startsWith("schedule"));
            schedule(definition.schedule(), now, violations);
        }
        return violations;
    }

    /** The send window of a definition, or the configured default. */
    public SendWindow window(CampaignDefinition.SendWindow window) {
        if (window == null) {
            return new SendWindow(config.defaultSendWindow().start(), config.defaultSendWindow().end(),
                    EnumSet.allOf(DayOfWeek.class));
        }
        Set<DayOfWeek> days = window.days() == null ? EnumSet.allOf(DayOfWeek.class) : window.days();
        return new SendWindow(window.start(), window.end(), days);
    }

    private static void template(String field, String text, boolean hasOffer, List<Problem.Violation> violations) {
        try {
            MessageTemplate template = MessageTemplate.parse(text);
            if (template.uses(MessageTemplate.Variable.COUPON) && !hasOffer) {
                violations.add(new Problem.Violation(field, "uses {{coupon}} but the campaign has no offer"));
            }
        } catch (IllegalArgumentException e) {
            violations.add(new Problem.Violation(field, e.getMessage()));
        }
    }

    private static void channels(CampaignDefinition definition, List<Problem.Violation> violations) {
        Set<MessageChannel> seen = new HashSet<>();
        for (int i = 0; i < definition.channels().size(); i++) {
            if (!seen.add(definition.channels().get(i).channel())) {
                violations.add(new Problem.Violation("channels[" + i + "].channel", "listed twice"));
            }
        }
    }

    private static void offer(CampaignDefinition.Offer offer, List<Problem.Violation> violations) {
        switch (offer.type()) {
            case THRESHOLD_DISCOUNT -> {
                required("offer.threshold", offer.threshold(), violations);
                required("offer.amount", offer.amount(), violations);
                if (offer.threshold() != null && offer.amount() != null
                        && offer.amount().compareTo(offer.threshold()) >= 0) {
                    violations.add(new Problem.Violation("offer.amount", "must be below the threshold"));
                }
            }
            case PERCENTAGE -> {
                if (offer.percent() == null) {
                    violations.add(new Problem.Violation("offer.percent", "required for a percentage offer"));
                }
                required("offer.maxDiscount", offer.maxDiscount(), violations);
            }
            case GIFT_WITH_PURCHASE -> {
                required("offer.threshold", offer.threshold(), violations);
                required("offer.giftValue", offer.giftValue(), violations);
                if (offer.gift() == null || offer.gift().isBlank()) {
                    violations.add(new Problem.Violation("offer.gift", "required for a gift with purchase"));
                }
            }
            case NO_THRESHOLD_VOUCHER -> required("offer.amount", offer.amount(), violations);
        }
        BigDecimal face = offer.faceValue();
        if (face != null && offer.budget() != null && offer.budget().compareTo(face) < 0) {
            violations.add(new Problem.Violation("offer.budget", "below the value of one coupon (" + face + ")"));
        }
        if (offer.validFor() != null && (offer.validFor().isNegative() || offer.validFor().isZero())) {
            violations.add(new Problem.Violation("offer.validFor", "must be positive"));
        }
    }

    private static void required(String field, Object value, List<Problem.Violation> violations) {
        if (value == null) {
            violations.add(new Problem.Violation(field, "required for this offer type"));
        }
    }

    private static void budget(CampaignDefinition definition, List<Problem.Violation> violations) {
        if (definition.budget() == null) {
            return;
        }
        BigDecimal cheapest = definition.channels().stream().map(CampaignDefinition.ChannelCost::costPerMessage)
                .filter(java.util.Objects::nonNull).min(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
        if (definition.budget().compareTo(cheapest) < 0 || definition.budget().signum() == 0) {
            violations.add(new Problem.Violation("budget", "below the cost of one message (" + cheapest + ")"));
        }
    }

    private void variants(CampaignDefinition definition, List<Problem.Violation> violations) {
        if (definition.variants().isEmpty()) {
            return;
        }
        ExperimentDesign design = design(definition, config);
        for (io.lodestar.campaign.experiment.Violation violation : design.validate()) {
            violations.add(new Problem.Violation(violation.field(), violation.message()));
        }
    }

    /** The experiment a campaign runs: its variants (one implicit "default" when it has none) and control group. */
    public static ExperimentDesign design(CampaignDefinition definition, CampaignConfig config) {
        List<VariantWeight> weights = definition.variants().isEmpty()
                ? List.of(new VariantWeight(DEFAULT_VARIANT, 100))
                : definition.variants().stream().map(v -> new VariantWeight(v.name(), v.percent())).toList();
        return new ExperimentDesign(weights, definition.controlPercentOrZero(), config.globalHoldoutPercent(),
                config.holdoutSalt());
    }

    /** The group name of messaged customers of a campaign without variants. */
    public static final String DEFAULT_VARIANT = "default";

    private static void schedule(CampaignDefinition.Schedule schedule, Instant now,
                                 List<Problem.Violation> violations) {
        switch (schedule.type()) {
            case NOW -> {
            }
            case AT -> {
                if (schedule.at() == null) {
                    violations.add(new Problem.Violation("schedule.at", "required for a schedule at a time"));
                } else if (schedule.at().isBefore(now)) {
                    violations.add(new Problem.Violation("schedule.at", "is in the past (" + schedule.at() + ")"));
                }
            }
            case RECURRING -> {
                if (schedule.at() != null && schedule.at().isBefore(now)) {
                    violations.add(new Problem.Violation("schedule.at", "is in the past (" + schedule.at() + ")"));
                }
                if (schedule.every() == null || schedule.every().compareTo(MIN_RECURRENCE) < 0) {
                    violations.add(new Problem.Violation("schedule.every", "required, at least PT1H"));
                }
                if (schedule.until() != null && !schedule.until().isAfter(schedule.at() == null ? now : schedule.at())) {
                    violations.add(new Problem.Violation("schedule.until", "must be after the first run"));
                }
            }
        }
    }
}
