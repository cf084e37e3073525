package io.lodestar.campaign.dispatch;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.lodestar.campaign.campaign.Campaign;
import io.lodestar.campaign.campaign.CampaignDefinition;
import io.lodestar.campaign.campaign.CampaignRepository;
import io.lodestar.campaign.campaign.CampaignValidator;
import io.lodestar.campaign.config.CampaignConfig;
import io.lodestar.campaign.contact.Contact;
import io.lodestar.campaign.contact.ContactRepository;
import io.lodestar.campaign.coupon.CouponCodes;
import io.lodestar.campaign.coupon.CouponRepository;
import io.lodestar.campaign.delivery.ChannelPacer;
import io.lodestar.campaign.delivery.DeliveryDecision;
import io.lodestar.campaign.delivery.DeliveryPolicy;
import io.lodestar.campaign.delivery.FrequencyCaps;
import io.lodestar.campaign.delivery.SentCounts;
import io.lodestar.contracts.EventEnvelope;
import io.lodestar.contracts.EventType;
import io.lodestar.contracts.MessageChannel;
import io.lodestar.contracts.campaign.MessageDispatched;
import io.lodestar.platform.outbox.OutboxService;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Decides and sends a batch of messages: per customer, consent for the channel, frequency caps and the send window
 * in their time zone, with fallback to the next channel ({@link DeliveryPolicy}); then the campaign's message and
 * coupon budgets. Messages that may go now are rendered (recommendations fetched outside any transaction), then one
 * transaction writes every decision under its idempotency key, and for the decisions that are new the outbox
 * events, cap counters and coupons. A retried batch therefore sends nothing twice.
 */
@ApplicationScoped
public class DispatchService {

    static final String PRODUCER = "campaign-service";

    /**
     * What the caller writes in the same transaction: {@code claim} runs first and may refuse (another worker did this
     * batch: nothing is written), {@code record} runs last with the outcome.
     */
    public interface Commit {
        Uni<Boolean> claim(SqlConnection connection);

        Uni<Void> record(SqlConnection connection, DeliveryOutcome outcome, Set<UUID> inserted);
    }

    /** The batch was done by another worker meanwhile; nothing was written. */
    public static final class StaleBatchException extends RuntimeException {
        public StaleBatchException() {
            super("batch already decided by another worker", null, false, false);
        }
    }

    private record Decided(Delivery delivery, Contact contact, MessageChannel channel, MessageStatus status,
                           String skipReason, Instant releaseAt, String couponCode, BigDecimal cost) {
    }

    private final Pool pool;
    private final ContactRepository contacts;
    private final SendCounterRepository counters;
    private final MessageRepository messages;
    private final CouponRepository coupons;
    private final CampaignRepository campaigns;
    private final OutboxService outbox;
    private final MessageRenderer renderer;
    private final CampaignValidator validator;
    private final DeliveryPolicy policy;
    private final FrequencyCaps caps;
    private final ChannelPacer pacer;
    private final int renderConcurrency;

    public DispatchService(Pool pool, ContactRepository contacts, SendCounterRepository counters,
                           MessageRepository messages, CouponRepository coupons, CampaignRepository campaigns,
                           OutboxService outbox,
                           MessageRenderer renderer, CampaignValidator validator, DeliveryRules rules,
                           CampaignConfig config) {
        this.pool = pool;
        this.contacts = contacts;
        this.counters = counters;
        this.messages = messages;
        this.coupons = coupons;
        this.campaigns = campaigns;
        this.outbox = outbox;
        this.renderer = renderer;
        this.validator = validator;
        this.policy = rules.policy();
        this.caps = rules.caps();
        this.pacer = rules.pacer();
        this.renderConcurrency = config.dispatch().recommendationConcurrency();
    }

    /** Decides and sends {@code deliveries} (all of one campaign) as of {@code now}. */
    public Uni<DeliveryOutcome> deliver(Campaign campaign, List<Delivery> deliveries, Instant now, Commit commit) {
        if (deliveries.isEmpty()) {
            return pool.withTransaction(connection -> commit.claim(connection).chain(claimed -> {
                if (!claimed) {
                    return Uni.createFrom().failure(new StaleBatchException());
                }
                return commit.record(connection, DeliveryOutcome.NONE, Set.of()).replaceWith(DeliveryOutcome.NONE);
            }));
        }
        List<String> customerIds = new ArrayList<>(new LinkedHashSet<>(deliveries.stream()
                .map(Delivery::customerId).toList()));
        // Seven local days back covers any week cap; one more for time zones ahead of UTC.
        LocalDate since = now.atZone(ZoneOffset.UTC).toLocalDate().minusDays(8);
        CampaignDefinition definition = campaign.definition();
        return pool.withConnection(connection -> contacts.find(connection, customerIds)
                        .chain(found -> counters.counts(connection, customerIds, since)
                                .chain(counts -> (definition.offer() == null
                                                ? Uni.createFrom().item(Map.<String, Integer>of())
                                                : coupons.issuedPerCustomer(connection, campaign.id(), customerIds))
                                        .map(issued -> decide(campaign, deliveries, found, counts, issued,
                                                now)))))
                .chain(decided -> render(campaign, decided).chain(rendered -> write(campaign, decided, rendered, now,
                        commit)));
    }

