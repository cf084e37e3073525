package io.lodestar.campaign.attribution;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.lodestar.campaign.campaign.Campaign;
import io.lodestar.campaign.campaign.CampaignRepository;
import io.lodestar.campaign.config.CampaignConfig;
import io.lodestar.campaign.contact.ContactRepository;
import io.lodestar.campaign.coupon.CouponRepository;
import io.lodestar.campaign.dispatch.MessageRepository;
import io.lodestar.campaign.journey.JourneyEvent;
import io.lodestar.campaign.journey.JourneyService;
import io.lodestar.contracts.EventEnvelope;
import io.lodestar.contracts.order.OrderPaid;
import io.lodestar.contracts.order.OrderRefunded;
import io.lodestar.platform.messaging.IdempotentConsumerGuard;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What a paid order means to campaigns, in one transaction with the consumer's marker: the order is attributed to
 * the last touch ({@link AttributionRule}); it converts every campaign that targeted the customer within its window
 * (control group included: that is how lift is measured); it redeems its coupon; and it moves the customer's
 * journeys (exit on order, a wait for an order, the first-purchase trigger). Refunds reduce attributed revenue.
 */
@ApplicationScoped
public class AttributionService {

    static final String ORDERS_CONSUMER = "campaign.orders";
    /** The longest attribution window a campaign may set (CampaignValidator): touches older than this never count. */
    static final Duration LONGEST_WINDOW = Duration.ofDays(90);

    private final Pool pool;
    private final IdempotentConsumerGuard guard;
    private final MessageRepository messages;
    private final AttributionRepository attributions;
    private final CampaignRepository campaigns;
    private final ContactRepository contacts;
    private final CouponRepository coupons;
    private final JourneyService journeys;
    private final Duration defaultWindow;

    public AttributionService(Pool pool, IdempotentConsumerGuard guard, MessageRepository messages,
                              AttributionRepository attributions, CampaignRepository campaigns,
                              ContactRepository contacts, CouponRepository coupons, JourneyService journeys,
                              CampaignConfig config) {
        this.pool = pool;
        this.guard = guard;
        this.messages = messages;
        this.attributions = attributions;
        this.campaigns = campaigns;
        this.contacts = contacts;
        this.coupons = coupons;
        this.journeys = journeys;
        this.defaultWindow = config.attributionWindow();
    }

    public Uni<Void> applyOrderEvent(EventEnvelope<?> event) {
        if (event.payload() instanceof OrderPaid paid) {
            return pool.withTransaction(connection -> guard.once(connection, ORDERS_CONSUMER, event,
                    () -> paid(connection, paid))).replaceWithVoid();
        }
        if (event.payload() instanceof OrderRefunded refund) {
            return pool.withTransaction(connection -> guard.once(connection, ORDERS_CONSUMER, event,
                    () -> attributions.refund(connection, refund.orderId(), refund.refundAmount()))).replaceWithVoid();
        }
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> paid(SqlConnection connection, OrderPaid paid) {
        Instant since = paid.paidAt().minus(LONGEST_WINDOW);
        return contacts.countPaidOrder(connection, paid.customerId(), paid.paidAt())
                .chain(paidOrders -> messages.touches(connection, paid.customerId(), since)
                        .chain(touches -> attributions.unconverted(connection, paid.customerId(), since)
                                .chain(targeted -> windows(connection, touches, targeted)
                                        .chain(windows -> attribute(connection, paid, touches, windows)
                                                .chain(() -> convert(connection, paid, targeted, windows)))))
                        .chain(() -> paid.couponCode() == null ? Uni.createFrom().voidItem()
                                : coupons.redeem(connection, paid.couponCode(), paid.customerId(), paid.orderId(),
                                        paid.discountAmount(), paid.paidAt()).replaceWithVoid())
                        .chain(() -> journeys.onEvent(connection, paid.customerId(), JourneyEvent.ORDER_PAID,
                                paid.paidAt(), null))
                        .chain(() -> paidOrders == 1
                                ? journeys.onFirstPurchase(connection, paid.customerId(), paid.paidAt())
                                : Uni.createFrom().voidItem()));
    }

    private Uni<Map<String, Duration>> windows(SqlConnection connection, List<MessageRepository.Sent> touches,
                                               List<AttributionRepository.Targeted> targeted) {
        List<String> ids = java.util.stream.Stream.concat(touches.stream().map(MessageRepository.Sent::campaignId),
                targeted.stream().map(AttributionRepository.Targeted::campaignId)).distinct().toList();
        Map<String, Duration> windows = new HashMap<>();
        return Multi.createFrom().iterable(ids)
                .onItem().transformToUniAndConcatenate(id -> campaigns.find(connection, id))
                .invoke(found -> found.ifPresent(campaign -> windows.put(campaign.id(), window(campaign))))
                .collect().last().replaceWith(windows);
    }

    private Duration window(Campaign campaign) {
        Duration window = campaign.definition().attributionWindow();
        return window == null ? defaultWindow : window;
    }

    private Uni<Void> attribute(SqlConnection connection, OrderPaid paid, List<MessageRepository.Sent> touches,
                                Map<String, Duration> windows) {
        return AttributionRule.choose(touches, paid.paidAt(), id -> windows.getOrDefault(id, defaultWindow))
                .map(touch -> attributions.attribute(connection, paid.orderId(), touch, paid.paidAmount(),
                        paid.currency(), paid.paidAt()).replaceWithVoid())
                .orElse(Uni.createFrom().voidItem());
    }

    private Uni<Void> convert(SqlConnection connection, OrderPaid paid, List<AttributionRepository.Targeted> targeted,
                              Map<String, Duration> windows) {
        return Multi.createFrom().iterable(targeted)
                .filter(t -> !t.targetedAt().isAfter(paid.paidAt())
                        && !t.targetedAt().plus(windows.getOrDefault(t.campaignId(), defaultWindow))
                                .isBefore(paid.paidAt()))
                .onItem().transformToUniAndConcatenate(t -> attributions.convert(connection, t.campaignId(),
                        paid.customerId(), paid.orderId(), paid.paidAmount(), paid.paidAt()))
                .collect().last().replaceWithVoid();
    }
}
