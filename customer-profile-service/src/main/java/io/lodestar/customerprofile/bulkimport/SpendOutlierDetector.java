package io.lodestar.customerprofile.bulkimport;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Flags customers whose total spend in the import is an outlier under the configured {@link OutlierRule}.
 * Spend is net: the sum of quantity × unit price over the customer's accepted lines, cancellations (negative
 * quantities) included. Lines without a customer count for no one. Spends in different currencies are never
 * added: each currency is a population of its own.
 */
public final class SpendOutlierDetector {

    private final OutlierRule rule;
    private final Map<Currency, Map<String, BigDecimal>> spendByCurrency = new TreeMap<>(
            Comparator.comparing(Currency::getCurrencyCode));

    public SpendOutlierDetector(OutlierRule rule) {
        this.rule = rule;
    }

    public OutlierRule rule() {
        return rule;
    }

    /** Adds the line to its customer's spend. */
    public void add(OrderLineRecord line) {
        if (line.customerId() != null) {
            spendByCurrency.computeIfAbsent(line.currency(), c -> new HashMap<>())
                    .merge(line.customerId(), line.amount(), BigDecimal::add);
        }
    }

    /** Each customer's net spend in one currency. */
    public Map<String, BigDecimal> spends(Currency currency) {
        return Map.copyOf(spendByCurrency.getOrDefault(currency, Map.of()));
    }

    /** The flagged customers, by currency then customer id. */
    public List<SpendOutlier> outliers() {
        List<SpendOutlier> flagged = new ArrayList<>();
        spendByCurrency.forEach((currency, spends) -> {
            OutlierRule.Fences fences = rule.fences(spends.values());
            spends.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
                BigDecimal spend = e.getValue();
                if (spend.compareTo(fences.high()) > 0) {
                    flagged.add(new SpendOutlier(e.getKey(), currency, spend, fences.high(), SpendOutlier.Side.HIGH,
                            rule));
                } else if (fences.low() != null && spend.compareTo(fences.low()) < 0) {
                    flagged.add(new SpendOutlier(e.getKey(), currency, spend, fences.low(), SpendOutlier.Side.LOW,
                            rule));
                }
            });
        });
        return flagged;
    }
}
