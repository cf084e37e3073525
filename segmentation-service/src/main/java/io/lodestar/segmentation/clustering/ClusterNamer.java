package io.lodestar.segmentation.clustering;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Generates a descriptive name per cluster from its z-scores (standardised mean difference to the population), so a
 * marketer reads "lapsed low-value bargain hunters" instead of "cluster 3". Names are unique within a run. Stateless.
 *
 * <p>The grammar: {@code [adjectives] noun[, <category>-heavy][, <channel>-first]}.
 * <ul>
 *   <li>Traits are the behaviour features (recency, frequency, monetary, views, favourites, cart adds, abandonment,
 *       discount) whose |z| is at least {@value #THRESHOLD} and that have a word for their direction; the
 *       {@value #MAX_TRAITS} strongest are used, so a name never grows into a list. Recency, when it qualifies, always
 *       takes one of them: recent or lapsed decides the kind of campaign (retention or win-back), so a name must say it
 *       even when, say, the discount share stands out more.</li>
 *   <li>The noun is the strongest behaviour trait that names a kind of shopper ("bargain hunters", "cart abandoners",
 *       "browsers", "wishlisters", "cart fillers"); failing that a monetary trait ("high spenders", "low spenders");
 *       failing that "customers", or "typical customers" when nothing stands out.</li>
 *   <li>The other traits become adjectives in a fixed order (recency, frequency, value, engagement, price), which reads
 *       naturally: "recent frequent high-value …".</li>
 *   <li>A category adds "beauty-heavy" and a channel "app-first" when it stands out in the cluster: of the categories
 *       (channels) holding at least {@value #MIN_PREFERENCE_SHARE} of the cluster's spend (interactions) and at least
 *       {@value #MIN_PREFERENCE_LIFT} times the population's share, the largest. These come from every category and channel,
 *       not only those the feature space kept, so a niche that defines a cluster is still named.</li>
 * </ul>
 *
 * <p>Two clusters can get the same name. Each is then qualified, in parentheses, by the feature on which it deviates most
 * from the mean of its namesakes ("recent high spenders (more frequent)" and "… (less frequent)"). Any name still taken
 * gets a number, " 2", " 3", for the later clusters in input order (the profiler passes them largest first, so the
 * largest keeps the plain name).
 */
final class ClusterNamer {

    /** |z| a feature needs to describe a cluster: half a population standard deviation. */
    static final double THRESHOLD = 0.5;
    /** Behaviour traits used at most per name. */
    static final int MAX_TRAITS = 3;
    /** Share of a cluster's spend (or interactions) a category (or channel) needs to be named. */
    static final double MIN_PREFERENCE_SHARE = 0.25;
    /** How many times the population's share a category (or channel) needs within the cluster to be named. */
    static final double MIN_PREFERENCE_LIFT = 1.5;

    /**
     * A cluster as the namer sees it.
     *
     * @param zScores    z-score per feature, in feature order
     * @param categories the cluster's categories with their shares, any order
     * @param channels   the cluster's channels with their shares, any order
     */
    record Traits(Map<Feature, Double> zScores, List<ShareEntry> categories, List<ShareEntry> channels) {
        Traits {
            Objects.requireNonNull(zScores, "zScores");
            zScores = Collections.unmodifiableMap(new LinkedHashMap<>(zScores));
            categories = List.copyOf(categories);
            channels = List.copyOf(channels);
        }
    }

    /** Words for a behaviour feature in one direction: always an adjective, and a noun for those naming a shopper. */
    private record Term(String adjective, String noun, boolean shopperNoun) {
    }

    private record Trait(FeatureKind kind, double z, Term term) {
    }

    /** One name per cluster, in the order given, unique among them. */
    List<String> names(List<Traits> clusters) {
        List<String> names = new ArrayList<>(clusters.size());
        for (Traits cluster : clusters) {
            names.add(baseName(cluster));
        }
        qualifyNamesakes(clusters, names);
        return numbered(names);
    }

    /** The name of a cluster on its own, before disambiguation. */
    String baseName(Traits cluster) {
        List<Trait> traits = strongestTraits(cluster);
        Trait noun = null;
        for (Trait trait : traits) {
            if (trait.term().shopperNoun()) {
                noun = trait;
                break;
            }
        }
        if (noun == null) {
            for (Trait trait : traits) {
                if (trait.kind() == FeatureKind.MONETARY) {
                    noun = trait;
                }
            }
        }
        List<Trait> adjectives = new ArrayList<>(traits);
        adjectives.remove(noun);
        adjectives.sort(Comparator.comparing(Trait::kind));
        List<String> words = new ArrayList<>();
        for (Trait adjective : adjectives) {
            words.add(adjective.term().adjective());
        }
        if (noun != null) {
            words.add(noun.term().noun());
        } else if (words.isEmpty()) {
            words.add("typical customers");
        } else {
            words.add("customers");
        }
        StringBuilder name = new StringBuilder(String.join(" ", words));
        standingOut(cluster.categories()).ifPresent(key -> name.append(", ").append(key).append("-heavy"));
        standingOut(cluster.channels()).ifPresent(key -> name.append(", ").append(key).append("-first"));
        return name.toString();
    }

    private static List<Trait> strongestTraits(Traits cluster) {
        List<Trait> traits = new ArrayList<>();
        for (Map.Entry<Feature, Double> entry : cluster.zScores().entrySet()) {
            Feature feature = entry.getKey();
            double z = entry.getValue();
            if (feature.kind().keyed() || !(Math.abs(z) >= THRESHOLD)) {
                continue;
            }
            Term term = termFor(feature.kind(), z > 0 ? Direction.HIGH : Direction.LOW);
            if (term != null) {
                traits.add(new Trait(feature.kind(), z, term));
            }
        }
        traits.sort(Comparator.comparing((Trait trait) -> trait.kind() != FeatureKind.RECENCY_DAYS)
                .thenComparingDouble(trait -> -Math.abs(trait.z())).thenComparing(Trait::kind));
        return traits.subList(0, Math.min(MAX_TRAITS, traits.size()));
    }

    /** Of the entries holding enough of the cluster and enough more than the population, the largest; lower case. */
    private static Optional<String> standingOut(List<ShareEntry> entries) {
        return entries.stream()
                .filter(entry -> entry.share() >= MIN_PREFERENCE_SHARE
                        && entry.share() >= MIN_PREFERENCE_LIFT * entry.populationShare())
                .max(Comparator.comparingDouble(ShareEntry::share).thenComparing(ShareEntry::key, Comparator.reverseOrder()))
                .map(top -> top.key().toLowerCase(Locale.ROOT));
    }

    private static Term termFor(FeatureKind kind, Direction direction) {
        boolean high = direction == Direction.HIGH;
        return switch (kind) {
            case RECENCY_DAYS -> high ? new Term("lapsed", null, false) : new Term("recent", null, false);
            case FREQUENCY -> high ? new Term("frequent", null, false) : new Term("occasional", null, false);
            case MONETARY -> high ? new Term("high-value", "high spenders", false)
                    : new Term("low-value", "low spenders", false);
            case PRODUCT_VIEWS -> high ? new Term("browsing-heavy", "browsers", true) : new Term("low-engagement", null, false);
            case FAVORITES -> high ? new Term("wishlisting", "wishlisters", true) : null;
            case CART_ADDS -> high ? new Term("cart-filling", "cart fillers", true) : null;
            case CART_ABANDONMENT_RATE -> high ? new Term("cart-abandoning", "cart abandoners", true) : null;
            case DISCOUNT_SHARE -> high ? new Term("bargain-hunting", "bargain hunters", true) : new Term("full-price", null, false);
            case CATEGORY_SHARE, CHANNEL_SHARE -> null;
        };
    }

    /** "more frequent" / "less frequent" and the like: how a cluster compares with its namesakes on a feature. */
    static String comparative(Feature feature, Direction direction) {
        boolean high = direction == Direction.HIGH;
        return switch (feature.kind()) {
            case RECENCY_DAYS -> high ? "less recent" : "more recent";
            case FREQUENCY -> high ? "more frequent" : "less frequent";
            case MONETARY -> high ? "higher spend" : "lower spend";
            case PRODUCT_VIEWS -> high ? "more browsing" : "less browsing";
            case FAVORITES -> high ? "more favourites" : "fewer favourites";
            case CART_ADDS -> high ? "more cart adds" : "fewer cart adds";
            case CART_ABANDONMENT_RATE -> high ? "more cart abandonment" : "less cart abandonment";
            case DISCOUNT_SHARE -> high ? "more discount use" : "less discount use";
            case CATEGORY_SHARE, CHANNEL_SHARE -> (high ? "more " : "less ") + feature.key().toLowerCase(Locale.ROOT);
        };
    }

    private static void qualifyNamesakes(List<Traits> clusters, List<String> names) {
        Map<String, List<Integer>> byName = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            byName.computeIfAbsent(names.get(i), name -> new ArrayList<>()).add(i);
        }
        for (List<Integer> namesakes : byName.values()) {
            if (namesakes.size() < 2) {
                continue;
            }
            Map<Feature, Double> groupMean = new HashMap<>();
            for (int i : namesakes) {
                clusters.get(i).zScores().forEach((feature, z) -> groupMean.merge(feature, z / namesakes.size(), Double::sum));
            }
            for (int i : namesakes) {
                Feature widest = null;
                double widestDeviation = 1e-9;
                for (Map.Entry<Feature, Double> entry : clusters.get(i).zScores().entrySet()) {
                    double deviation = entry.getValue() - groupMean.get(entry.getKey());
                    if (Math.abs(deviation) > widestDeviation) {
                        widest = entry.getKey();
                        widestDeviation = Math.abs(deviation);
                    }
                }
                if (widest != null) {
                    double deviation = clusters.get(i).zScores().get(widest) - groupMean.get(widest);
                    names.set(i, names.get(i) + " (" + comparative(widest, deviation > 0 ? Direction.HIGH : Direction.LOW)
                            + ")");
                }
            }
        }
    }

    /** The names with every repeat numbered (" 2", " 3", …, skipping numbers already taken); first occurrences stay. */
    static List<String> numbered(List<String> given) {
        List<String> names = new ArrayList<>(given);
        Set<String> taken = new HashSet<>(names);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (seen.add(name)) {
                continue;
            }
            int number = 2;
            while (taken.contains(name + " " + number)) {
                number++;
            }
            String numbered = name + " " + number;
            names.set(i, numbered);
            taken.add(numbered);
            seen.add(numbered);
        }
        return List.copyOf(names);
    }
}
