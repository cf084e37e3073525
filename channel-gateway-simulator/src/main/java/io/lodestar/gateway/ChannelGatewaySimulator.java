package io.lodestar.gateway;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

import io.lodestar.contracts.EventCodec;
import io.lodestar.contracts.EventEnvelope;
import io.lodestar.contracts.MalformedEventException;
import io.lodestar.contracts.Topics;
import io.lodestar.contracts.campaign.MessageDispatched;
import io.lodestar.contracts.campaign.MessageFeedback;

/**
 * A reference channel gateway: it reads {@link Topics#CAMPAIGN_DISPATCH}, "sends" each message when its
 * {@code sendAt} is due and reports what {@link FeedbackModel} says happened on {@link Topics#CAMPAIGN_FEEDBACK}.
 * It exists so that the campaign service's funnels, attribution and consent handling can be run and tested end to
 * end without a real SMS, push or e-mail provider, and as a worked example of what a real gateway owes the platform.
 *
 * <p>Delivery guarantees, in the order the loop keeps them:
 * <ol>
 *   <li>offsets are committed by hand, and only once the broker acknowledged (acks=all, idempotent producer) every
 *       record produced for them, so a crash loses nothing: at-least-once;</li>
 *   <li>what is read twice is answered identically (same outcome, same event ids), so consumers deduplicate by
 *       {@code eventId};</li>
 *   <li>a record that is not a readable {@code campaign.message-dispatched} goes to
 *       {@code lodestar.campaign-dispatch.v1.dlq} with the reason in headers, and the loop goes on;</li>
 *   <li>a failure to produce (broker gone longer than the producer's delivery timeout) ends {@link #run()} with an
 *       exception and nothing further committed: restart the process and it resumes from the last commit.</li>
 * </ol>
 *
 * <p>Use: {@link #main(String[])} for the standalone process, or {@link #run()} on a thread of one's own and
 * {@link #close()} from another, as the tests do. One instance runs once.
 */
public final class ChannelGatewaySimulator implements AutoCloseable {

    static {
        // The JBoss LogManager must become the JUL manager before the first logger exists (the services get this from
        // Quarkus; a plain main has to ask). An explicit -Djava.util.logging.manager wins.
        if (System.getProperty("java.util.logging.manager") == null) {
            System.setProperty("java.util.logging.manager", "org.jboss.logmanager.LogManager");
        }
    }

    private static final Logger LOG = Logger.getLogger(ChannelGatewaySimulator.class);

    /** Where unreadable dispatch records go. */
    public static final String DEAD_LETTER_TOPIC = Topics.deadLetter(Topics.CAMPAIGN_DISPATCH);

    // Header names as SmallRye's dead-letter strategy writes them, so that the services' DLQ tooling reads these too.
    static final String REASON_HEADER = "dead-letter-reason";
    static final String FIELD_HEADER = "dead-letter-field";
    static final String TOPIC_HEADER = "dead-letter-topic";
    static final String PARTITION_HEADER = "dead-letter-partition";
    static final String OFFSET_HEADER = "dead-letter-offset";

    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final GatewayConfig config;
    private final Clock clock;
    private final FeedbackModel model;
    private final EventCodec codec = new EventCodec();
    private final KafkaConsumer<String, byte[]> consumer;
    private final KafkaProducer<String, byte[]> producer;
    private final PendingOffsets offsets = new PendingOffsets();
    private final HeldDispatches held = new HeldDispatches();

    private final AtomicBoolean started = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean running = true;

    private final AtomicLong dispatched = new AtomicLong();
    private final AtomicLong feedbackSent = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private final AtomicInteger heldNow = new AtomicInteger();

    /**
     * What the simulator has done so far, for logs and tests.
     *
     * @param dispatched   messages answered (each once per time it was read)
     * @param feedbackSent feedback records acknowledged by the broker
     * @param deadLettered records sent to the dead-letter topic
     * @param held         messages now waiting for their {@code sendAt}
     */
    public record Counts(long dispatched, long feedbackSent, long deadLettered, int held) {
    }

    public ChannelGatewaySimulator(GatewayConfig config) {
        this(config, Clock.systemUTC());
    }

