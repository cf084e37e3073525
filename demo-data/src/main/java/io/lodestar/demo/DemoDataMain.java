package io.lodestar.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code java -jar demo-data/target/lodestar-demo-data.jar shop|online-retail [options]}: loads the demo shop or the
 * Online Retail file into a running suite. Tokens come from the environment ({@code LODESTAR_DEMO_APP_TOKEN},
 * {@code LODESTAR_DEMO_OPERATOR_TOKEN}, {@code LODESTAR_DEMO_ADMIN_TOKEN}), not the command line, so that they do not
 * show in the process list.
 * <pre>
 *   shop [--customers 20000] [--seed 42] [--day YYYY-MM-DD] [--work DIR] [--summary FILE]
 *   online-retail --file online_retail.csv.gz [--summary FILE]
 *   common: [--profile-url http://127.0.0.1:8081] [--recommendation-url http://127.0.0.1:8083] [--concurrency 4]
 * </pre>
 * Exit code 0 when everything was loaded, 1 on a failed call (its message names the call and the answer), 2 on bad
 * arguments.
 */
public final class DemoDataMain {

    private DemoDataMain() {
    }

    public static void main(String[] args) {
        try {
            System.exit(run(args));
        } catch (IllegalArgumentException e) {
            System.err.println("demo: " + e.getMessage());
            System.exit(2);
        } catch (Exception e) {
            System.err.println("demo: FAILED: " + e.getMessage());
            System.exit(1);
        }
    }

    static int run(String[] args) throws Exception {
        if (args.length == 0 || !(args[0].equals("shop") || args[0].equals("online-retail"))) {
            throw new IllegalArgumentException("usage: shop|online-retail [--option value ...]");
        }
        Map<String, String> options = options(args);
        int concurrency = positive(options.getOrDefault("concurrency", "4"), "concurrency");
        Path work = Path.of(options.getOrDefault("work", System.getProperty("java.io.tmpdir")));
        DemoShop shop = null;
        Path file = null;
        if (args[0].equals("shop")) {
            int customers = positive(options.getOrDefault("customers", "20000"), "customers");
            long seed = Long.parseLong(options.getOrDefault("seed", "42"));
            LocalDate day = options.containsKey("day") ? LocalDate.parse(options.get("day"))
                    : LocalDate.now(ActivityClock.SHOP_ZONE);
            shop = new DemoShop(seed, customers, day);
        } else {
            file = options.containsKey("file") ? Path.of(options.get("file")) : null;
            if (file == null || !Files.isRegularFile(file)) {
                throw new IllegalArgumentException("--file must name the Online Retail file (online_retail.csv.gz)");
            }
        }
        DemoLoader.Suite suite = new DemoLoader.Suite(
                options.getOrDefault("profile-url", "http://127.0.0.1:8081"),
                options.getOrDefault("recommendation-url", "http://127.0.0.1:8083"),
                env("LODESTAR_DEMO_APP_TOKEN"), env("LODESTAR_DEMO_OPERATOR_TOKEN"), env("LODESTAR_DEMO_ADMIN_TOKEN"));
        DemoLoader loader = new DemoLoader(suite, work, concurrency);
        if (shop != null) {
            loader.loadShop(shop);
        } else {
            loader.loadOnlineRetail(file);
        }
        if (options.containsKey("summary")) {
            writeSummary(Path.of(options.get("summary")), loader.summary());
        }
        return 0;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }

    private static int positive(String value, String name) {
        try {
            int n = Integer.parseInt(value);
            if (n < 1) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a positive whole number, got " + value);
        }
    }

    private static String env(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is not set (deploy/local/token gives one)");
        }
        return value;
    }

    private static void writeSummary(Path file, Map<String, String> summary) throws IOException {
        Files.writeString(file, summary.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n", "", "\n")));
    }
}
