package io.lodestar.demo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import io.lodestar.contracts.Channel;
import io.lodestar.contracts.behaviour.BehaviourType;

/**
 * The demo shop: a deterministic generator of a realistic e-commerce history, the same for the same seed, size and
 * demo day (so loading it twice changes nothing). Customer {@code i} is generated from its own random stream, so any
 * customer can be generated alone and in any order.
 * <p>
 * What it plants, and the tests check: Pareto-distributed spend (a few customers make most of the revenue);
 * consumables repurchased every 15–30 days and durables every 6–12 months ({@link DemoCategory}); orders and
 * browsing at weekday-evening and weekend-morning peaks ({@link ActivityClock}); carts that are abandoned; the
 * associations "sunscreen → umbrella" (same basket) and "baby formula → stroller within 90 days"; a churning cohort
 * that stopped buying 100–240 days ago, and first-time buyers with no second order ({@link Persona}). Orders cover the
 * 400 days and behaviour events the 60 days before the demo day.
 */
final class DemoShop {

    static final int HISTORY_DAYS = 400;
    static final int EVENT_DAYS = 60;
    /** The chance that a basket with sunscreen also gets an umbrella. */
    static final double SUNSCREEN_UMBRELLA = 0.5;
    /** The chance that the umbrella added to a sunscreen basket is the shop's featured one (the first listed). */
    static final double FEATURED_UMBRELLA = 0.7;
    /** The chance that a customer buys their usual item of a category rather than another one. */
    static final double USUAL_ITEM = 0.7;
    /** The chance that a first baby-formula purchase is followed by a stroller within 10–90 days. */
    static final double FORMULA_STROLLER = 0.45;
    /** The share of recent orders whose path (views, cart, checkout) was recorded as behaviour events. */
    static final int RECORDED_PATH_PERCENT = 70;
    /** Purchases due within this many days are made together, in one order. */
    static final int BASKET_DAYS = 5;

    private static final String[][] CITIES = {
            {"Shanghai", "Shanghai", "east", "tier-1"}, {"Beijing", "Beijing", "north", "tier-1"},
            {"Guangzhou", "Guangdong", "south", "tier-1"}, {"Shenzhen", "Guangdong", "south", "tier-1"},
            {"Hangzhou", "Zhejiang", "east", "new-tier-1"}, {"Chengdu", "Sichuan", "southwest", "new-tier-1"},
            {"Wuhan", "Hubei", "central", "new-tier-1"}, {"Nanjing", "Jiangsu", "east", "new-tier-1"},
            {"Xiamen", "Fujian", "east", "tier-2"}, {"Kunming", "Yunnan", "southwest", "tier-2"},
            {"Harbin", "Heilongjiang", "northeast", "tier-2"}, {"Nanning", "Guangxi", "south", "tier-2"},
            {"Zhuzhou", "Hunan", "central", "tier-3-and-below"}, {"Baoding", "Hebei", "north", "tier-3-and-below"},
            {"Ganzhou", "Jiangxi", "east", "tier-3-and-below"}, {"Qujing", "Yunnan", "southwest", "tier-3-and-below"}};
    /** Weights of the cities above: a fifth of the customers in tier-1 cities, 30% in tier 3 and below. */
    private static final int[] CITY_WEIGHTS = {5, 5, 5, 5, 7, 6, 6, 6, 7, 6, 6, 6, 8, 8, 7, 7};
    private static final Channel[] CHANNELS = {Channel.APP, Channel.MINI_PROGRAM, Channel.H5, Channel.WEB,
            Channel.LIVE_STREAM, Channel.COMMUNITY};
    private static final int[] CHANNEL_WEIGHTS = {35, 30, 8, 10, 9, 8};

    private final long seed;
    private final int customers;
    private final Instant anchor;
    private final DemoCatalogue catalogue;

    /**
     * @param anchorDay the demo's day: histories end at its start in the shop's time zone, so a demo loaded today
     *                  has customers who bought yesterday
     */
    DemoShop(long seed, int customers, LocalDate anchorDay) {
        if (customers < 1) {
            throw new IllegalArgumentException("customers must be at least 1");
        }
        this.seed = seed;
        this.customers = customers;
        this.anchor = anchorDay.atStartOfDay(ActivityClock.SHOP_ZONE).toInstant();
        this.catalogue = new DemoCatalogue(seed);
    }

