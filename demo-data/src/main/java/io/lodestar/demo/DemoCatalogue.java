package io.lodestar.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The demo shop's catalogue: a fixed number of items per category with brands, prices within the category's range,
 * a unit cost (55–75% of the price) and stock. Popularity inside a category follows a Zipf law (the few best sellers
 * and the long tail of a real shop), and one item in ten of each category never sells (the stale tail).
 */
final class DemoCatalogue {

    static final int ITEMS_PER_CATEGORY = 30;
    private static final String[] BRANDS = {"Aurora", "Binhai", "Cedar", "Dawn", "Everest", "Feather", "Granite"};

    private final List<DemoItem> items;
    private final Map<DemoCategory, List<DemoItem>> byCategory = new EnumMap<>(DemoCategory.class);
    private final Map<DemoCategory, double[]> cumulative = new EnumMap<>(DemoCategory.class);

    DemoCatalogue(long seed) {
        Random random = new Random(seed ^ 0xCA7A1061EL);
        List<DemoItem> all = new ArrayList<>();
        for (DemoCategory category : DemoCategory.values()) {
            List<DemoItem> ofCategory = new ArrayList<>();
            double[] sums = new double[ITEMS_PER_CATEGORY];
            double sum = 0;
            for (int rank = 0; rank < ITEMS_PER_CATEGORY; rank++) {
                String brand = BRANDS[random.nextInt(BRANDS.length)];
                int cents = 100 * (category.priceMin + random.nextInt(category.priceMax - category.priceMin + 1));
                BigDecimal price = BigDecimal.valueOf(cents - 10, 2); // 199.90, not 200.00
                BigDecimal cost = price.multiply(BigDecimal.valueOf(55 + random.nextInt(21)))
                        .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
                // The last tenth of each category is the stale tail: listed, in stock, never bought.
                boolean stale = rank >= ITEMS_PER_CATEGORY - ITEMS_PER_CATEGORY / 10;
                double popularity = stale ? 0 : 1.0 / (rank + 1);
                String itemId = category.wireName.replace('_', '-') + "-" + String.format("%03d", rank + 1);
                String title = brand + " " + category.wireName.replace('_', ' ') + " #" + (rank + 1);
                DemoItem item = new DemoItem(itemId, title, category, brand, price, cost, 20 + random.nextInt(480),
                        popularity);
                ofCategory.add(item);
                all.add(item);
                sum += popularity;
                sums[rank] = sum;
            }
            byCategory.put(category, Collections.unmodifiableList(ofCategory));
            cumulative.put(category, sums);
        }
        this.items = Collections.unmodifiableList(all);
    }

    List<DemoItem> items() {
        return items;
    }

    List<DemoItem> of(DemoCategory category) {
        return byCategory.get(category);
    }

    /** An item of the category, drawn by popularity (never a stale one). */
    DemoItem pick(DemoCategory category, Random random) {
        double[] sums = cumulative.get(category);
        double r = random.nextDouble() * sums[sums.length - 1];
        for (int i = 0; i < sums.length; i++) {
            if (r < sums[i]) {
                return byCategory.get(category).get(i);
            }
        }
        return byCategory.get(category).get(0);
    }
}