    private List<Decided> decide(Campaign campaign, List<Delivery> deliveries, Map<String, Contact> found,
                                 Map<String, SentCounts> counts, Map<String, Integer> couponsIssued, Instant now) {
        CampaignDefinition definition = campaign.definition();
        var window = validator.window(definition.sendWindow());
        Map<MessageChannel, BigDecimal> cost = new java.util.EnumMap<>(MessageChannel.class);
        definition.channels().forEach(c -> cost.put(c.channel(), c.costPerMessage()));
        BigDecimal budgetLeft = definition.budget() == null ? null : definition.budget().subtract(campaign.spent());
        BigDecimal offerLeft = definition.offer() == null ? BigDecimal.ZERO
                : definition.offer().budget().subtract(campaign.couponsIssuedValue());
        Map<String, Integer> couponsPerCustomer = new HashMap<>(couponsIssued);
        List<Decided> decided = new ArrayList<>(deliveries.size());
        for (Delivery delivery : deliveries) {
            Contact contact = found.getOrDefault(delivery.customerId(), Contact.unknown(delivery.customerId()));
            DeliveryDecision decision = policy.decide(delivery.channels(), contact.consented(), contact.zone(), now,
                    window, caps, counts.getOrDefault(delivery.customerId(), SentCounts.none()),
                    definition.transactional());
            MessageChannel channel;
            Instant release;
            MessageStatus status;
            if (decision instanceof DeliveryDecision.Send send) {
                channel = send.channel();
                release = send.sendAt();
                status = MessageStatus.DISPATCHED;
            } else if (decision instanceof DeliveryDecision.Hold hold) {
                channel = hold.channel();
                release = hold.releaseAt();
                status = MessageStatus.HELD;
            } else {
                DeliveryDecision.Skip skip = (DeliveryDecision.Skip) decision;
                decided.add(new Decided(delivery, contact, null, MessageStatus.SKIPPED,
                        io.lodestar.contracts.WireNames.of(skip.reason()), null, null, BigDecimal.ZERO));
                continue;
            }
            BigDecimal messageCost = cost.getOrDefault(channel, BigDecimal.ZERO);
            if (budgetLeft != null && budgetLeft.compareTo(messageCost) < 0) {
                decided.add(new Decided(delivery, contact, channel, MessageStatus.SKIPPED, "budget_exhausted", null,
                        null, BigDecimal.ZERO));
                continue;
            }
            String couponCode = null;
            if (delivery.withOffer() && definition.offer() != null) {
                CampaignDefinition.Offer offer = definition.offer();
                int had = couponsPerCustomer.getOrDefault(delivery.customerId(), 0);
                if (had >= offer.perCustomerLimit()) {
                    decided.add(new Decided(delivery, contact, channel, MessageStatus.SKIPPED, "coupon_limit_reached",
                            null, null, BigDecimal.ZERO));
                    continue;
                }
                if (offerLeft.compareTo(offer.faceValue()) < 0) {
                    decided.add(new Decided(delivery, contact, channel, MessageStatus.SKIPPED,
                            "offer_budget_exhausted", null, null, BigDecimal.ZERO));
                    continue;
                }
                offerLeft = offerLeft.subtract(offer.faceValue());
                couponsPerCustomer.put(delivery.customerId(), had + 1);
                couponCode = CouponCodes.forKey(delivery.idempotencyKey());
            }
            if (budgetLeft != null) {
                budgetLeft = budgetLeft.subtract(messageCost);
            }
            decided.add(new Decided(delivery, contact, channel, status, null, release, couponCode, messageCost));
        }
        return decided;
    }

