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

    /** How many coupons of the campaign each of these customers already has (absent: none). */
    public Uni<Map<String, Integer>> issuedPerCustomer(SqlClient client, String campaignId, List<String> customerIds) {
        return client.preparedQuery("""
                SELECT customer_id, count(*) AS n FROM coupon WHERE campaign_id = $1 AND customer_id = ANY($2)
                GROUP BY customer_id""")
                .execute(Tuple.of(campaignId, customerIds.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, Integer> counts = new HashMap<>();
                    for (Row row : rows) {
                        counts.put(row.getString("customer_id"), row.getLong("n").intValue());
                    }
                    return counts;
                });
    }

    /** Inserts coupons of one campaign; a code already issued (a retried decision) is left alone. */
    public Uni<Void> insert(SqlClient client, List<Issue> coupons) {
        if (coupons.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = coupons.size();
        String[] codes = new String[n];
        String[] customers = new String[n];
        java.math.BigDecimal[] values = new java.math.BigDecimal[n];
        java.time.OffsetDateTime[] issued = new java.time.OffsetDateTime[n];
        java.time.OffsetDateTime[] until = new java.time.OffsetDateTime[n];
        for (int i = 0; i < n; i++) {
            Issue coupon = coupons.get(i);
            codes[i] = coupon.code();
            customers[i] = coupon.customerId();
            values[i] = coupon.faceValue();
            issued[i] = utc(coupon.issuedAt());
            until[i] = utc(coupon.validUntil());
        }
        // One statement for a page's coupons (all of one campaign).
        return client.preparedQuery("""
                INSERT INTO coupon (code, campaign_id, customer_id, face_value, issued_at, valid_until)
                SELECT c.code, $1, c.customer, c.face, c.issued, c.until
                FROM unnest($2::text[], $3::text[], $4::numeric[], $5::timestamptz[], $6::timestamptz[])
                    AS c(code, customer, face, issued, until)
                ON CONFLICT (code) DO NOTHING""")
                .execute(Tuple.of(coupons.get(0).campaignId(), codes, customers, values, issued, until))
                .replaceWithVoid();
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
