package io.lodestar.campaign.dispatch;

import static io.lodestar.platform.persistence.SqlTimes.utc;
import static io.lodestar.platform.persistence.SqlTimes.instant;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.lodestar.contracts.MessageChannel;
import io.lodestar.contracts.WireNames;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/** The SQL of {@code message}: decided messages, held ones, and what gateways report about them. */
@ApplicationScoped
public class MessageRepository {

    // Separates recommended item ids inside one array element of the bulk insert (ids never contain it).
    private static final String ITEM_SEPARATOR = "\u001f";

    /** A held message due for release, with what rendering needs. */
    public record Held(UUID messageId, String campaignId, UUID journeyInstanceId, String stepId, String customerId,
                       String group, MessageChannel channel, String template, boolean withOffer, String couponCode,
                       BigDecimal cost) {
    }

    /** What a gateway's feedback refers to. */
    public record Sent(UUID messageId, String campaignId, String customerId, String group, MessageChannel channel,
                       UUID journeyInstanceId, Instant dispatchedAt, Instant openedAt, Instant clickedAt) {
    }

    /**
     * Inserts decided messages; a message whose idempotency key exists is left alone (a retried page, a redelivered
     * trigger): the message id is derived from the key. Returns the ids actually inserted: only those may go out.
     */
    public Uni<Set<UUID>> insertNew(SqlClient client, List<MessageRow> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        int n = rows.size();
        UUID[] ids = new UUID[n];
        String[] keys = new String[n];
        String[] campaigns = new String[n];
        UUID[] runs = new UUID[n];
        UUID[] instances = new UUID[n];
        String[] steps = new String[n];
        String[] customers = new String[n];
        String[] groups = new String[n];
        String[] channels = new String[n];
        String[] statuses = new String[n];
        String[] reasons = new String[n];
        String[] templates = new String[n];
        Boolean[] offers = new Boolean[n];
        String[] contents = new String[n];
        String[] coupons = new String[n];
        String[] items = new String[n];
        Boolean[] fallbacks = new Boolean[n];
        BigDecimal[] costs = new BigDecimal[n];
        OffsetDateTime[] created = new OffsetDateTime[n];
        OffsetDateTime[] releases = new OffsetDateTime[n];
        OffsetDateTime[] dispatched = new OffsetDateTime[n];
        for (int i = 0; i < n; i++) {
            MessageRow row = rows.get(i);
            ids[i] = row.messageId();
            keys[i] = row.idempotencyKey();
            campaigns[i] = row.campaignId();
            runs[i] = row.runId();
            instances[i] = row.journeyInstanceId();
            steps[i] = row.stepId();
            customers[i] = row.customerId();
            groups[i] = row.group();
            channels[i] = row.channel() == null ? null : WireNames.of(row.channel());
            statuses[i] = row.status().wire();
            reasons[i] = row.skipReason();
            templates[i] = row.template();
            offers[i] = row.withOffer();
            contents[i] = row.content();
            coupons[i] = row.couponCode();
            items[i] = row.recommendedItemIds() == null ? null : String.join(ITEM_SEPARATOR, row.recommendedItemIds());
            fallbacks[i] = row.recommendationsFallback();
            costs[i] = row.cost();
            created[i] = utc(row.createdAt());
            releases[i] = utc(row.releaseAt());
            dispatched[i] = utc(row.dispatchedAt());
        }
        return client.preparedQuery("""
                INSERT INTO message (message_id, idempotency_key, campaign_id, run_id, journey_instance_id, step_id,
                    customer_id, grp, channel, status, skip_reason, template, with_offer, content, coupon_code,
                    recommended_item_ids, recommendations_fallback, cost, created_at, release_at, dispatched_at)
                SELECT m.id, m.key, m.campaign, m.run, m.instance, m.step, m.customer, m.grp, m.channel, m.status,
                    m.reason, m.template, m.offer, m.content, m.coupon,
                    CASE WHEN m.items IS NULL THEN NULL ELSE string_to_array(m.items, E'\\x1F') END,
                    m.fallback, m.cost, m.created, m.release, m.dispatched
                FROM unnest($1::uuid[], $2::text[], $3::text[], $4::uuid[], $5::uuid[], $6::text[], $7::text[],
                    $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::boolean[], $14::text[],
                    $15::text[], $16::text[], $17::boolean[], $18::numeric[], $19::timestamptz[],
                    $20::timestamptz[], $21::timestamptz[])
                    AS m(id, key, campaign, run, instance, step, customer, grp, channel, status, reason, template,
                         offer, content, coupon, items, fallback, cost, created, release, dispatched)
                ON CONFLICT (message_id) DO NOTHING
                RETURNING message_id""")
                .execute(Tuple.tuple(java.util.Arrays.asList(ids, keys, campaigns, runs, instances, steps, customers,
                        groups, channels, statuses, reasons, templates, offers, contents, coupons, items, fallbacks,
                        costs, created, releases, dispatched)))
                .map(result -> {
                    Set<UUID> inserted = new HashSet<>(result.size() * 2);
                    result.forEach(row -> inserted.add(row.getUUID("message_id")));
                    return inserted;
                });
    }

