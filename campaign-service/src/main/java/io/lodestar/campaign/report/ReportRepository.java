package io.lodestar.campaign.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/** The aggregate queries of campaign reports (read-only). */
@ApplicationScoped
public class ReportRepository {

    /** Message counts of one (group, channel) cell. */
    public record MessageCell(String group, String channel, long sent, long delivered, long opened, long clicked,
                              long addedToCart, BigDecimal cost) {
    }

    /** Attributed orders of one (group, channel) cell. */
    public record OrderCell(String group, String channel, long ordered, long paid, BigDecimal revenue) {
    }

    /** The experiment unit counts of one group. */
    public record GroupCounts(String group, long targeted, long converted) {
    }

    /** A channel's spend and attributed revenue over all campaigns. */
    public record ChannelTotals(String channel, long sent, BigDecimal cost, BigDecimal revenue) {
    }

    public Uni<List<MessageCell>> messages(SqlClient client, String campaignId) {
        return client.preparedQuery("""
                SELECT grp, channel, count(*) FILTER (WHERE status = 'dispatched') AS sent,
                    count(delivered_at) AS delivered, count(opened_at) AS opened, count(clicked_at) AS clicked,
                    count(added_to_cart_at) AS added, coalesce(sum(cost) FILTER (WHERE status = 'dispatched'), 0) AS cost
                FROM message WHERE campaign_id = $1 AND channel IS NOT NULL GROUP BY grp, channel
                ORDER BY grp, channel""")
                .execute(Tuple.of(campaignId)).map(rows -> {
                    List<MessageCell> cells = new ArrayList<>();
                    for (Row row : rows) {
                        cells.add(new MessageCell(row.getString("grp"), row.getString("channel"), row.getLong("sent"),
                                row.getLong("delivered"), row.getLong("opened"), row.getLong("clicked"),
                                row.getLong("added"), row.getBigDecimal("cost")));
                    }
                    return cells;
                });
    }

    public Uni<List<OrderCell>> orders(SqlClient client, String campaignId) {
        return client.preparedQuery("""
                SELECT grp, channel, count(DISTINCT customer_id) AS ordered,
                    count(DISTINCT customer_id) FILTER (WHERE refunded < revenue) AS paid,
                    coalesce(sum(revenue - refunded), 0) AS revenue
                FROM attribution WHERE campaign_id = $1 GROUP BY grp, channel ORDER BY grp, channel""")
                .execute(Tuple.of(campaignId)).map(rows -> {
                    List<OrderCell> cells = new ArrayList<>();
                    for (Row row : rows) {
                        cells.add(new OrderCell(row.getString("grp"), row.getString("channel"), row.getLong("ordered"),
                                row.getLong("paid"), row.getBigDecimal("revenue")));
                    }
                    return cells;
                });
    }

    public Uni<List<GroupCounts>> groups(SqlClient client, String campaignId) {
        return client.preparedQuery("""
                SELECT grp, count(*) AS targeted, count(converted_at) AS converted FROM assignment
                WHERE campaign_id = $1 GROUP BY grp ORDER BY grp""")
                .execute(Tuple.of(campaignId)).map(rows -> {
                    List<GroupCounts> groups = new ArrayList<>();
                    for (Row row : rows) {
                        groups.add(new GroupCounts(row.getString("grp"), row.getLong("targeted"),
                                row.getLong("converted")));
                    }
                    return groups;
                });
    }

    public Uni<CampaignReport.Coupons> coupons(SqlClient client, String campaignId) {
        return client.preparedQuery("""
                SELECT count(*) AS issued, count(redeemed_order_id) AS redeemed,
                    coalesce(sum(face_value), 0) AS face, coalesce(sum(discount_amount), 0) AS discount
                FROM coupon WHERE campaign_id = $1""")
                .execute(Tuple.of(campaignId)).map(rows -> {
                    Row row = rows.iterator().next();
                    long issued = row.getLong("issued");
                    long redeemed = row.getLong("redeemed");
                    return new CampaignReport.Coupons(issued, redeemed,
                            issued == 0 ? null : Math.round(10_000.0 * redeemed / issued) / 10_000.0,
                            row.getBigDecimal("face"), row.getBigDecimal("discount"));
                });
    }

    public Uni<CampaignReport.Skips> skips(SqlClient client, String campaignId) {
        return client.preparedQuery("""
                SELECT status, coalesce(skip_reason, '') AS reason, count(*) AS n FROM message
                WHERE campaign_id = $1 AND status <> 'dispatched' GROUP BY status, skip_reason""")
                .execute(Tuple.of(campaignId)).map(rows -> {
                    long held = 0;
                    long withdrawn = 0;
                    Map<String, Long> skipped = new LinkedHashMap<>();
                    for (Row row : rows) {
                        long n = row.getLong("n");
                        switch (row.getString("status")) {
                            case "held" -> held += n;
                            case "withdrawn" -> withdrawn += n;
                            default -> skipped.merge(row.getString("reason"), n, Long::sum);
                        }
                    }
                    return new CampaignReport.Skips(held, withdrawn, skipped);
                });
    }

    /** Decided / targeted of a broadcast's runs, or finished / entered instances of a journey, in percent. */
    public Uni<Double> progress(SqlClient client, String campaignId, boolean journey) {
        String sql = journey ? """
                SELECT count(*) AS total, count(*) FILTER (WHERE status IN ('completed', 'exited', 'cancelled')) AS done
                FROM journey_instance WHERE campaign_id = $1""" : """
                SELECT coalesce(sum(targeted), 0) AS total,
                    coalesce(sum(CASE WHEN phase = 'done' THEN targeted ELSE dispatched + held + skipped END), 0) AS done
                FROM campaign_run WHERE campaign_id = $1""";
        return client.preparedQuery(sql).execute(Tuple.of(campaignId)).map(rows -> {
            Row row = rows.iterator().next();
            long total = row.getLong("total");
            return total == 0 ? 0.0 : Math.round(1000.0 * row.getLong("done") / total) / 10.0;
        });
    }

    /** Per channel over all campaigns: messages, their cost and the revenue attributed to them. */
    public Uni<List<ChannelTotals>> channels(SqlClient client) {
        return client.preparedQuery("""
                SELECT m.channel, m.sent, m.cost, coalesce(a.revenue, 0) AS revenue
                FROM (SELECT channel, count(*) AS sent, sum(cost) AS cost FROM message
                      WHERE status = 'dispatched' GROUP BY channel) m
                LEFT JOIN (SELECT channel, sum(revenue - refunded) AS revenue FROM attribution GROUP BY channel) a
                    ON a.channel = m.channel
                ORDER BY m.channel""")
                .execute().map(rows -> {
                    List<ChannelTotals> totals = new ArrayList<>();
                    for (Row row : rows) {
                        totals.add(new ChannelTotals(row.getString("channel"), row.getLong("sent"),
                                row.getBigDecimal("cost"), row.getBigDecimal("revenue")));
                    }
                    return totals;
                });
    }
}
