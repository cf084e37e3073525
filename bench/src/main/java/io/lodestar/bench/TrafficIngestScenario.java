package io.lodestar.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;

import io.lodestar.contracts.EventCodec;
import io.lodestar.contracts.Topics;

/**
 * Scenario {@code traffic-ingest}: produces {@code --events} {@code behaviour.recorded} envelopes (written by the
 * contracts' {@link EventCodec}, keyed by customerId) straight to {@code lodestar.customer-events.v1} at
 * {@code --rate} events/s (0: as fast as the producer goes), and samples every second, with the Kafka Admin API, the
 * end offsets of the topic and the committed offsets of each consumer group of {@code --groups}. It reports the
 * produce rate achieved, per group the consume rate (committed offsets per second, from the first sample to the one
 * where the group caught up), the largest and final lag and the time from the last produced event to a lag of zero
 * (bounded by {@code --drain-timeout}; the run waits for the groups of {@code --wait-for}, by default those whose
 * name contains "traffic", and reports the others' lag as it is then). The groups commit what their consumers acknowledged (SmallRye's throttled
 * commits, every {@code auto.commit.interval.ms} = 5 s by default), so a lag read here can be up to that old. With
 * {@code --database} it also reads, in the same sample, the offsets the traffic consumer stores in its own transaction
 * ({@code traffic_consumer_offset} of {@code --database-consumer}): the records actually aggregated, to the second,
 * reported as the pseudo-group {@code db:<consumer>}.
 *
 * <p>{@code occurredAt}: {@code --late-percent} of the events happen at a uniform time in the last {@code --days}
 * days, the rest within the {@code --recent} window before they are sent (a touchpoint's normal delay). With
 * {@code --chronological true} (seeding) they instead advance evenly from {@code --days} ago to now, in send order.
 */
final class TrafficIngestScenario {

    private static final String TOPIC = Topics.CUSTOMER_EVENTS;

    private final String bootstrap;
    private final long events;
    private final int rate;
    private final EventFactory factory;
    private final int anonymousPercent;
    private final int latePercent;
    private final Duration days;
    private final Duration recent;
    private final List<String> kafkaGroups;
    /** The Kafka groups, and the database's stored offsets as {@code db:<consumer>} with {@code --database}. */
    private List<String> groups;
    /** The groups whose drain ends the run (--wait-for; default: those of the traffic aggregation). */
    private final String waitForOption;
    private final boolean chronological;
    private List<String> waitFor;
    private final Duration drainTimeout;
    private final String compression;
    private final long seed;
    private final String jdbcUrl;
    private final String databaseConsumer;
    private final String out;

    TrafficIngestScenario(Options o) {
        String host = o.string("kafka", "127.0.0.1:19092");
        if (!host.startsWith(Api.HOST + ":")) {
            throw new Options.UsageException("--kafka must be " + Api.HOST + ":PORT, was " + host);
        }
        this.bootstrap = host;
        this.events = o.integer("events", 1_000_000, 1, 100_000_000);
        this.rate = o.integer("rate", 20_000, 0, 200_000);
        this.factory = new EventFactory(o.integer("customers", 200_000, 1, 10_000_000),
                o.integer("items", 5_000, 1, 10_000_000));
        this.anonymousPercent = o.integer("anonymous-percent", 15, 0, 100);
        this.latePercent = o.integer("late-percent", 10, 0, 100);
        this.days = Duration.ofDays(o.integer("days", 7, 1, 400));
        this.recent = o.duration("recent", Duration.ofMinutes(2), Duration.ofSeconds(1), Duration.ofDays(1));
        this.kafkaGroups = List.of(o.string("groups", "segmentation-service-traffic,segmentation-service").split(","));
        this.drainTimeout = o.duration("drain-timeout", Duration.ofMinutes(10), Duration.ZERO, Duration.ofMinutes(30));
        this.compression = o.string("compression", "none");
        this.seed = o.integer("seed", 7, 0, Integer.MAX_VALUE);
        String database = o.string("database", null);
        if (database != null && !database.matches("[a-z_][a-z0-9_]*")) {
            throw new Options.UsageException("--database must be a database name, was " + database);
        }
        this.jdbcUrl = database == null ? null : "jdbc:postgresql://" + Api.HOST + ":5432/" + database + "?user=postgres";
        this.databaseConsumer = o.string("database-consumer", "customer-events-traffic");
        this.waitForOption = o.string("wait-for", null);
        this.chronological = o.string("chronological", "false").equals("true");
        this.out = o.string("out", null);
    }

