package io.lodestar.campaign.attribution;

import static io.lodestar.platform.persistence.SqlTimes.utc;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.lodestar.contracts.WireNames;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/** The SQL of {@code attribution} and of conversions in {@code assignment}. */
@ApplicationScoped
public class AttributionRepository {

    /** A campaign the customer was targeted by (messaged or control), not converted yet. */
    public record Targeted(String campaignId, Instant targetedAt) {
    }

    public Uni<Boolean> attribute(SqlClient client, String orderId, AttributionRule.Touch touch, BigDecimal revenue,
                                  String currency, Instant paidAt) {
        return client.preparedQuery("""
                INSERT INTO attribution (order_id, campaign_id, message_id, customer_id, grp, channel, rule, revenue,
                    currency, paid_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
                ON CONFLICT (order_id) DO NOTHING""")
                .execute(Tuple.tuple(List.of(orderId, touch.message().campaignId(), touch.message().messageId(),
                        touch.message().customerId(), touch.message().group(), WireNames.of(touch.message().channel()),
                        touch.rule(), revenue, currency, utc(paidAt))))
                .map(rows -> rows.rowCount() == 1);
    }

    public Uni<Void> refund(SqlClient client, String orderId, BigDecimal amount) {
        return client.preparedQuery("UPDATE attribution SET refunded = refunded + $2 WHERE order_id = $1")
                .execute(Tuple.of(orderId, amount)).replaceWithVoid();
    }

    public Uni<List<Targeted>> unconverted(SqlClient client, String customerId, Instant since) {
        return client.preparedQuery("""
                SELECT campaign_id, targeted_at FROM assignment
                WHERE customer_id = $1 AND converted_at IS NULL AND targeted_at >= $2""")
                .execute(Tuple.of(customerId, utc(since)))
                .map(rows -> {
                    List<Targeted> targeted = new ArrayList<>();
                    rows.forEach(row -> targeted.add(new Targeted(row.getString("campaign_id"),
                            row.getOffsetDateTime("targeted_at").toInstant())));
                    return targeted;
                });
    }

    /** The customer converted for the campaign (the first paid order within its window after being targeted). */
    public Uni<Void> convert(SqlClient client, String campaignId, String customerId, String orderId,
                             BigDecimal revenue, Instant paidAt) {
        return client.preparedQuery("""
                UPDATE assignment SET converted_at = $4, order_id = $3, revenue = $5
                WHERE campaign_id = $1 AND customer_id = $2 AND converted_at IS NULL""")
                .execute(Tuple.of(campaignId, customerId, orderId, utc(paidAt), revenue)).replaceWithVoid();
    }

    /** A journey entrant becomes a targeted customer of the campaign (first entry keeps its group and time). */
    public Uni<Void> target(SqlClient client, String campaignId, String customerId, String group, Instant at) {
        return client.preparedQuery("""
                INSERT INTO assignment (campaign_id, customer_id, grp, targeted_at) VALUES ($1, $2, $3, $4)
                ON CONFLICT (campaign_id, customer_id) DO NOTHING""")
                .execute(Tuple.of(campaignId, customerId, group, utc(at))).replaceWithVoid();
    }

}