    int customers() {
        return customers;
    }

    Instant anchor() {
        return anchor;
    }

    DemoCatalogue catalogue() {
        return catalogue;
    }

    static String customerId(int index) {
        return "demo-c" + index;
    }

    /** The history of customer {@code index} (1 … customers). */
    CustomerHistory history(int index) {
        if (index < 1 || index > customers) {
            throw new IllegalArgumentException("customer index " + index + " outside 1.." + customers);
        }
        Random random = new Random(seed * 1_000_003L + index);
        Persona persona = persona(random);
        String customerId = customerId(index);
        double value = pareto(random);
        Instant historyStart = anchor.minus(HISTORY_DAYS, ChronoUnit.DAYS);
        Instant firstOrder = anchor.minus(16 + random.nextInt(30), ChronoUnit.DAYS); // for ONE_TIME only
        Instant registeredAt = switch (persona) {
            case NEW_ACTIVE -> anchor.minus(5 + random.nextInt(55), ChronoUnit.DAYS);
            case ONE_TIME -> firstOrder.minus(random.nextInt(10), ChronoUnit.DAYS);
            default -> anchor.minus(120 + random.nextInt(780), ChronoUnit.DAYS);
        };
        registeredAt = registeredAt.minusSeconds(random.nextInt(86_400));
        Channel registration = CHANNELS[Draw.index(CHANNEL_WEIGHTS, random)];
        List<DemoCategory> favourites = favourites(persona, value, random);
        String[] city = CITIES[Draw.index(CITY_WEIGHTS, random)];
        DemoCustomer customer = new DemoCustomer(customerId, gender(random), birthDate(random), city[0], city[1],
                city[2], city[3], memberTier(persona, value), registeredAt, registration, persona, value, favourites);

        Instant start = registeredAt.isAfter(historyStart) ? registeredAt : historyStart;
        Instant end = persona == Persona.CHURNING
                ? anchor.minus(100 + random.nextInt(141), ChronoUnit.DAYS)
                : anchor.minus(1, ChronoUnit.HOURS);
        List<Purchase> purchases = purchases(persona, value, favourites, start, end, firstOrder, random);
        List<DemoOrder> orders = orders(customerId, registration, value, purchases, favourites, end,
                random);
        List<DemoEvent> events = events(index, customer, orders, random);
        return new CustomerHistory(customer, orders, events);
    }

    // --- profile -------------------------------------------------------------------------------------------------

    private static final int[] PERSONA_PERCENTS = java.util.Arrays.stream(Persona.values()).mapToInt(p -> p.percent)
            .toArray();

    private static Persona persona(Random random) {
        return Persona.values()[Draw.index(PERSONA_PERCENTS, random)];
    }

    /** Pareto with shape 1.16 (the 80/20 rule), capped so one customer cannot dominate a small demo. */
    private static double pareto(Random random) {
        return Math.min(40, 1 / Math.pow(1 - random.nextDouble(), 1 / 1.16));
    }

    private static String gender(Random random) {
        int r = random.nextInt(100);
        return r < 58 ? "female" : r < 96 ? "male" : "unknown";
    }

    private static LocalDate birthDate(Random random) {
        int age = (int) Math.round(Math.max(18, Math.min(70, 33 + random.nextGaussian() * 10)));
        return LocalDate.of(2026, 1, 1).minusYears(age).plusDays(random.nextInt(365));
    }

    private static String memberTier(Persona persona, double value) {
        if (persona == Persona.BROWSER || persona == Persona.ONE_TIME) {
            return "normal";
        }
        return value >= 4 ? "gold" : value >= 2 ? "silver" : "normal";
    }