    /** One lag sample: seconds since the start, events sent so far, end offset sum, committed sum per group. */
    private record Sample(double t, long sent, long end, Map<String, Long> committed) {
        long lag(String group) {
            return end - committed.get(group);
        }
    }

    int run() throws Exception {
        List<String> all = new ArrayList<>(kafkaGroups);
        Connection db = null;
        if (jdbcUrl != null) {
            db = DriverManager.getConnection(jdbcUrl);
            all.add(0, "db:" + databaseConsumer);
        }
        groups = List.copyOf(all);
        waitFor = waitForOption == null ? groups.stream().filter(g -> g.contains("traffic")).toList()
                : List.of(waitForOption.split(","));
        if (!groups.containsAll(waitFor)) {
            throw new Options.UsageException("--wait-for names a group not sampled: " + waitFor + " of " + groups);
        }
        try (Connection ignored = db) {
            return run(db);
        }
    }

    private int run(Connection db) throws Exception {
        Properties common = new Properties();
        common.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(common)) {
            List<TopicPartition> partitions = admin.describeTopics(List.of(TOPIC)).allTopicNames().get().get(TOPIC)
                    .partitions().stream().map(p -> new TopicPartition(TOPIC, p.partition())).toList();
            Sample before = sample(admin, db, partitions, 0, 0);
            System.out.printf("traffic-ingest: %,d events to %s (%d partitions) at %s, occurredAt: %s; %d %% anonymous; "
                            + "lag of %s%n", events, TOPIC, partitions.size(),
                    rate == 0 ? "full speed" : String.format("%,d/s", rate), chronological
                            ? String.format("in order over the last %d days", days.toDays())
                            : String.format("%d %% over %d days, the rest within %d s", latePercent, days.toDays(),
                            recent.toSeconds()), anonymousPercent, groups);
            System.out.println("traffic-ingest: before: end offsets " + before.end() + ", committed " + before.committed());

            AtomicLong sent = new AtomicLong();
            AtomicLong acked = new AtomicLong();
            AtomicReference<Exception> sendFailure = new AtomicReference<>();
            List<Sample> samples = new ArrayList<>();
            long t0 = System.nanoTime();
            ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "lag-sampler");
                t.setDaemon(true);
                return t;
            });
            sampler.scheduleAtFixedRate(() -> {
                try {
                    Sample s = sample(admin, db, partitions, (System.nanoTime() - t0) / 1e9, sent.get());
                    synchronized (samples) {
                        samples.add(s);
                    }
                    System.out.printf("  t=%5.1f s sent %,d end %,d lag %s%n", s.t(), s.sent(), s.end() - before.end(),
                            groups.stream().map(g -> g + "=" + String.format("%,d", s.lag(g)))
                                    .collect(Collectors.joining(" ")));
                } catch (Exception e) {
                    System.out.println("  lag sample failed: " + e);
                }
            }, 1, 1, TimeUnit.SECONDS);

            EventCodec codec = new EventCodec();
            Random random = new Random(seed);
            Instant seedStart = Instant.now().minus(days);
            long produceStart = System.nanoTime();
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProperties())) {
                double period = rate == 0 ? 0 : 1e9 / rate;
                for (long i = 0; i < events && sendFailure.get() == null; i++) {
                    if (rate > 0) {
                        // Paced in steps of at least a millisecond: spinning per event (50 µs apart at
                        // 20,000/s) would take a core from the service on this 2-core machine.
                        long ahead = produceStart + (long) (i * period) - System.nanoTime();
                        if (ahead > 1_000_000) {
                            LockSupport.parkNanos(ahead);
                        }
                    }
                    Instant now = Instant.now();
                    Instant at = chronological
                            ? seedStart.plusMillis((long) ((double) i / events * days.toMillis()))
                            : random.nextInt(100) < latePercent
                            ? now.minusMillis((long) (random.nextDouble() * days.toMillis()))
                            : now.minusMillis((long) (random.nextDouble() * recent.toMillis()));
                    var envelope = factory.envelope(random, at, anonymousPercent);
                    producer.send(new ProducerRecord<>(TOPIC, envelope.customerId(), codec.encode(envelope)),
                            (metadata, failure) -> {
                                if (failure != null) {
                                    sendFailure.compareAndSet(null, failure);
                                } else {
                                    acked.incrementAndGet();
                                }
                            });
                    sent.incrementAndGet();
                }
                producer.flush();
            }
            long produceEnd = System.nanoTime();
            double produceSeconds = (produceEnd - produceStart) / 1e9;
            System.out.printf("traffic-ingest: produced %,d (acknowledged %,d) in %.1f s: %,.0f events/s%n", sent.get(),
                    acked.get(), produceSeconds, acked.get() / produceSeconds);
            if (sendFailure.get() != null) {
                System.out.println("traffic-ingest: send failed: " + sendFailure.get());
            }

            // Wait until every group has caught up with the end offsets, or the drain timeout.
            long drainDeadline = produceEnd + drainTimeout.toNanos();
            Map<String, Double> drainedAt = new LinkedHashMap<>();
            while (System.nanoTime() < drainDeadline && !drainedAt.keySet().containsAll(waitFor)) {
                Thread.sleep(500);
                Sample last;
                synchronized (samples) {
                    last = samples.isEmpty() ? null : samples.get(samples.size() - 1);
                }
                if (last == null || last.t() * 1e9 < produceEnd - t0) {
                    continue;
                }
                for (String g : groups) {
                    if (!drainedAt.containsKey(g) && last.lag(g) == 0) {
                        drainedAt.put(g, last.t());
                    }
                }
            }
            sampler.shutdown();
            sampler.awaitTermination(10, TimeUnit.SECONDS);
            Sample end = sample(admin, db, partitions, (System.nanoTime() - t0) / 1e9, sent.get());
            samples.add(end);
            for (String g : groups) {
                if (!drainedAt.containsKey(g) && end.lag(g) == 0) {
                    drainedAt.put(g, end.t());
                }
            }

            double produceEndT = (produceEnd - t0) / 1e9;
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("scenario", "traffic-ingest");
            result.put("topic", TOPIC);
            result.put("partitions", partitions.size());
            result.put("events", events);
            result.put("targetRate", rate);
            result.put("latePercent", chronological ? null : latePercent);
            result.put("chronological", chronological);
            result.put("days", days.toDays());
            result.put("anonymousPercent", anonymousPercent);
            result.put("compression", compression);
            result.put("acknowledged", acked.get());
            result.put("sendFailure", sendFailure.get() == null ? null : sendFailure.get().toString());
            result.put("produceSeconds", Report.round(produceSeconds, 2));
            result.put("produceRate", Report.round(acked.get() / produceSeconds, 0));
            Map<String, Object> perGroup = new LinkedHashMap<>();
            for (String g : groups) {
                perGroup.put(g, groupResult(g, before, samples, end, produceEndT, drainedAt.get(g)));
            }
            result.put("groups", perGroup);
            result.put("samples", samples.stream().map(s -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("t", Report.round(s.t(), 1));
                m.put("sent", s.sent());
                for (String g : groups) {
                    m.put(g, s.lag(g));
                }
                return m;
            }).toList());
            Report.emit(result, out);
            return sendFailure.get() == null && drainedAt.keySet().containsAll(waitFor) ? 0 : 1;
        }
    }

    private Map<String, Object> groupResult(String group, Sample before, List<Sample> samples, Sample end,
                                            double produceEndT, Double drainedAt) {
        long consumed = end.committed().get(group) - before.committed().get(group);
        long maxLag = samples.stream().mapToLong(s -> s.lag(group)).max().orElse(0);
        long lagAtProduceEnd = samples.stream().filter(s -> s.t() >= produceEndT).findFirst()
                .map(s -> s.lag(group)).orElse(end.lag(group));
        // From the first sample (t = 1 s: producing has begun) to the drain, or to the last sample.
        double until = drainedAt != null ? drainedAt : end.t();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("consumed", consumed);
        m.put("consumeRate", Report.round(consumed / Math.max(until, 1e-3), 0));
        // The rate while the producer was still sending: committed progress up to the end of producing.
        Sample atEnd = samples.stream().filter(s -> s.t() <= produceEndT).reduce((a, b) -> b).orElse(before);
        m.put("consumeRateWhileProducing", Report.round(
                (atEnd.committed().get(group) - before.committed().get(group)) / Math.max(atEnd.t(), 1e-3), 0));
        m.put("peakConsumeRate5s", Report.round(peakRate(group, samples, 5), 0));
        m.put("maxLag", maxLag);
        m.put("lagAtProduceEnd", lagAtProduceEnd);
        m.put("finalLag", end.lag(group));
        m.put("drainSecondsAfterProduceEnd", drainedAt == null ? null : Report.round(drainedAt - produceEndT, 1));
        System.out.printf("traffic-ingest: %s: consumed %,d, %,.0f events/s (%,.0f/s while producing); lag max %,d, "
                        + "at the end of producing %,d, final %,d; %s%n", group, consumed, consumed / Math.max(until, 1e-3),
                ((Number) m.get("consumeRateWhileProducing")).doubleValue(), maxLag, lagAtProduceEnd, end.lag(group),
                drainedAt == null ? "NOT drained within the timeout"
                        : String.format("drained %.1f s after the last event was produced", drainedAt - produceEndT));
        return m;
    }

    /** The fastest progress of {@code group} over {@code seconds} consecutive samples, per second. */
    private static double peakRate(String group, List<Sample> samples, int seconds) {
        double best = 0;
        for (int i = 0; i + seconds < samples.size(); i++) {
            Sample a = samples.get(i);
            Sample b = samples.get(i + seconds);
            best = Math.max(best, (b.committed().get(group) - a.committed().get(group)) / (b.t() - a.t()));
        }
        return best;
    }

    private Sample sample(Admin admin, Connection db, List<TopicPartition> partitions, double t, long sent)
            throws ExecutionException, InterruptedException, SQLException {
        Map<TopicPartition, OffsetSpec> latest = partitions.stream()
                .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
        Map<TopicPartition, OffsetSpec> earliest = partitions.stream()
                .collect(Collectors.toMap(p -> p, p -> OffsetSpec.earliest()));
        var ends = admin.listOffsets(latest).all().get();
        var starts = admin.listOffsets(earliest).all().get();
        long end = ends.values().stream().mapToLong(r -> r.offset()).sum();
        Map<String, ListConsumerGroupOffsetsSpec> specs = kafkaGroups.stream()
                .collect(Collectors.toMap(g -> g, g -> new ListConsumerGroupOffsetsSpec().topicPartitions(partitions)));
        var committedByGroup = admin.listConsumerGroupOffsets(specs).all().get();
        Map<String, Long> committed = new LinkedHashMap<>();
        if (db != null) {
            try (PreparedStatement q = db.prepareStatement("SELECT coalesce(sum(last_offset + 1), 0) FROM "
                    + "traffic_consumer_offset WHERE consumer = ? AND topic = ?")) {
                q.setString(1, databaseConsumer);
                q.setString(2, TOPIC);
                try (ResultSet r = q.executeQuery()) {
                    r.next();
                    committed.put("db:" + databaseConsumer, r.getLong(1));
                }
            }
        }
        for (String g : kafkaGroups) {
            Map<TopicPartition, OffsetAndMetadata> offsets = committedByGroup.getOrDefault(g, Map.of());
            long sum = 0;
            for (TopicPartition p : partitions) {
                OffsetAndMetadata o = offsets.get(p);
                // Nothing committed yet: the group starts from the earliest offset (auto.offset.reset=earliest).
                sum += o == null ? starts.get(p).offset() : o.offset();
            }
            committed.put(g, sum);
        }
        return new Sample(t, sent, end, committed);
    }

    private Properties producerProperties() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(128 * 1024));
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, compression);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "lodestar-bench-traffic-ingest");
        return p;
    }
}