    /** With the clock that decides when a held message is due. */
    public ChannelGatewaySimulator(GatewayConfig config, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.model = new FeedbackModel(config.rates(), config.seed());
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, config.groupId(),
                ConsumerConfig.CLIENT_ID_CONFIG, FeedbackModel.PRODUCER + "-consumer",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                // A gateway that starts after campaigns were dispatched must still send them.
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer());
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers(),
                ProducerConfig.CLIENT_ID_CONFIG, FeedbackModel.PRODUCER + "-producer",
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
                ProducerConfig.LINGER_MS_CONFIG, "5"),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** Runs the simulator until the JVM is asked to stop. Configuration: see {@link GatewayConfig}. */
    public static void main(String[] args) {
        GatewayConfig config = GatewayConfig.fromEnvironment();
        ChannelGatewaySimulator simulator = new ChannelGatewaySimulator(config);
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::close, "gateway-shutdown"));
        try {
            simulator.run();
        } catch (RuntimeException e) {
            LOG.error("channel gateway simulator stopped on an error; offsets after the last commit will be re-read", e);
            System.exit(1);
        }
    }

    /**
     * Consumes, answers and commits until {@link #close()}. Blocks the calling thread.
     *
     * @throws IllegalStateException if it already ran or was closed, or when the broker does not acknowledge feedback
     */
    public void run() {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("the simulator runs once, and this one already ran or was closed");
        }
        LOG.infof("channel gateway simulator reading %s as group %s from %s (honour sendAt: %s, seed %d)",
                Topics.CAMPAIGN_DISPATCH, config.groupId(), config.bootstrapServers(), config.honourSendAt(),
                config.seed());
        try {
            consumer.subscribe(List.of(Topics.CAMPAIGN_DISPATCH), new Rebalance());
            while (running) {
                List<Answer> answers = new ArrayList<>();
                for (ConsumerRecord<String, byte[]> record : consumer.poll(nextPollTimeout())) {
                    Answer answer = handle(record);
                    if (answer != null) {
                        answers.add(answer);
                    }
                }
                for (HeldDispatches.Held due : held.takeDue(clock.instant())) {
                    answers.add(answer(due.partition(), due.offset(), due.message()));
                }
                heldNow.set(held.size());
                awaitAcknowledgements(answers);
                commit(offsets.committable());
                applyBackPressure();
            }
        } catch (WakeupException | InterruptException e) {
            if (running) {
                throw e;
            }
            // close() woke the consumer up: a normal stop.
        } finally {
            try {
                commit(offsets.committable());
            } catch (RuntimeException e) {
                LOG.warnf("last offset commit failed (%s); the records after the previous commit will be re-read",
                        e.getMessage());
            }
            closeClients();
            Counts counts = counts();
            LOG.infof("channel gateway simulator stopped: %d messages answered, %d feedback events, %d dead-lettered",
                    counts.dispatched(), counts.feedbackSent(), counts.deadLettered());
            stopped.countDown();
        }
    }

    /** Stops {@link #run()} after its current batch and waits for it to commit and close (at most 30 s). */
    @Override
    public void close() {
        running = false;
        if (started.compareAndSet(false, true)) {
            closeClients();
            stopped.countDown();
            return;
        }
        consumer.wakeup();
        try {
            if (!stopped.await(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("channel gateway simulator did not stop within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What it has done so far; safe to call from any thread. */
    public Counts counts() {
        return new Counts(dispatched.get(), feedbackSent.get(), deadLettered.get(), heldNow.get());
    }

    /** The records produced for one consumed record, whose offset is answered once all of them are acknowledged. */
    private record Answer(TopicPartition partition, long offset, List<Future<RecordMetadata>> acks, int feedback,
            boolean deadLetter) {
    }

    /** Sends the answer to one record, or holds it for its sendAt and returns null (its offset stays pending). */
    private Answer handle(ConsumerRecord<String, byte[]> record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        offsets.read(partition, record.offset());
        MessageDispatched message;
        try {
            String json = record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8);
            message = codec.decode(json, MessageDispatched.class).payload();
        } catch (MalformedEventException e) {
            return deadLetter(record, partition, e.field(), e.getMessage());
        } catch (RuntimeException e) {
            // The codec promises MalformedEventException; anything else about one record must not stop the loop either.
            return deadLetter(record, partition, "", "unreadable: " + e.getMessage());
        }
        if (config.honourSendAt() && message.sendAt().isAfter(clock.instant())) {
            held.hold(partition, record.offset(), message);
            LOG.debugf("holding message %s until %s", message.messageId(), message.sendAt());
            return null;
        }
        return answer(partition, record.offset(), message);
    }

    private Answer answer(TopicPartition partition, long offset, MessageDispatched message) {
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        List<EventEnvelope<MessageFeedback>> events = model.feedbackFor(message);
        for (EventEnvelope<MessageFeedback> event : events) {
            byte[] value = codec.encode(event).getBytes(StandardCharsets.UTF_8);
            // Keyed by customer, as every customer-scoped event: one customer's feedback stays in order.
            acks.add(producer.send(new ProducerRecord<>(Topics.CAMPAIGN_FEEDBACK, event.customerId(), value)));
        }
        LOG.debugf("message %s (%s): %d feedback events", message.messageId(), message.channel(), events.size());
        return new Answer(partition, offset, acks, events.size(), false);
    }

    private Answer deadLetter(ConsumerRecord<String, byte[]> record, TopicPartition partition, String field,
            String reason) {
        LOG.warnf("skipping %s-%d@%d to %s: %s", record.topic(), record.partition(), record.offset(),
                DEAD_LETTER_TOPIC, reason);
        ProducerRecord<String, byte[]> copy = new ProducerRecord<>(DEAD_LETTER_TOPIC, record.key(), record.value());
        copy.headers()
                .add(REASON_HEADER, utf8(reason))
                .add(FIELD_HEADER, utf8(field))
                .add(TOPIC_HEADER, utf8(record.topic()))
                .add(PARTITION_HEADER, utf8(Integer.toString(record.partition())))
                .add(OFFSET_HEADER, utf8(Long.toString(record.offset())));
        return new Answer(partition, record.offset(), List.of(producer.send(copy)), 0, true);
    }

    /**
     * Waits until the broker acknowledged every record of this batch, then marks their offsets answered.
     *
     * @throws IllegalStateException if one was not acknowledged: nothing of it is committed
     */
    private void awaitAcknowledgements(List<Answer> answers) {
        if (answers.isEmpty()) {
            return;
        }
        producer.flush();
        for (Answer answer : answers) {
            for (Future<RecordMetadata> ack : answer.acks()) {
                try {
                    ack.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for the broker", e);
                } catch (ExecutionException e) {
                    throw new IllegalStateException("the broker did not acknowledge the answer to "
                            + answer.partition() + "@" + answer.offset(), e.getCause());
                }
            }
            offsets.answered(answer.partition(), answer.offset());
            if (answer.deadLetter()) {
                deadLettered.incrementAndGet();
            } else {
                dispatched.incrementAndGet();
                feedbackSent.addAndGet(answer.feedback());
            }
        }
    }

    private void commit(Map<TopicPartition, OffsetAndMetadata> committable) {
        if (!committable.isEmpty()) {
            consumer.commitSync(committable);
            offsets.committed(committable);
        }
    }

    /** Polls no longer than until the next held message is due, so that it goes out on time. */
    private Duration nextPollTimeout() {
        Duration timeout = config.pollTimeout();
        return held.nextDue()
                .map(due -> Duration.between(clock.instant(), due))
                .map(untilDue -> untilDue.isNegative() ? Duration.ZERO : untilDue)
                .filter(untilDue -> untilDue.compareTo(timeout) < 0)
                .orElse(timeout);
    }

    /**
     * Stops fetching while too many messages wait for their sendAt (they only live in memory), and fetches again
     * once enough went out. Polling goes on while paused, so the consumer stays in its group.
     */
    private void applyBackPressure() {
        if (held.size() >= config.maxHeld()) {
            Collection<TopicPartition> active = new ArrayList<>(consumer.assignment());
            active.removeAll(consumer.paused());
            if (!active.isEmpty()) {
                LOG.infof("%d messages wait for their sendAt: pausing consumption", held.size());
                consumer.pause(active);
            }
        } else if (!consumer.paused().isEmpty()) {
            consumer.resume(consumer.paused());
        }
    }

    private void closeClients() {
        try {
            consumer.close();
        } finally {
            producer.close();
        }
    }

    private static byte[] utf8(String text) {
        return (text == null ? "" : text).getBytes(StandardCharsets.UTF_8);
    }

    /** Keeps the offsets and held messages in step with the partitions this consumer owns. */
    private final class Rebalance implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            // Called inside poll(), after the previous batch was acknowledged: what is answered can be committed.
            commit(offsets.committable(partitions));
            forget(partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            // Already owned by someone else: committing now would fail, and the new owner re-reads from the last commit.
            forget(partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            LOG.debugf("assigned %s", partitions);
        }

        private void forget(Collection<TopicPartition> partitions) {
            int dropped = held.release(partitions);
            offsets.forget(partitions);
            heldNow.set(held.size());
            if (dropped > 0) {
                LOG.infof("released %d held messages of revoked partitions %s to their new owner", dropped, partitions);
            }
        }
    }
}