    private List<DemoCategory> favourites(Persona persona, double value, Random random) {
        int count = switch (persona) {
            case LOYAL -> 2 + random.nextInt(2);
            case REGULAR, CHURNING -> 1 + random.nextInt(2);
            default -> 1 + random.nextInt(2);
        };
        count = Math.min(4, count + (value > 5 ? 1 : 0));
        List<DemoCategory> chosen = new ArrayList<>();
        while (chosen.size() < count) {
            DemoCategory c = category(random, false);
            if (!chosen.contains(c)) {
                chosen.add(c);
            }
        }
        return List.copyOf(chosen);
    }

    /** A category by weight: a consumable, or (durable = true) a durable other than the planted stroller. */
    private static DemoCategory category(Random random, boolean durable) {
        List<DemoCategory> candidates = java.util.Arrays.stream(DemoCategory.values())
                .filter(c -> c.durable == durable && c != DemoCategory.STROLLER).toList();
        return candidates.get(Draw.index(candidates.stream().mapToInt(c -> c.weight).toArray(), random));
    }

    // --- purchases and orders ------------------------------------------------------------------------------------

    private record Purchase(Instant at, DemoCategory category) {
    }

    private List<Purchase> purchases(Persona persona, double value, List<DemoCategory> favourites, Instant start,
                                     Instant end, Instant firstOrder, Random random) {
        List<Purchase> purchases = new ArrayList<>();
        switch (persona) {
            case BROWSER -> {
                return purchases;
            }
            case ONE_TIME -> {
                for (DemoCategory c : favourites) {
                    purchases.add(new Purchase(firstOrder, c));
                }
                return purchases;
            }
            case OCCASIONAL -> {
                for (Instant t = plusDays(start, random.nextInt(150)); t.isBefore(end);
                     t = plusDays(t, 60 + random.nextInt(91))) {
                    purchases.add(new Purchase(t, random.nextInt(3) == 0 ? category(random, false)
                            : favourites.get(random.nextInt(favourites.size()))));
                }
            }
            default -> { // LOYAL, REGULAR, CHURNING, NEW_ACTIVE: consumables on their cycles
                for (DemoCategory c : favourites) {
                    for (Instant t = plusDays(start, random.nextInt(c.cycleMaxDays)); t.isBefore(end);
                         t = plusDays(t, cycle(c, random) * (persona == Persona.REGULAR && random.nextInt(10) < 5
                                 ? 2 : 1))) {
                        purchases.add(new Purchase(t, c));
                    }
                }
            }
        }
        // Durables: a few categories, bought again after their cycle now and then.
        int durables = random.nextInt(persona == Persona.LOYAL ? 4 : 3) + (value > 5 ? 1 : 0);
        for (int d = 0; d < durables; d++) {
            DemoCategory c = category(random, true);
            for (Instant t = plusDays(start, random.nextInt(365)); t.isBefore(end) && random.nextInt(3) > 0;
                 t = plusDays(t, cycle(c, random))) {
                purchases.add(new Purchase(t, c));
            }
        }
        // The planted sequence: a first baby-formula purchase, then often a stroller within 10–90 days.
        purchases.stream().filter(p -> p.category() == DemoCategory.BABY_FORMULA)
                .min(Comparator.comparing(Purchase::at))
                .filter(first -> random.nextDouble() < FORMULA_STROLLER)
                .map(first -> plusDays(first.at(), 10 + random.nextInt(81)))
                .filter(t -> t.isBefore(end))
                .ifPresent(t -> purchases.add(new Purchase(t, DemoCategory.STROLLER)));
        return purchases;
    }

    private static int cycle(DemoCategory c, Random random) {
        return c.cycleMinDays + random.nextInt(c.cycleMaxDays - c.cycleMinDays + 1);
    }

    private static Instant plusDays(Instant t, int days) {
        return t.plus(days, ChronoUnit.DAYS);
    }

