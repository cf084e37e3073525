package io.lodestar.customerprofile.bulkimport;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.lodestar.contracts.WireNames;
import io.lodestar.platform.problem.InvalidInputException;
import jakarta.validation.constraints.Size;

/**
 * The form fields of {@code POST /imports} beside the file, as sent. See {@link ImportSettings} for their meaning.
 *
 * @param kind    {@code customers} or {@code order_lines}
 * @param mapping a JSON object: target field → column name of the file's header
 */
public record SubmitImportRequest(
        @Size(max = 20) String kind,
        @Size(max = 50) String layout,
        @Size(max = 10_000) String mapping,
        @Size(max = 100) String dateTimePattern,
        @Size(max = 64) String timeZone,
        @Size(max = 20) String cancellationPrefix,
        @Size(max = 20) String outlierRule,
        @Size(max = 30) String outlierK) {

    private static final TypeReference<Map<String, String>> COLUMNS = new TypeReference<>() {
    };

    /** The settings these fields give, or a 400 naming the first faulty field. */
    ImportSettings toSettings(ObjectMapper json) {
        ImportKind parsedKind = kind == null ? null : WireNames.parse(ImportKind.class, kind)
                .orElseThrow(() -> new InvalidInputException("kind", "must be one of "
                        + WireNames.all(ImportKind.class)));
        Map<String, String> columns = null;
        if (mapping != null) {
            try {
                columns = json.readValue(mapping, COLUMNS);
            } catch (JsonProcessingException e) {
                throw new InvalidInputException("mapping",
                        "must be a JSON object of target field → column name, e.g. {\"customerId\":\"CustomerID\"}");
            }
        }
        Double k = null;
        if (outlierK != null) {
            try {
                k = Double.valueOf(outlierK);
            } catch (NumberFormatException e) {
                throw new InvalidInputException("outlierK", "must be a positive number");
            }
        }
        return ImportSettings.of(parsedKind, layout, columns, dateTimePattern, timeZone, cancellationPrefix,
                outlierRule, k);
    }
}
