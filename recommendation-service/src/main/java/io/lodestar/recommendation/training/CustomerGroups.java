package io.lodestar.recommendation.training;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import io.lodestar.contracts.RedisKeyspace;
import io.lodestar.platform.redis.RedisKeys;
import io.lodestar.recommendation.config.ServingConfig;
import io.lodestar.recommendation.interaction.InteractionRepository.CustomerContext;
import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.hash.ReactiveHashCommands;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The groups popularity is ranked within, per training customer: region and age band from the profile snapshots,
 * and the segment (the configured tag, e.g. the K-means cluster) from segmentation-service's tags in Redis. A group
 * that cannot be read (Redis down) is left out of this version rather than failing the run.
 */
@ApplicationScoped
public class CustomerGroups {

    private static final int CONCURRENT_READS = 256;
    private static final long VERSION_TTL_NANOS = 1_000_000_000L;

    private final AtomicReference<CachedVersion> version = new AtomicReference<>();

    private final Pool pool;
    private final ReactiveValueCommands<String, String> values;
    private final ReactiveHashCommands<String, String, String> hashes;
    private final RedisKeys keys;
    private final ServingConfig config;

    public CustomerGroups(Pool pool, ReactiveRedisDataSource redis, RedisKeys keys, ServingConfig config) {
        this.pool = pool;
        this.values = redis.value(String.class);
        this.hashes = redis.hash(String.class);
        this.keys = keys;
        this.config = config;
    }

    /** Region and age band (today) of every customer with a profile. */
    public Uni<Map<String, String[]>> regionAndAgeBand() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return pool.query("SELECT customer_id, region, birth_date FROM customer_context").execute().map(rows -> {
            Map<String, String[]> groups = new HashMap<>();
            rows.forEach(row -> groups.put(row.getString("customer_id"), new String[] {row.getString("region"),
                    new CustomerContext(null, row.getLocalDate("birth_date")).ageBand(today)}));
            return groups;
        });
    }

    /**
     * The configured segment tag's value of one customer (serving's cold start), or null when there is none or Redis
     * does not answer within the serving timeout. The tags version is re-read at most once a second.
     */
    public Uni<String> segmentOf(String customerId) {
        return tagsVersion().chain(version -> version == null ? Uni.createFrom().nullItem()
                        : hashes.hget(keys.key(RedisKeyspace.segmentTags(version, customerId)), config.segmentTag()))
                .ifNoItem().after(config.redisTimeout()).recoverWithItem((String) null)
                .onFailure().recoverWithItem(failure -> {
                    Log.debugf("segment of %s unavailable: %s", customerId, failure.toString());
                    return null;
                });
    }

    private Uni<Long> tagsVersion() {
        CachedVersion cached = version.get();
        long now = System.nanoTime();
        if (cached != null && now - cached.readAtNanos() < VERSION_TTL_NANOS) {
            return Uni.createFrom().item(cached.version());
        }
        return values.get(keys.key(RedisKeyspace.segmentTagsVersion())).map(value -> {
            Long read = value == null ? null : Long.valueOf(value);
            version.set(new CachedVersion(read, now));
            return read;
        });
    }

    private record CachedVersion(Long version, long readAtNanos) {
    }

    /** The configured segment tag's value of each customer that has one, in the current tags version. */
    public Uni<Map<String, String>> segments(List<String> customerIds) {
        String tag = config.segmentTag();
        return values.get(keys.key(RedisKeyspace.segmentTagsVersion())).chain(version -> {
            if (version == null) {
                return Uni.createFrom().item(Map.<String, String>of());
            }
            long v = Long.parseLong(version);
            Map<String, String> segments = new HashMap<>();
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (int from = 0; from < customerIds.size(); from += CONCURRENT_READS) {
                List<String> part = customerIds.subList(from, Math.min(customerIds.size(), from + CONCURRENT_READS));
                chain = chain.chain(() -> {
                    List<Uni<String>> reads = new ArrayList<>(part.size());
                    part.forEach(id -> reads.add(hashes.hget(keys.key(RedisKeyspace.segmentTags(v, id)), tag)));
                    return Uni.join().all(reads).andFailFast().invoke(found -> {
                        for (int i = 0; i < part.size(); i++) {
                            if (found.get(i) != null) {
                                segments.put(part.get(i), found.get(i));
                            }
                        }
                    }).replaceWithVoid();
                });
            }
            return chain.replaceWith(segments);
        });
    }
}