    /** Purchases within a few days of each other become one basket, paid at a time of day the clock draws. */
    private List<DemoOrder> orders(String customerId, Channel preferred, double value, List<Purchase> purchases,
                                   List<DemoCategory> favourites, Instant end, Random random) {
        // Customers stick to an item they like in each favourite category (brand loyalty).
        Map<DemoCategory, DemoItem> usual = new EnumMap<>(DemoCategory.class);
        for (DemoCategory c : favourites) {
            usual.put(c, catalogue.pick(c, random));
        }
        purchases.sort(Comparator.comparing(Purchase::at).thenComparing(Purchase::category));
        List<DemoOrder> orders = new ArrayList<>();
        int i = 0;
        while (i < purchases.size()) {
            Instant basketStart = purchases.get(i).at();
            Set<DemoCategory> basket = EnumSet.noneOf(DemoCategory.class);
            while (i < purchases.size() && Duration.between(basketStart, purchases.get(i).at()).toDays() < BASKET_DAYS) {
                basket.add(purchases.get(i).category());
                i++;
            }
            if (basket.contains(DemoCategory.SUNSCREEN) && random.nextDouble() < SUNSCREEN_UMBRELLA) {
                basket.add(DemoCategory.UMBRELLA);
            }
            Instant paidAt = ActivityClock.at(LocalDate.ofInstant(basketStart, ActivityClock.SHOP_ZONE), random);
            if (!paidAt.isBefore(end)) {
                continue;
            }
            List<DemoOrder.Line> lines = new ArrayList<>();
            boolean planted = basket.contains(DemoCategory.UMBRELLA) && basket.contains(DemoCategory.SUNSCREEN);
            for (DemoCategory c : basket) {
                // Richer customers buy more units: the Pareto value drives spend, not only frequency.
                int quantity = Math.max(1, (int) Math.round(Math.sqrt(value) * (0.6 + random.nextDouble() * 0.8)));
                DemoItem item = c == DemoCategory.UMBRELLA && planted && random.nextDouble() < FEATURED_UMBRELLA
                        ? catalogue.of(c).get(0)
                        : usual.containsKey(c) && random.nextDouble() < USUAL_ITEM ? usual.get(c)
                        : catalogue.pick(c, random);
                lines.add(new DemoOrder.Line(item, c.durable ? 1 : quantity));
            }
            Channel channel = random.nextInt(100) < 75 ? preferred : CHANNELS[Draw.index(CHANNEL_WEIGHTS, random)];
            Instant refundedAt = null;
            if (random.nextInt(100) < 4) {
                Instant at = paidAt.plus(1 + random.nextInt(7), ChronoUnit.DAYS);
                refundedAt = at.isBefore(anchor) ? at : null;
            }
            orders.add(new DemoOrder("demo-o" + customerId.substring("demo-c".length()) + "-" + (orders.size() + 1),
                    customerId, channel, paidAt, List.copyOf(lines), refundedAt));
        }
        return orders;
    }

    // --- behaviour events ----------------------------------------------------------------------------------------

