package io.lodestar.demo;

/**
 * The demo shop's categories. Consumables are bought again every 15–30 days and durables every 6–12 months (the
 * repurchase cycles the issue names); prices are per unit, in CNY. {@code weight} is how likely a customer is to
 * favour the category.
 */
enum DemoCategory {
    SKINCARE("beauty", "skincare", false, 20, 30, 89, 399, 14),
    SUNSCREEN("beauty", "sunscreen", false, 25, 30, 69, 189, 8),
    BABY_FORMULA("mother-baby", "baby_formula", false, 15, 22, 199, 359, 8),
    DIAPERS("mother-baby", "diapers", false, 15, 20, 89, 169, 6),
    COFFEE("food", "coffee", false, 15, 25, 39, 129, 10),
    SNACKS("food", "snacks", false, 15, 20, 15, 59, 12),
    PET_FOOD("pets", "pet_food", false, 20, 30, 79, 259, 7),
    DETERGENT("home", "detergent", false, 25, 30, 29, 79, 9),
    UMBRELLA("home", "umbrella", true, 180, 365, 49, 149, 3),
    STROLLER("mother-baby", "stroller", true, 300, 365, 699, 2499, 2),
    SMALL_APPLIANCES("electronics", "small_appliances", true, 180, 365, 199, 1299, 6),
    PHONE_ACCESSORIES("electronics", "phone_accessories", true, 180, 300, 29, 199, 8),
    APPAREL("fashion", "apparel", true, 180, 270, 99, 599, 9);

    final String department;
    final String wireName;
    final boolean durable;
    final int cycleMinDays;
    final int cycleMaxDays;
    final int priceMin;
    final int priceMax;
    final int weight;

    DemoCategory(String department, String wireName, boolean durable, int cycleMinDays, int cycleMaxDays,
                 int priceMin, int priceMax, int weight) {
        this.department = department;
        this.wireName = wireName;
        this.durable = durable;
        this.cycleMinDays = cycleMinDays;
        this.cycleMaxDays = cycleMaxDays;
        this.priceMin = priceMin;
        this.priceMax = priceMax;
        this.weight = weight;
    }

    /** The category whose wire name this is. */
    static DemoCategory of(String wireName) {
        for (DemoCategory c : values()) {
            if (c.wireName.equals(wireName)) {
                return c;
            }
        }
        throw new IllegalArgumentException("no demo category " + wireName);
    }
}
