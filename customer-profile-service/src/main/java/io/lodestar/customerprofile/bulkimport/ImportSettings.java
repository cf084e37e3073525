package io.lodestar.customerprofile.bulkimport;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import io.lodestar.platform.problem.InvalidInputException;

/**
 * How an upload is read and cleaned, as submitted and stored with its job: either a built-in {@code layout} or a
 * column mapping with its value formats, and the spend outlier rule. {@link #of} checks every value and names the
 * form field of the first fault, so a wrong setting is one 400 before any row is read.
 *
 * @param layout             {@code online-retail} for the built-in UCI Online Retail mapping, else null
 * @param columns            target field → source column (null with a layout)
 * @param dateTimePattern    pattern of local date-times, null for ISO-8601
 * @param timeZone           zone of local date-times (default UTC)
 * @param cancellationPrefix order ids starting with it are cancellations (default {@code C}; order lines)
 * @param outlierRule        {@code tukey} (default) or {@code k-times-mean}
 * @param outlierK           the rule's k (default 1.5 for Tukey's fences, 3 for k × mean)
 */
public record ImportSettings(ImportKind kind, String layout, Map<String, String> columns, String dateTimePattern,
        String timeZone, String cancellationPrefix, String outlierRule, double outlierK) {

    public static final String ONLINE_RETAIL = "online-retail";
    static final String TUKEY = "tukey";
    static final String K_TIMES_MEAN = "k-times-mean";
    static final double DEFAULT_K_TIMES_MEAN = 3;

    /** Settings from the submitted form fields (any may be null), with the defaults filled in. */
    public static ImportSettings of(ImportKind kind, String layout, Map<String, String> columns,
            String dateTimePattern, String timeZone, String cancellationPrefix, String outlierRule, Double outlierK) {
        if (layout != null) {
            if (!ONLINE_RETAIL.equals(layout)) {
                throw new InvalidInputException("layout", "unknown layout '" + layout + "' (known: " + ONLINE_RETAIL
                        + ")");
            }
            if (kind != null && kind != ImportKind.ORDER_LINES) {
                throw new InvalidInputException("kind", "the " + ONLINE_RETAIL + " layout holds order_lines");
            }
            if (columns != null) {
                throw new InvalidInputException("mapping", "give either a layout or a mapping, not both");
            }
            kind = ImportKind.ORDER_LINES;
        } else {
            if (kind == null) {
                throw new InvalidInputException("kind", "is required without a layout (customers or order_lines)");
            }
            if (columns == null || columns.isEmpty()) {
                throw new InvalidInputException("mapping",
                        "is required without a layout: a JSON object of target field → column name");
            }
        }
        String rule = outlierRule == null ? TUKEY : outlierRule;
        double k = outlierK != null ? outlierK
                : K_TIMES_MEAN.equals(rule) ? DEFAULT_K_TIMES_MEAN : OutlierRule.TukeyFences.TUKEY_K;
        ImportSettings settings = new ImportSettings(kind, layout, columns, dateTimePattern, timeZone,
                cancellationPrefix, rule, k);
        settings.outliers();
        settings.mapping();
        return settings;
    }

    /** The column mapping with its value formats. */
    public ColumnMapping mapping() {
        if (layout != null) {
            return ColumnMapping.onlineRetail();
        }
        return new ColumnMapping(kind, columns, formats());
    }

    /** The spend outlier rule. */
    public OutlierRule outliers() {
        if (!(outlierK > 0) || Double.isInfinite(outlierK)) {
            throw new InvalidInputException("outlierK", "must be a positive number");
        }
        return switch (outlierRule) {
            case TUKEY -> new OutlierRule.TukeyFences(outlierK);
            case K_TIMES_MEAN -> new OutlierRule.KTimesMean(outlierK);
            default -> throw new InvalidInputException("outlierRule", "unknown rule '" + outlierRule + "' (known: "
                    + TUKEY + ", " + K_TIMES_MEAN + ")");
        };
    }

    private ValueFormats formats() {
        if (dateTimePattern != null) {
            try {
                DateTimeFormatter.ofPattern(dateTimePattern);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("dateTimePattern", "is not a date-time pattern: " + e.getMessage());
            }
        }
        ZoneId zone;
        try {
            zone = timeZone == null ? ValueFormats.ISO.zone() : ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            throw new InvalidInputException("timeZone", "is not an IANA time zone such as Europe/London");
        }
        String prefix = cancellationPrefix == null ? ValueFormats.ISO.cancellationPrefix() : cancellationPrefix;
        if (prefix.isEmpty()) {
            throw new InvalidInputException("cancellationPrefix", "must not be empty");
        }
        return new ValueFormats(dateTimePattern, zone, prefix, false);
    }
}
