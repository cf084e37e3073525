package io.lodestar.campaign.dispatch;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.lodestar.campaign.delivery.SentCounts;
import io.lodestar.contracts.MessageChannel;
import io.lodestar.contracts.WireNames;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/** Messages counted against frequency caps ({@code send_counter}), per customer, channel and local day. */
@ApplicationScoped
public class SendCounterRepository {

    /** One more message for a customer on a channel and local day. */
    public record Increment(String customerId, MessageChannel channel, LocalDate localDay) {
    }

    /** What each customer was sent on or after {@code since} (a local day; the earliest day a week cap can look at). */
    public Uni<Map<String, SentCounts>> counts(SqlClient client, List<String> customerIds, LocalDate since) {
        return client.preparedQuery("""
                SELECT customer_id, channel, local_day, sent FROM send_counter
                WHERE customer_id = ANY($1) AND local_day >= $2""")
                .execute(Tuple.of(customerIds.toArray(String[]::new), since))
                .map(rows -> {
                    Map<String, List<SentCounts.Row>> byCustomer = new HashMap<>();
                    for (Row row : rows) {
                        MessageChannel channel = WireNames.parse(MessageChannel.class, row.getString("channel"))
                                .orElse(null);
                        if (channel != null) {
                            byCustomer.computeIfAbsent(row.getString("customer_id"), id -> new ArrayList<>())
                                    .add(new SentCounts.Row(channel, row.getLocalDate("local_day"),
                                            row.getInteger("sent")));
                        }
                    }
                    Map<String, SentCounts> counts = new HashMap<>(byCustomer.size() * 2);
                    byCustomer.forEach((customer, entries) -> counts.put(customer, SentCounts.of(entries)));
                    return counts;
                });
    }

    public Uni<Void> increment(SqlClient client, List<Increment> increments) {
        if (increments.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = increments.size();
        String[] customers = new String[n];
        String[] channels = new String[n];
        LocalDate[] days = new LocalDate[n];
        for (int i = 0; i < n; i++) {
            customers[i] = increments.get(i).customerId();
            channels[i] = WireNames.of(increments.get(i).channel());
            days[i] = increments.get(i).localDay();
        }
        // Grouped first: one customer may get two messages of a page on the same channel and day (two steps).
        return client.preparedQuery("""
                INSERT INTO send_counter (customer_id, channel, local_day, sent)
                SELECT c, ch, d, count(*) FROM unnest($1::text[], $2::text[], $3::date[]) AS i(c, ch, d)
                GROUP BY c, ch, d
                ON CONFLICT (customer_id, channel, local_day) DO UPDATE SET sent = send_counter.sent + excluded.sent""")
                .execute(Tuple.of(customers, channels, days)).replaceWithVoid();
    }

    /** Counters older than any cap looks at. */
    public Uni<Integer> purgeBefore(SqlClient client, LocalDate day) {
        return client.preparedQuery("DELETE FROM send_counter WHERE local_day < $1").execute(Tuple.of(day))
                .map(rows -> rows.rowCount());
    }
}
