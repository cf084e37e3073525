package io.lodestar.testkit.datasets;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Reads {@code online-retail/online_retail.csv.gz}: columns
 * {@code InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country}.
 * The data set is never committed; tests and benchmarks point at it with {@link Datasets}.
 */
public final class OnlineRetailDataset {

    public static final String NAME = "online-retail";
    public static final String FILE = "online_retail.csv.gz";

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private OnlineRetailDataset() {
    }

    /** The file in the configured data-set folder. */
    public static Path file() {
        return Datasets.directory(NAME).resolve(FILE);
    }

    /** Every row, lazily; close the stream. */
    public static Stream<OnlineRetailRow> rows(Path file) {
        try {
            BufferedReader reader = new BufferedReader(new InputStreamReader(
                    new GZIPInputStream(Files.newInputStream(file), 1 << 16), StandardCharsets.UTF_8));
            String header = reader.readLine();
            if (header == null || !header.startsWith("InvoiceNo,")) {
                reader.close();
                throw new IllegalStateException(file + " does not start with the Online Retail header");
            }
            return reader.lines().map(OnlineRetailDataset::parse).onClose(() -> {
                try {
                    reader.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static OnlineRetailRow parse(String line) {
        List<String> f = splitCsv(line);
        if (f.size() != 8) {
            throw new IllegalArgumentException("expected 8 fields, got " + f.size() + ": " + line);
        }
        String customer = f.get(6).isEmpty() ? null : stripDecimal(f.get(6));
        return new OnlineRetailRow(f.get(0), f.get(1), f.get(2), Integer.parseInt(f.get(3)),
                LocalDateTime.parse(f.get(4), DATE), new BigDecimal(f.get(5)), customer, f.get(7));
    }

    /** Some copies write CustomerID as a float ("17850.0"); the id is the integer part. */
    private static String stripDecimal(String id) {
        return id.endsWith(".0") ? id.substring(0, id.length() - 2) : id;
    }

    /** RFC 4180 fields: commas inside quotes, doubled quotes as an escaped quote. */
    static List<String> splitCsv(String line) {
        List<String> fields = new ArrayList<>(8);
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
