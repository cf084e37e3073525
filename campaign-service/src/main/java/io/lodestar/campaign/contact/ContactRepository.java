package io.lodestar.campaign.contact;

import static io.lodestar.platform.persistence.SqlTimes.utc;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.lodestar.contracts.MessageChannel;
import io.lodestar.contracts.WireNames;
import io.lodestar.contracts.customer.MemberTier;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/** The SQL of {@code contact} on the caller's connection, so a consumer's marker row and its change commit together. */
@ApplicationScoped
public class ContactRepository {

    /** A channel's consent as stored: granted or not, and when it last changed. */
    public record ConsentState(boolean granted, Instant updatedAt) {
    }

    public Uni<Map<MessageChannel, ConsentState>> consentsForUpdate(SqlClient client, String customerId) {
        return client.preparedQuery("SELECT consents FROM contact WHERE customer_id = $1 FOR UPDATE")
                .execute(Tuple.of(customerId))
                .map(rows -> rows.size() == 0 ? Map.of() : consents(rows.iterator().next().getJsonObject("consents")));
    }

    /** Writes a profile snapshot unless a newer one was already applied. */
    public Uni<Void> upsert(SqlClient client, String customerId, String timeZone, String displayName,
                            MemberTier memberTier, LocalDate birthDate, Map<MessageChannel, ConsentState> consents,
                            Instant sourceUpdatedAt) {
        return client.preparedQuery("""
                INSERT INTO contact (customer_id, time_zone, display_name, member_tier, birth_date, consents,
                                     source_updated_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7)
                ON CONFLICT (customer_id) DO UPDATE SET time_zone = excluded.time_zone,
                    display_name = excluded.display_name, member_tier = excluded.member_tier,
                    birth_date = excluded.birth_date, consents = excluded.consents,
                    source_updated_at = excluded.source_updated_at
                WHERE contact.source_updated_at IS NULL OR contact.source_updated_at <= excluded.source_updated_at""")
                .execute(Tuple.from(java.util.Arrays.asList(customerId, timeZone, displayName,
                        memberTier == null ? null : WireNames.of(memberTier), birthDate, json(consents),
                        utc(sourceUpdatedAt))))
                .replaceWithVoid();
    }

    /** Records one channel's consent (an unsubscribe from a gateway), creating the contact if need be. */
    public Uni<Void> setConsents(SqlClient client, String customerId, Map<MessageChannel, ConsentState> consents) {
        return client.preparedQuery("""
                INSERT INTO contact (customer_id, consents) VALUES ($1, $2)
                ON CONFLICT (customer_id) DO UPDATE SET consents = excluded.consents""")
                .execute(Tuple.of(customerId, json(consents))).replaceWithVoid();
    }

    /** Counts a paid order (journeys ask "has ordered since", triggers "first purchase"); returns the new count. */
    public Uni<Integer> countPaidOrder(SqlClient client, String customerId, Instant paidAt) {
        return client.preparedQuery("""
                INSERT INTO contact (customer_id, paid_orders, first_paid_at, last_paid_at) VALUES ($1, 1, $2, $2)
                ON CONFLICT (customer_id) DO UPDATE SET paid_orders = contact.paid_orders + 1,
                    first_paid_at = least(contact.first_paid_at, excluded.first_paid_at),
                    last_paid_at = greatest(contact.last_paid_at, excluded.last_paid_at)
                RETURNING paid_orders""")
                .execute(Tuple.of(customerId, utc(paidAt)))
                .map(rows -> rows.iterator().next().getInteger("paid_orders"));
    }

    public Uni<Void> delete(SqlClient client, String customerId) {
        return client.preparedQuery("DELETE FROM contact WHERE customer_id = $1").execute(Tuple.of(customerId))
                .replaceWithVoid();
    }

    /** The contacts of these customers; customers without a profile are absent from the map. */
    public Uni<Map<String, Contact>> find(SqlClient client, List<String> customerIds) {
        return client.preparedQuery("""
                SELECT customer_id, time_zone, display_name, member_tier, consents, paid_orders, last_paid_at
                FROM contact WHERE customer_id = ANY($1)""")
                .execute(Tuple.of(customerIds.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, Contact> found = new HashMap<>(rows.size() * 2);
                    for (Row row : rows) {
                        Contact contact = contact(row);
                        found.put(contact.customerId(), contact);
                    }
                    return found;
                });
    }

    public Uni<Optional<Contact>> find(SqlClient client, String customerId) {
        return find(client, List.of(customerId)).map(found -> Optional.ofNullable(found.get(customerId)));
    }

    /** Customers whose birthday (month and day) is {@code day}, for birthday journeys. */
    public Uni<List<String>> bornOn(SqlClient client, LocalDate day) {
        return client.preparedQuery("""
                SELECT customer_id FROM contact WHERE extract(month FROM birth_date) = $1
                AND extract(day FROM birth_date) = $2""")
                .execute(Tuple.of(day.getMonthValue(), day.getDayOfMonth()))
                .map(rows -> {
                    List<String> ids = new java.util.ArrayList<>();
                    rows.forEach(row -> ids.add(row.getString("customer_id")));
                    return ids;
                });
    }

    private static Contact contact(Row row) {
        Map<MessageChannel, ConsentState> consents = consents(row.getJsonObject("consents"));
        Set<MessageChannel> granted = EnumSet.noneOf(MessageChannel.class);
        consents.forEach((channel, state) -> {
            if (state.granted()) {
                granted.add(channel);
            }
        });
        String tier = row.getString("member_tier");
        OffsetDateTime lastPaid = row.getOffsetDateTime("last_paid_at");
        return new Contact(row.getString("customer_id"), zone(row.getString("time_zone")),
                row.getString("display_name"), tier == null ? null : WireNames.parse(MemberTier.class, tier).orElse(null),
                granted, row.getInteger("paid_orders"), lastPaid == null ? null : lastPaid.toInstant());
    }

    private static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        } catch (RuntimeException e) {
            return ZoneOffset.UTC;
        }
    }

    static Map<MessageChannel, ConsentState> consents(JsonObject json) {
        Map<MessageChannel, ConsentState> consents = new java.util.EnumMap<>(MessageChannel.class);
        if (json == null) {
            return consents;
        }
        for (String key : json.fieldNames()) {
            JsonObject state = json.getJsonObject(key);
            WireNames.parse(MessageChannel.class, key).ifPresent(channel -> consents.put(channel,
                    new ConsentState(state.getBoolean("granted", false), Instant.parse(state.getString("updatedAt")))));
        }
        return consents;
    }

    private static JsonObject json(Map<MessageChannel, ConsentState> consents) {
        JsonObject json = new JsonObject();
        consents.forEach((channel, state) -> json.put(WireNames.of(channel),
                new JsonObject().put("granted", state.granted()).put("updatedAt", state.updatedAt().toString())));
        return json;
    }

}
