package io.lodestar.segmentation.analytics;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.lodestar.platform.redis.RedisKeys;
import io.lodestar.segmentation.analytics.TrafficBatch.DayScope;
import io.lodestar.segmentation.analytics.TrafficBatch.HourScope;
import io.lodestar.segmentation.config.TrafficConfig;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.hyperloglog.ReactiveHyperLogLogCommands;
import io.quarkus.redis.datasource.keys.ReactiveKeyCommands;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Unique visitors as Redis HyperLogLogs (standard error about 0.81%), one per UTC day x scope
 * ({@code traffic:uv:d:<day>:<scope>}) and one per UTC hour x scope ({@code traffic:uv:h:<hour>:<scope>}), scope a
 * channel or {@code all}. PFADD is idempotent, so a redelivered event changes nothing. A day's key expires
 * {@code retention-days} after the day, an hour's {@code hourly-visitor-retention} after the hour; an event older than
 * that is not added. Unions over several days are PFCOUNTs over several keys.
 */
@ApplicationScoped
public class UniqueVisitorRepository {

    private final ReactiveRedisDataSource redis;
    private final ReactiveHyperLogLogCommands<String, String> hll;
    private final ReactiveKeyCommands<String> keyCommands;
    private final RedisKeys keys;
    private final TrafficConfig config;

    public UniqueVisitorRepository(ReactiveRedisDataSource redis, RedisKeys keys, TrafficConfig config) {
        this.redis = redis;
        this.hll = redis.hyperloglog(String.class);
        this.keyCommands = redis.key();
        this.keys = keys;
        this.config = config;
    }

    /** Adds the batch's visitors to their day and hour HyperLogLogs, all commands in flight at once. */
    Uni<Void> add(TrafficBatch batch, Instant now) {
        List<Uni<Boolean>> commands = new ArrayList<>();
        for (Map.Entry<DayScope, Set<String>> e : batch.dailyVisitors().entrySet()) {
            Instant expiry = e.getKey().day().plusDays(1 + (long) config.retentionDays())
                    .atStartOfDay(ZoneOffset.UTC).toInstant();
            add(commands, dayKey(e.getKey().day(), e.getKey().scope()), e.getValue(), expiry, now);
        }
        for (Map.Entry<HourScope, Set<String>> e : batch.hourlyVisitors().entrySet()) {
            Instant expiry = e.getKey().hour().plus(Duration.ofHours(1)).plus(config.hourlyVisitorRetention());
            add(commands, hourKey(e.getKey().hour(), e.getKey().scope()), e.getValue(), expiry, now);
        }
        if (commands.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.join().all(commands).andFailFast().replaceWithVoid();
    }

    private void add(List<Uni<Boolean>> commands, String key, Set<String> visitors, Instant expiry, Instant now) {
        if (!expiry.isAfter(now)) {
            return;
        }
        commands.add(hll.pfadd(key, visitors.toArray(String[]::new))
                .chain(() -> keyCommands.expireat(key, expiry)));
    }

    /** The estimated distinct visitors over the UTC days {@code from..to} (inclusive) of one scope. */
    Uni<Long> daysUnion(LocalDate from, LocalDate to, String scope) {
        return hll.pfcount(dayKeys(from, to, scope));
    }

    /**
     * {@link #daysUnion} of each period, in order, as one pipeline on one connection. A 90-day traffic query needs 92
     * PFCOUNTs; sent concurrently through the pool, 23 such requests at once filled its wait queue and the rest
     * failed with HTTP 500 (docs/benchmarks.md, issue 7, defect 2).
     */
    Uni<List<Long>> daysUnions(List<TrafficParameters.Period> periods, String scope) {
        Long[] counts = new Long[periods.size()];
        return redis.withConnection(connection -> {
            ReactiveHyperLogLogCommands<String, String> pipelined = connection.hyperloglog(String.class);
            List<Uni<Void>> commands = new ArrayList<>();
            for (int i = 0; i < periods.size(); i++) {
                int index = i;
                TrafficParameters.Period period = periods.get(i);
                commands.add(pipelined.pfcount(dayKeys(period.from(), period.to(), scope))
                        .invoke(count -> counts[index] = count).replaceWithVoid());
            }
            return commands.isEmpty() ? Uni.createFrom().voidItem()
                    : Uni.join().all(commands).andFailFast().replaceWithVoid();
        }).map(done -> List.of(counts));
    }

    private String[] dayKeys(LocalDate from, LocalDate to, String scope) {
        List<String> dayKeys = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            dayKeys.add(dayKey(day, scope));
        }
        return dayKeys.toArray(String[]::new);
    }

    /**
     * The estimated distinct visitors of each UTC hour in {@code [from, to)}, of one scope; hours older than the hourly
     * retention read as zero.
     */
    Uni<List<TrafficRepository.HourlyCount>> hourly(Instant from, Instant to, String scope) {
        List<Instant> hours = new ArrayList<>();
        for (Instant hour = from.truncatedTo(ChronoUnit.HOURS); hour.isBefore(to); hour = hour.plus(Duration.ofHours(1))) {
            hours.add(hour);
        }
        if (hours.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<Uni<TrafficRepository.HourlyCount>> counts = hours.stream()
                .map(hour -> hll.pfcount(hourKey(hour, scope)).map(n -> new TrafficRepository.HourlyCount(hour, n)))
                .toList();
        return Uni.join().all(counts).andFailFast();
    }

    String dayKey(LocalDate day, String scope) {
        return keys.key("traffic", "uv", "d", day.toString(), scope);
    }

    String hourKey(Instant hour, String scope) {
        return keys.key("traffic", "uv", "h", hour.toString().substring(0, 13), scope); // 2026-01-10T09
    }
}