    private List<DemoEvent> events(int index, DemoCustomer customer, List<DemoOrder> orders, Random random) {
        Instant windowStart = anchor.minus(EVENT_DAYS, ChronoUnit.DAYS);
        Events events = new Events(index, customer.customerId());
        // The path to most recent orders: views, a click, the cart, the checkout, in the order's channel. The rest
        // left no trace before the payment (a deep link, a reorder from the order list): the funnel counts them as
        // paying without a recorded view.
        for (DemoOrder order : orders) {
            if (order.paidAt().isBefore(windowStart) || random.nextInt(100) >= RECORDED_PATH_PERCENT) {
                continue;
            }
            String session = events.session();
            Instant t = order.paidAt().minus(5 + random.nextInt(35), ChronoUnit.MINUTES);
            events.add(BehaviourType.PAGE_VIEW, order.channel(), null, null, session, t);
            for (DemoOrder.Line line : order.lines()) {
                DemoItem item = line.item();
                for (int extra = random.nextInt(3); extra > 0; extra--) {
                    DemoItem other = catalogue.pick(item.category(), random);
                    t = t.plusSeconds(20 + random.nextInt(70));
                    events.add(BehaviourType.PRODUCT_VIEW, order.channel(), other, null, session, t);
                }
                t = t.plusSeconds(20 + random.nextInt(70));
                events.add(BehaviourType.PRODUCT_VIEW, order.channel(), item, null, session, t);
                events.add(BehaviourType.CLICK, order.channel(), item, null, session, t.plusSeconds(3));
                events.add(BehaviourType.ADD_TO_CART, order.channel(), item, null, session, t.plusSeconds(30));
            }
            events.add(BehaviourType.CHECKOUT, order.channel(), order.lines().get(0).item(), null, session,
                    order.paidAt().minusSeconds(30));
        }
        // Browsing that does not end in an order: the funnel's leaks and the abandoned carts.
        Instant firstDay = customer.registeredAt().isAfter(windowStart) ? customer.registeredAt() : windowStart;
        long days = Math.max(1, Duration.between(firstDay, anchor).toDays());
        int sessions = (int) Math.round(customer.persona().sessions * (0.5 + random.nextDouble()));
        for (int s = 0; s < sessions; s++) {
            LocalDate day = LocalDate.ofInstant(firstDay.plus(random.nextInt((int) days), ChronoUnit.DAYS),
                    ActivityClock.SHOP_ZONE);
            Instant t = ActivityClock.at(day, random);
            Channel channel = random.nextInt(100) < 70 ? customer.registrationChannel()
                    : CHANNELS[Draw.index(CHANNEL_WEIGHTS, random)];
            DemoCategory category = random.nextInt(100) < 70
                    ? customer.favourites().get(random.nextInt(customer.favourites().size()))
                    : DemoCategory.values()[random.nextInt(DemoCategory.values().length)];
            String session = events.session();
            events.add(BehaviourType.PAGE_VIEW, channel, null, null, session, t);
            if (channel == Channel.LIVE_STREAM) {
                events.add(BehaviourType.LIVE_WATCH, channel, null, null, session, t.plusSeconds(10));
            }
            if (random.nextInt(100) < 30) {
                events.add(BehaviourType.SEARCH, channel, null, category.wireName.replace('_', ' '), session,
                        t.plusSeconds(15));
            }
            DemoItem last = null;
            for (int v = 1 + random.nextInt(3); v > 0; v--) {
                last = catalogue.pick(category, random);
                t = t.plusSeconds(30 + random.nextInt(90));
                events.add(BehaviourType.PRODUCT_VIEW, channel, last, null, session, t);
            }
            if (random.nextInt(100) < 50) {
                events.add(BehaviourType.CLICK, channel, last, null, session, t.plusSeconds(4));
            }
            if (random.nextInt(100) < 10) {
                events.add(BehaviourType.FAVORITE, channel, last, null, session, t.plusSeconds(8));
            }
            int cartChance = customer.persona() == Persona.BROWSER ? 70 : 45;
            if (random.nextInt(100) < cartChance) {
                events.add(BehaviourType.ADD_TO_CART, channel, last, null, session, t.plusSeconds(20));
                if (random.nextInt(100) < 15) {
                    events.add(BehaviourType.REMOVE_FROM_CART, channel, last, null, session, t.plusSeconds(60));
                }
            }
            if (channel == Channel.COMMUNITY && random.nextInt(100) < 30) {
                events.add(BehaviourType.SHARE, channel, last, null, session, t.plusSeconds(40));
            }
        }
        List<DemoEvent> list = events.list();
        list.removeIf(e -> !e.occurredAt().isBefore(anchor) || e.occurredAt().isBefore(windowStart));
        list.sort(Comparator.comparing(DemoEvent::occurredAt));
        return list;
    }

    /** Numbers a customer's events and sessions, so that their ids are the same in every run. */
    private final class Events {
        private final int index;
        private final String customerId;
        private final List<DemoEvent> list = new ArrayList<>();
        private int sessions;

        Events(int index, String customerId) {
            this.index = index;
            this.customerId = customerId;
        }

        String session() {
            return "demo-s" + index + "-" + (++sessions);
        }

        void add(BehaviourType type, Channel channel, DemoItem item, String searchQuery, String session, Instant at) {
            UUID id = UUID.nameUUIDFromBytes(("lodestar-demo:" + seed + ":" + index + ":" + list.size())
                    .getBytes(StandardCharsets.UTF_8));
            list.add(new DemoEvent(id, customerId, type, channel, item == null ? null : item.itemId(),
                    item == null ? null : item.category().wireName, searchQuery, session, at));
        }

        List<DemoEvent> list() {
            return list;
        }
    }
}