    /**
     * Takes up to {@code limit} held messages of running campaigns whose window has opened: their release time moves
     * to {@code leaseUntil}, so no other worker takes them meanwhile, and a crashed worker's lease simply expires.
     */
    public Uni<List<Held>> claimDue(SqlClient client, Instant now, Instant leaseUntil, int limit) {
        return client.preparedQuery("""
                UPDATE message m SET release_at = $2
                WHERE m.message_id IN (
                    SELECT h.message_id FROM message h JOIN campaign c ON c.campaign_id = h.campaign_id
                    WHERE h.status = 'held' AND h.release_at <= $1 AND c.status = 'running'
                    ORDER BY h.release_at LIMIT $3 FOR UPDATE OF h SKIP LOCKED)
                RETURNING m.message_id, m.campaign_id, m.journey_instance_id, m.step_id, m.customer_id, m.grp,
                    m.channel, m.template, m.with_offer, m.coupon_code, m.cost""")
                .execute(Tuple.of(utc(now), utc(leaseUntil), limit))
                .map(rows -> {
                    List<Held> held = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        held.add(new Held(row.getUUID("message_id"), row.getString("campaign_id"),
                                row.getUUID("journey_instance_id"), row.getString("step_id"),
                                row.getString("customer_id"), row.getString("grp"),
                                WireNames.parse(MessageChannel.class, row.getString("channel")).orElseThrow(),
                                row.getString("template"), row.getBoolean("with_offer"),
                                row.getString("coupon_code"), row.getBigDecimal("cost")));
                    }
                    return held;
                });
    }

    /** A held message goes out; false if it is no longer held (withdrawn meanwhile). */
    public Uni<Boolean> release(SqlClient client, UUID messageId, String content, List<String> items,
                                boolean fallback, Instant dispatchedAt) {
        return client.preparedQuery("""
                UPDATE message SET status = 'dispatched', content = $2, recommended_item_ids = $3,
                    recommendations_fallback = $4, dispatched_at = $5, release_at = $5
                WHERE message_id = $1 AND status = 'held'""")
                .execute(Tuple.tuple(java.util.Arrays.asList(messageId, content,
                        items == null ? null : items.toArray(String[]::new), fallback, utc(dispatchedAt))))
                .map(rows -> rows.rowCount() == 1);
    }

    /** A held message will not go out (consent withdrawn before its release). */
    public Uni<Void> withdraw(SqlClient client, UUID messageId, String reason) {
        return client.preparedQuery("""
                UPDATE message SET status = 'withdrawn', skip_reason = $2, cost = 0
                WHERE message_id = $1 AND status = 'held'""")
                .execute(Tuple.of(messageId, reason)).replaceWithVoid();
    }

    /** The campaign ended: its held messages will not go out. */
    public Uni<Void> withdrawHeld(SqlClient client, String campaignId, Instant now) {
        return client.preparedQuery("""
                UPDATE message SET status = 'withdrawn', skip_reason = 'campaign_ended', cost = 0
                WHERE campaign_id = $1 AND status = 'held'""")
                .execute(Tuple.of(campaignId)).replaceWithVoid();
    }

    public Uni<Optional<Sent>> find(SqlClient client, UUID messageId) {
        return client.preparedQuery("""
                SELECT message_id, campaign_id, customer_id, grp, channel, journey_instance_id, dispatched_at,
                    opened_at, clicked_at FROM message WHERE message_id = $1""")
                .execute(Tuple.of(messageId))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(sent(rows.iterator().next())));
    }

    /** Records a gateway's observation; the first one of each kind counts (redeliveries and repeats do not move it). */
    public Uni<Void> recordFeedback(SqlClient client, UUID messageId, String column, Instant at) {
        if (!FEEDBACK_COLUMNS.contains(column)) {
            throw new IllegalArgumentException("not a feedback column: " + column);
        }
        return client.preparedQuery("UPDATE message SET " + column + " = least(coalesce(" + column + ", $2), $2)"
                        + " WHERE message_id = $1")
                .execute(Tuple.of(messageId, utc(at))).replaceWithVoid();
    }

    static final Set<String> FEEDBACK_COLUMNS = Set.of("delivered_at", "opened_at", "clicked_at", "bounced_at",
            "unsubscribed_at", "added_to_cart_at");

    /** A customer's dispatched messages since {@code since}, newest first: the touches attribution weighs. */
    public Uni<List<Sent>> touches(SqlClient client, String customerId, Instant since) {
        return client.preparedQuery("""
                SELECT message_id, campaign_id, customer_id, grp, channel, journey_instance_id, dispatched_at,
                    opened_at, clicked_at FROM message
                WHERE customer_id = $1 AND status = 'dispatched' AND dispatched_at >= $2
                    AND bounced_at IS NULL
                ORDER BY dispatched_at DESC LIMIT 50""")
                .execute(Tuple.of(customerId, utc(since)))
                .map(rows -> {
                    List<Sent> sent = new ArrayList<>(rows.size());
                    rows.forEach(row -> sent.add(sent(row)));
                    return sent;
                });
    }

    /** The customer's last dispatched message of a campaign (journey conditions look at it). */
    public Uni<Optional<Sent>> lastOf(SqlClient client, String campaignId, String customerId) {
        return client.preparedQuery("""
                SELECT message_id, campaign_id, customer_id, grp, channel, journey_instance_id, dispatched_at,
                    opened_at, clicked_at FROM message
                WHERE campaign_id = $1 AND customer_id = $2 AND status = 'dispatched'
                ORDER BY dispatched_at DESC LIMIT 1""")
                .execute(Tuple.of(campaignId, customerId))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(sent(rows.iterator().next())));
    }

    private static Sent sent(Row row) {
        return new Sent(row.getUUID("message_id"), row.getString("campaign_id"), row.getString("customer_id"),
                row.getString("grp"), WireNames.parse(MessageChannel.class, row.getString("channel")).orElse(null),
                row.getUUID("journey_instance_id"), instant(row, "dispatched_at"),
                instant(row, "opened_at"), instant(row, "clicked_at"));
    }


}
