package io.lodestar.demo;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import io.lodestar.contracts.WireNames;

/**
 * Writes the demo shop as the two gzip-compressed CSV files the profile service's bulk import takes
 * ({@code POST /imports}, kinds {@code customers} and {@code order_lines}), with the column mappings to send along.
 * A refund is a cancellation line: order id {@code C<orderId>}, the returned units as a negative quantity, at the
 * refund's time, after the sale (the import refunds the customer's newest earlier sale of the item).
 */
final class DemoFiles {

    static final List<String> CUSTOMER_COLUMNS = List.of("customer_id", "gender", "birth_date", "city", "province",
            "region", "city_tier", "member_tier", "registered_at", "registration_channel");
    static final Map<String, String> CUSTOMER_MAPPING = Map.of("customerId", "customer_id", "gender", "gender",
            "birthDate", "birth_date", "city", "city", "province", "province", "region", "region",
            "cityTier", "city_tier", "memberTier", "member_tier", "registeredAt", "registered_at",
            "registrationChannel", "registration_channel");
    static final List<String> ORDER_LINE_COLUMNS = List.of("order_id", "item_id", "title", "quantity", "unit_price",
            "occurred_at", "customer_id", "category", "currency", "channel");
    static final Map<String, String> ORDER_LINE_MAPPING = Map.of("orderId", "order_id", "itemId", "item_id",
            "title", "title", "quantity", "quantity", "unitPrice", "unit_price", "occurredAt", "occurred_at",
            "customerId", "customer_id", "category", "category", "currency", "currency", "channel", "channel");

    private DemoFiles() {
    }

    /** Writes {@code customers.csv.gz}; returns the rows written. */
    static long writeCustomers(DemoShop shop, Path file) throws IOException {
        try (Writer out = gzip(file)) {
            row(out, CUSTOMER_COLUMNS);
            for (int i = 1; i <= shop.customers(); i++) {
                DemoCustomer c = shop.history(i).customer();
                row(out, List.of(c.customerId(), c.gender(), c.birthDate().toString(), c.city(), c.province(),
                        c.region(), c.cityTier(), c.memberTier(), c.registeredAt().toString(),
                        WireNames.of(c.registrationChannel())));
            }
            return shop.customers();
        }
    }

    /** Writes {@code order_lines.csv.gz}; returns the lines written (sales and cancellations). */
    static long writeOrderLines(DemoShop shop, Path file) throws IOException {
        long lines = 0;
        try (Writer out = gzip(file)) {
            row(out, ORDER_LINE_COLUMNS);
            for (int i = 1; i <= shop.customers(); i++) {
                List<DemoOrder> orders = shop.history(i).orders();
                for (DemoOrder order : orders) {
                    for (DemoOrder.Line line : order.lines()) {
                        row(out, orderLine(order.orderId(), line, line.quantity(), order.paidAt().toString(), order));
                        lines++;
                    }
                }
                for (DemoOrder order : orders) {
                    if (order.refundedAt() != null) {
                        DemoOrder.Line returned = order.lines().get(0);
                        row(out, orderLine("C" + order.orderId(), returned, -returned.quantity(),
                                order.refundedAt().toString(), order));
                        lines++;
                    }
                }
            }
        }
        return lines;
    }

    private static List<String> orderLine(String orderId, DemoOrder.Line line, int quantity, String at,
                                          DemoOrder order) {
        DemoItem item = line.item();
        return List.of(orderId, item.itemId(), item.title(), Integer.toString(quantity), item.price().toPlainString(),
                at, order.customerId(), item.category().wireName, "CNY", WireNames.of(order.channel()));
    }

    private static Writer gzip(Path file) throws IOException {
        return new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(file), 1 << 16),
                StandardCharsets.UTF_8), 1 << 16);
    }

    static void row(Writer out, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(cell(cells.get(i)));
        }
        out.write('\n');
    }

    /** RFC 4180: a cell with a comma, quote or line break is quoted, its quotes doubled. */
    static String cell(String value) {
        if (value == null) {
            return "";
        }
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