    /** Renders the messages that go now (held ones are rendered when released); index-aligned with {@code decided}. */
    private Uni<List<MessageRenderer.Rendered>> render(Campaign campaign, List<Decided> decided) {
        CampaignDefinition.Offer offer = campaign.definition().offer();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < decided.size(); i++) {
            if (decided.get(i).status() == MessageStatus.DISPATCHED) {
                positions.add(i);
            }
        }
        MessageRenderer.Rendered[] rendered = new MessageRenderer.Rendered[decided.size()];
        if (positions.isEmpty()) {
            return Uni.createFrom().item(java.util.Arrays.asList(rendered));
        }
        return Multi.createFrom().iterable(positions)
                .onItem().transformToUni(i -> {
                    Decided d = decided.get(i);
                    return renderer.render(d.delivery().template(), d.contact(), offer, d.couponCode())
                            .invoke(r -> rendered[i] = r);
                }).merge(renderConcurrency)
                .collect().last()
                .map(ignored -> java.util.Arrays.asList(rendered));
    }

    private Uni<DeliveryOutcome> write(Campaign campaign, List<Decided> decided, List<MessageRenderer.Rendered> rendered,
                                       Instant now, Commit commit) {
        List<MessageRow> rows = new ArrayList<>(decided.size());
        Map<String, Instant> sendAt = new HashMap<>();
        for (int i = 0; i < decided.size(); i++) {
            Decided d = decided.get(i);
            Delivery delivery = d.delivery();
            MessageRenderer.Rendered r = rendered.get(i);
            Instant dispatchedAt = d.status() == MessageStatus.DISPATCHED ? now : null;
            if (d.status() == MessageStatus.DISPATCHED) {
                sendAt.put(delivery.idempotencyKey(), pacer.slot(d.channel(), d.releaseAt()));
            }
            rows.add(new MessageRow(delivery.messageId(), delivery.idempotencyKey(), campaign.id(), delivery.runId(),
                    delivery.journeyInstanceId(), delivery.stepId(), delivery.customerId(), delivery.group(),
                    d.channel(), d.status(), d.skipReason(), delivery.template(), delivery.withOffer(),
                    r == null ? null : r.content(), d.couponCode(), r == null ? null : r.recommendedItemIds(),
                    r != null && r.fallback(), d.cost(), now,
                    d.status() == MessageStatus.HELD ? d.releaseAt() : null, dispatchedAt));
        }
        boolean counted = !campaign.definition().transactional();
        CampaignDefinition.Offer offer = campaign.definition().offer();
        return pool.withTransaction(connection -> commit.claim(connection).chain(claimed -> {
            if (!claimed) {
                return Uni.createFrom().failure(new StaleBatchException());
            }
            return messages.insertNew(connection, rows).chain(inserted -> {
                List<EventEnvelope<?>> events = new ArrayList<>();
                List<SendCounterRepository.Increment> increments = new ArrayList<>();
                List<CouponRepository.Issue> issues = new ArrayList<>();
                int dispatched = 0;
                int held = 0;
                int skipped = 0;
                BigDecimal cost = BigDecimal.ZERO;
                for (int i = 0; i < rows.size(); i++) {
                    MessageRow row = rows.get(i);
                    if (!inserted.contains(row.messageId())) {
                        continue;
                    }
                    Decided d = decided.get(i);
                    switch (row.status()) {
                        case DISPATCHED -> {
                            dispatched++;
                            events.add(dispatchedEvent(row, sendAt.get(row.idempotencyKey()), now));
                        }
                        case HELD -> held++;
                        default -> skipped++;
                    }
                    if (row.status() != MessageStatus.SKIPPED) {
                        cost = cost.add(row.cost());
                        if (counted) {
                            increments.add(new SendCounterRepository.Increment(row.customerId(), row.channel(),
                                    d.releaseAt().atZone(d.contact().zone()).toLocalDate()));
                        }
                        if (row.couponCode() != null) {
                            issues.add(new CouponRepository.Issue(row.couponCode(), campaign.id(), row.customerId(),
                                    offer.faceValue(), now, d.releaseAt().plus(offer.validFor())));
                        }
                    }
                }
                DeliveryOutcome outcome = new DeliveryOutcome(dispatched, held, skipped, rows.size() - inserted.size());
                return campaigns.addSpend(connection, campaign.id(), cost, BigDecimal.valueOf(issues.size())
                                .multiply(offer == null ? BigDecimal.ZERO : offer.faceValue()))
                        .chain(() -> outbox.enqueueAll(connection, events))
                        .chain(() -> counters.increment(connection, increments))
                        .chain(() -> coupons.insert(connection, issues))
                        .chain(() -> commit.record(connection, outcome, inserted))
                        .replaceWith(outcome);
            });
        }));
    }

    /** The event a gateway receives; its id is the message id, so gateways can de-duplicate on either. */
    static EventEnvelope<MessageDispatched> dispatchedEvent(MessageRow row, Instant sendAt, Instant now) {
        return EventEnvelope.of(row.messageId(), now, EventType.CAMPAIGN_MESSAGE_DISPATCHED, PRODUCER,
                row.customerId(), new MessageDispatched(row.messageId().toString(), row.campaignId(),
                        row.journeyInstanceId() == null ? null : row.journeyInstanceId().toString(), row.group(),
                        row.channel(), row.customerId(), row.stepId(), row.content(), row.couponCode(),
                        row.recommendedItemIds(), sendAt));
    }

    /** For releasing held messages: the event of a message that was held. */
    static EventEnvelope<MessageDispatched> releasedEvent(UUID messageId, MessageRepository.Held held, String content,
                                                          List<String> items, Instant sendAt, Instant now) {
        return EventEnvelope.of(messageId, now, EventType.CAMPAIGN_MESSAGE_DISPATCHED, PRODUCER, held.customerId(),
                new MessageDispatched(messageId.toString(), held.campaignId(),
                        held.journeyInstanceId() == null ? null : held.journeyInstanceId().toString(), held.group(),
                        held.channel(), held.customerId(), held.stepId(), content, held.couponCode(), items, sendAt));
    }
}
