package io.lodestar.segmentation.tag;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.lodestar.contracts.RedisKeyspace;
import io.lodestar.platform.redis.RedisKeys;
import io.lodestar.segmentation.config.TagConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Writes a run's tags to Redis as a new version — a hash per customer and a member set per segment — and then
 * switches readers to it with one SET of the version key. Commands go out pipelined ({@code lodestar.tags.write-batch}
 * per batch, a few batches in flight), because a million customers one round trip each would take minutes. Called
 * from a run's job thread, which waits for the batches: never from the event loop.
 */
@ApplicationScoped
public class RedisTagWriter {

    /** Pipelined batches in flight at once: enough to keep Redis busy while the next batch is built. */
    private static final int BATCHES_IN_FLIGHT = 4;

    private final Redis redis;
    private final RedisKeys prefix;
    private final TagConfig config;

    public RedisTagWriter(Redis redis, RedisKeys prefix, TagConfig config) {
        this.redis = redis;
        this.prefix = prefix;
        this.config = config;
    }

    /** Writes every customer's tags under {@code version}; readers do not see them before {@link #switchTo}. */
    public void write(long version, Map<String, Map<String, String>> tagsByCustomer) {
        String ttl = Long.toString(config.ttl().toSeconds());
        Pipeline pipeline = new Pipeline();
        Map<String, List<String>> members = new HashMap<>();
        tagsByCustomer.forEach((customerId, tags) -> {
            if (tags.isEmpty()) {
                return;
            }
            String key = prefix.key(RedisKeyspace.segmentTags(version, customerId));
            Request hset = Request.cmd(Command.HSET).arg(key);
            tags.forEach((name, value) -> {
                hset.arg(name).arg(value);
                if (Tag.Names.membershipKind(name).isPresent()) {
                    members.computeIfAbsent(Tag.segmentId(name, value), s -> new ArrayList<>()).add(customerId);
                }
            });
            pipeline.add(hset);
            pipeline.add(Request.cmd(Command.EXPIRE).arg(key).arg(ttl));
        });
        members.forEach((segment, ids) -> {
            String key = prefix.key(RedisKeyspace.segmentMembers(version, segment));
            for (int from = 0; from < ids.size(); from += 1000) {
                Request sadd = Request.cmd(Command.SADD).arg(key);
                ids.subList(from, Math.min(ids.size(), from + 1000)).forEach(sadd::arg);
                pipeline.add(sadd);
            }
            pipeline.add(Request.cmd(Command.EXPIRE).arg(key).arg(ttl));
        });
        pipeline.finish();
    }

    /** Makes {@code version} the one readers use, and lets the keys of {@code previous} expire soon. */
    public void switchTo(long version, Long previous, Set<String> previousCustomers) {
        redis.send(Request.cmd(Command.SET).arg(prefix.key(RedisKeyspace.segmentTagsVersion()))
                .arg(Long.toString(version))).await().indefinitely();
        if (previous == null) {
            return;
        }
        String superseded = Long.toString(config.supersededTtl().toSeconds());
        Pipeline pipeline = new Pipeline();
        for (String customerId : previousCustomers) {
            pipeline.add(Request.cmd(Command.EXPIRE).arg(prefix.key(RedisKeyspace.segmentTags(previous, customerId)))
                    .arg(superseded));
        }
        pipeline.finish();
    }

    /** Commands collected into pipelined batches, a bounded number in flight. */
    private final class Pipeline {

        private final int batchSize = config.writeBatch();
        private List<Request> batch = new ArrayList<>(batchSize);
        private final List<Uni<List<Response>>> inFlight = new ArrayList<>(BATCHES_IN_FLIGHT);

        void add(Request request) {
            batch.add(request);
            if (batch.size() >= batchSize) {
                send();
            }
        }

        void finish() {
            if (!batch.isEmpty()) {
                send();
            }
            awaitInFlight();
        }

        private void send() {
            inFlight.add(redis.batch(batch).memoize().indefinitely());
            inFlight.get(inFlight.size() - 1).subscribe().with(done -> { }, failure -> { });
            batch = new ArrayList<>(batchSize);
            if (inFlight.size() >= BATCHES_IN_FLIGHT) {
                awaitInFlight();
            }
        }

        private void awaitInFlight() {
            for (Uni<List<Response>> sent : inFlight) {
                sent.await().indefinitely();
            }
            inFlight.clear();
        }
    }
}
