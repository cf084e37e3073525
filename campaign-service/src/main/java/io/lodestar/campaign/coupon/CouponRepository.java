package io.lodestar.campaign.coupon;

import static io.lodestar.platform.persistence.SqlTimes.utc;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/** The SQL of {@code coupon}. */
@ApplicationScoped
public class CouponRepository {

    /** A coupon to issue. */
    public record Issue(String code, String campaignId, String customerId, BigDecimal faceValue, Instant issuedAt,
                        Instant validUntil) {
    }

    /** What a campaign has issued so far: the total face value, and the count per customer asked about. */
    public record Issued(BigDecimal faceValue, Map<String, Integer> perCustomer) {
    }

    public Uni<Issued> issued(SqlClient client, String campaignId, List<String> customerIds) {
        return client.preparedQuery("SELECT coalesce(sum(face_value), 0) AS total FROM coupon WHERE campaign_id = $1")
                .execute(Tuple.of(campaignId))
                .chain(total -> client.preparedQuery("""
                        SELECT customer_id, count(*) AS n FROM coupon WHERE campaign_id = $1 AND customer_id = ANY($2)
                        GROUP BY customer_id""")
                        .execute(Tuple.of(campaignId, customerIds.toArray(String[]::new)))
                        .map(rows -> {
                            Map<String, Integer> counts = new HashMap<>();
                            for (Row row : rows) {
                                counts.put(row.getString("customer_id"), row.getLong("n").intValue());
                            }
                            return new Issued(total.iterator().next().getBigDecimal("total"), counts);
                        }));
    }

    /** Inserts coupons; a code already issued (a retried decision) is left alone. */
    public Uni<Void> insert(SqlClient client, List<Issue> coupons) {
        if (coupons.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> tuples = coupons.stream().map(c -> Tuple.of(c.code(), c.campaignId(), c.customerId(),
                c.faceValue(), utc(c.issuedAt()), utc(c.validUntil()))).toList();
        return client.preparedQuery("""
                INSERT INTO coupon (code, campaign_id, customer_id, face_value, issued_at, valid_until)
                VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (code) DO NOTHING""")
                .executeBatch(tuples).replaceWithVoid();
    }

    /**
     * Redeems a coupon with a paid order of its customer within its validity; empty if the code is unknown, of
     * another customer, expired or already redeemed.
     */
    public Uni<Optional<String>> redeem(SqlClient client, String code, String customerId, String orderId,
                                        BigDecimal discount, Instant paidAt) {
        return client.preparedQuery("""
                UPDATE coupon SET redeemed_order_id = $3, redeemed_at = $5, discount_amount = $4
                WHERE code = $1 AND customer_id = $2 AND redeemed_order_id IS NULL AND valid_until >= $5
                RETURNING campaign_id""")
                .execute(Tuple.of(code, customerId, orderId, discount, utc(paidAt)))
                .map(rows -> rows.size() == 0 ? Optional.empty()
                        : Optional.of(rows.iterator().next().getString("campaign_id")));
    }

}
