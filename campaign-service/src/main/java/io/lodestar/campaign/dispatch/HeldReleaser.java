package io.lodestar.campaign.dispatch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.lodestar.campaign.campaign.Campaign;
import io.lodestar.campaign.campaign.CampaignRepository;
import io.lodestar.campaign.config.CampaignConfig;
import io.lodestar.campaign.contact.Contact;
import io.lodestar.campaign.contact.ContactRepository;
import io.lodestar.contracts.EventEnvelope;
import io.lodestar.platform.outbox.OutboxService;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Releases messages held for quiet hours once the customer's send window opens: rendered then (so recommendations
 * are fresh), and only if the customer still consents to the channel — else withdrawn. The caps were counted when
 * the message was held, on the local day it is released.
 */
@ApplicationScoped
public class HeldReleaser {

    static final int BATCH = 500;

    private final Pool pool;
    private final MessageRepository messages;
    private final ContactRepository contacts;
    private final CampaignRepository campaigns;
    private final MessageRenderer renderer;
    private final OutboxService outbox;
    private final DeliveryRules rules;
    private final CampaignConfig config;

    public HeldReleaser(Pool pool, MessageRepository messages, ContactRepository contacts, CampaignRepository campaigns,
                        MessageRenderer renderer, OutboxService outbox, DeliveryRules rules, CampaignConfig config) {
        this.pool = pool;
        this.messages = messages;
        this.contacts = contacts;
        this.campaigns = campaigns;
        this.renderer = renderer;
        this.outbox = outbox;
        this.rules = rules;
        this.config = config;
    }

    private record Loaded(Map<String, Contact> contacts, Map<String, Campaign> campaigns) {
    }

    private record Release(MessageRepository.Held held, Contact contact, MessageRenderer.Rendered rendered) {
    }

    /** Releases one batch of due messages; returns how many went out. */
    public Uni<Integer> releaseDue(Instant now) {
        Instant lease = now.plus(config.dispatch().claimTimeout());
        return pool.withTransaction(connection -> messages.claimDue(connection, now, lease, BATCH))
                .chain(held -> held.isEmpty() ? Uni.createFrom().item(0) : release(held, now));
    }

    private Uni<Integer> release(List<MessageRepository.Held> held, Instant now) {
        List<String> customerIds = held.stream().map(MessageRepository.Held::customerId).distinct().toList();
        List<String> campaignIds = held.stream().map(MessageRepository.Held::campaignId).distinct().toList();
        return pool.withConnection(connection -> contacts.find(connection, customerIds)
                        .chain(found -> Multi.createFrom().iterable(campaignIds)
                                .onItem().transformToUniAndConcatenate(id -> campaigns.find(connection, id))
                                .collect().asList()
                                .map(list -> {
                                    Map<String, Campaign> byId = new HashMap<>();
                                    list.forEach(c -> c.ifPresent(campaign -> byId.put(campaign.id(), campaign)));
                                    return new Loaded(found, byId);
                                })))
                .chain(loaded -> Multi.createFrom().iterable(held)
                        .onItem().transformToUni(message -> {
                            Contact contact = loaded.contacts().getOrDefault(message.customerId(),
                                    Contact.unknown(message.customerId()));
                            Campaign campaign = loaded.campaigns().get(message.campaignId());
                            if (!contact.consented().contains(message.channel()) || campaign == null) {
                                return Uni.createFrom().item(new Release(message, contact, null));
                            }
                            return renderer.render(message.template(), contact, campaign.definition().offer(),
                                    message.couponCode()).map(r -> new Release(message, contact, r));
                        }).merge(config.dispatch().recommendationConcurrency())
                        .collect().asList())
                .chain(releases -> pool.withTransaction(connection -> {
                    List<EventEnvelope<?>> events = new ArrayList<>();
                    return Multi.createFrom().iterable(releases)
                            .onItem().transformToUniAndConcatenate(r -> r.rendered() == null
                                    ? messages.withdraw(connection, r.held().messageId(), "consent_withdrawn")
                                            .replaceWith(false)
                                    : messages.release(connection, r.held().messageId(), r.rendered().content(),
                                            r.rendered().recommendedItemIds(), r.rendered().fallback(), now)
                                            .invoke(released -> {
                                                if (released) {
                                                    events.add(DispatchService.releasedEvent(r.held().messageId(),
                                                            r.held(), r.rendered().content(),
                                                            r.rendered().recommendedItemIds(),
                                                            rules.pacer().slot(r.held().channel(), now), now));
                                                }
                                            }))
                            .collect().asList()
                            .chain(() -> outbox.enqueueAll(connection, events))
                            .replaceWith(events.size());
                }));
    }
}
