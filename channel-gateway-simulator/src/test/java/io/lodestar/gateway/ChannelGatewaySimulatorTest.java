package io.lodestar.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.lodestar.contracts.EventCodec;
import io.lodestar.contracts.EventEnvelope;
import io.lodestar.contracts.EventType;
import io.lodestar.contracts.MessageChannel;
import io.lodestar.contracts.Topics;
import io.lodestar.contracts.campaign.FeedbackKind;
import io.lodestar.contracts.campaign.MessageDispatched;
import io.lodestar.contracts.campaign.MessageFeedback;
import io.lodestar.testkit.kafka.EmbeddedKafkaBroker;
import io.lodestar.testkit.kafka.KafkaBrokerResource;
import io.lodestar.testkit.kafka.KafkaTestClient;

/**
 * The simulator against a real broker (the testkit's in-process KRaft Kafka). Each test has its own consumer group
 * and message ids, so that tests do not depend on each other: a group reads the dispatch topic from the beginning,
 * and what other tests left there is answered too but filtered out here.
 */
class ChannelGatewaySimulatorTest {

    private static final Duration KAFKA = Duration.ofSeconds(60);

    private static EmbeddedKafkaBroker broker;

    private final EventCodec codec = new EventCodec();
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Started> started = new ArrayList<>();

    private record Started(ChannelGatewaySimulator simulator, Future<?> loop) {
    }

    @BeforeAll
    static void topics() {
        broker = KafkaBrokerResource.broker();
        broker.createContractTopics();
    }

    @AfterEach
    void stop() throws Exception {
        try {
            for (Started s : started) {
                s.simulator().close();
                s.loop().get(30, TimeUnit.SECONDS); // rethrows what ended the loop, if anything did
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void twoHundredDispatchesGetTheModelsFeedbackWithPlausibleProportions() {
        Map<String, String> settings = Map.of(GatewayConfig.HONOUR_SEND_AT, "false");
        ChannelGatewaySimulator simulator = start(group("mix"), settings, Clock.systemUTC());
        FeedbackModel model = new FeedbackModel(config(group("mix"), settings).rates(), GatewayConfig.DEFAULT_SEED);
        MessageChannel[] channels = MessageChannel.values();
        List<MessageDispatched> messages = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            messages.add(Messages.message(run + "-mix-" + i, channels[i % channels.length], "cust-" + run + "-" + i,
                    Messages.SEND_AT, List.of("sku-" + i)));
        }
        List<EventEnvelope<MessageFeedback>> expected = messages.stream()
                .flatMap(m -> model.feedbackFor(m).stream()).toList();

        produceAll(messages);
        List<ConsumerRecord<String, String>> records = readFeedback(id -> id.startsWith(run + "-mix-"), expected.size());

        assertThat(records).hasSize(expected.size());
        List<EventEnvelope<MessageFeedback>> received = records.stream()
                .map(r -> codec.decode(r.value(), MessageFeedback.class)).toList();
        assertThat(received).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(records).allSatisfy(r -> assertThat(r.key())
                .isEqualTo(codec.decode(r.value(), MessageFeedback.class).customerId()));
        assertThat(received).allSatisfy(e -> {
            assertThat(e.type()).isEqualTo(EventType.CAMPAIGN_MESSAGE_FEEDBACK.typeName());
            assertThat(e.producer()).isEqualTo(FeedbackModel.PRODUCER);
        });

        Map<String, List<FeedbackKind>> byMessage = received.stream().collect(Collectors.groupingBy(
                e -> e.payload().messageId(), Collectors.mapping(e -> e.payload().kind(), Collectors.toList())));
        assertThat(byMessage).hasSize(200);
        byMessage.values().forEach(FeedbackModelTest::assertFunnel);

        long delivered = count(received, FeedbackKind.DELIVERED);
        long bounced = count(received, FeedbackKind.BOUNCED);
        long opened = count(received, FeedbackKind.OPENED);
        long clicked = count(received, FeedbackKind.CLICKED);
        assertThat(delivered + bounced).isEqualTo(200);
        // Mean default rates over the seven channels: delivered 0.963, opened 0.283 of delivered, clicked 0.26 of
        // opened; the bounds are about three standard deviations for 200 messages.
        assertThat(delivered).isBetween(180L, 200L);
        assertThat((double) opened / delivered).isBetween(0.19, 0.38);
        assertThat((double) clicked / opened).isBetween(0.10, 0.45);
        // The same seed gives the same outcome: per message, feedback ordered as the model orders it.
        Map<String, List<FeedbackKind>> expectedByMessage = expected.stream().collect(Collectors.groupingBy(
                e -> e.payload().messageId(), Collectors.mapping(e -> e.payload().kind(), Collectors.toList())));
        assertThat(byMessage).isEqualTo(expectedByMessage);
        await().atMost(KAFKA).until(() -> simulator.counts().dispatched() >= 200);
    }

    @Test
    void aDispatchReadTwiceOrByARestartedGatewayGetsTheSameFeedbackEventIds() throws Exception {
        // Everything opened and clicked, so that the message has three events to compare.
        Map<String, String> settings = Map.of(GatewayConfig.HONOUR_SEND_AT, "false",
                "lodestar.gateway.rates.email.delivered", "1", "lodestar.gateway.rates.email.open", "1",
                "lodestar.gateway.rates.email.click", "1", "lodestar.gateway.rates.email.unsubscribe", "0");
        String messageId = run + "-twice";
        MessageDispatched message = Messages.message(messageId, MessageChannel.EMAIL);
        byte[] record = dispatchJson(message);
        ChannelGatewaySimulator first = start(group("twice"), settings, Clock.systemUTC());

        send(Topics.CAMPAIGN_DISPATCH, message.customerId(), record);
        send(Topics.CAMPAIGN_DISPATCH, message.customerId(), record);

        List<UUID> ids = List.of(FeedbackModel.eventId(messageId, FeedbackKind.DELIVERED),
                FeedbackModel.eventId(messageId, FeedbackKind.OPENED),
                FeedbackModel.eventId(messageId, FeedbackKind.CLICKED));
        List<ConsumerRecord<String, String>> twice = readFeedback(messageId::equals, 6);
        assertThat(eventIds(twice)).containsExactlyElementsOf(concat(ids, ids));
        assertThat(twice.subList(0, 3)).extracting(ConsumerRecord::value)
                .containsExactlyElementsOf(twice.subList(3, 6).stream().map(ConsumerRecord::value).toList());
        await().atMost(KAFKA).until(() -> first.counts().dispatched() >= 2);

        // A gateway that lost its offsets (a new group) reads both records again and repeats itself exactly.
        stopAll();
        start(group("twice-again"), settings, Clock.systemUTC());
        List<ConsumerRecord<String, String>> again = readFeedback(messageId::equals, 12);
        assertThat(eventIds(again)).containsExactlyElementsOf(concat(concat(ids, ids), concat(ids, ids)));
        assertThat(again.subList(6, 12)).extracting(ConsumerRecord::value)
                .containsExactlyElementsOf(twice.subList(0, 6).stream().map(ConsumerRecord::value).toList());
    }

    @Test
    void unreadableRecordsGoToTheDeadLetterTopicAndTheNextGoodOneIsStillAnswered() throws Exception {
        ChannelGatewaySimulator simulator = start(group("dlq"), Map.of(GatewayConfig.HONOUR_SEND_AT, "false"),
                Clock.systemUTC());
        String key = "bad-" + run;
        MessageDispatched good = Messages.message(run + "-after-garbage", MessageChannel.WECOM, key,
                Messages.SEND_AT, List.of());
        MessageFeedback notADispatch = new MessageFeedback("m", "c", key, MessageChannel.SMS, FeedbackKind.OPENED,
                Messages.SEND_AT, null);
        byte[] garbage = "\u0000{not json".getBytes(StandardCharsets.UTF_8);
        byte[] wrongType = codec.encode(EventEnvelope.of(UUID.randomUUID(), Messages.SEND_AT,
                EventType.CAMPAIGN_MESSAGE_FEEDBACK, "test", key, notADispatch)).getBytes(StandardCharsets.UTF_8);
        byte[] missingContent = new String(dispatchJson(good), StandardCharsets.UTF_8)
                .replace("\"content\":\"Summer sale: 20% off for you\",", "").getBytes(StandardCharsets.UTF_8);

        RecordMetadata garbageAt = send(Topics.CAMPAIGN_DISPATCH, key, garbage);
        RecordMetadata wrongTypeAt = send(Topics.CAMPAIGN_DISPATCH, key, wrongType);
        RecordMetadata missingAt = send(Topics.CAMPAIGN_DISPATCH, key, missingContent);
        RecordMetadata tombstoneAt = send(Topics.CAMPAIGN_DISPATCH, key, null);
        send(Topics.CAMPAIGN_DISPATCH, key, dispatchJson(good));

        List<ConsumerRecord<String, String>> feedback = readFeedback(good.messageId()::equals, 1);
        assertThat(feedback).isNotEmpty();
        assertThat(codec.decode(feedback.get(0).value(), MessageFeedback.class).payload().kind())
                .isIn(FeedbackKind.DELIVERED, FeedbackKind.BOUNCED);

        List<ConsumerRecord<String, String>> dead = KafkaTestClient.read(ChannelGatewaySimulator.DEAD_LETTER_TOPIC,
                r -> key.equals(r.key()), r -> r.size() >= 4, KAFKA);
        assertThat(dead).hasSize(4);
        assertThat(dead.get(0).value()).isEqualTo(new String(garbage, StandardCharsets.UTF_8));
        assertThat(dead.get(1).value()).isEqualTo(new String(wrongType, StandardCharsets.UTF_8));
        assertThat(dead.get(2).value()).isEqualTo(new String(missingContent, StandardCharsets.UTF_8));
        assertThat(dead.get(3).value()).isNull();
        assertThat(dead).extracting(r -> header(r, "dead-letter-field"))
                .containsExactly("", "type", "payload.content", "");
        assertThat(header(dead.get(0), "dead-letter-reason")).startsWith("not JSON");
        assertThat(header(dead.get(1), "dead-letter-reason"))
                .isEqualTo("type: expected campaign.message-dispatched but was campaign.message-feedback");
        assertThat(header(dead.get(3), "dead-letter-reason")).isEqualTo("empty message");
        List<RecordMetadata> origins = List.of(garbageAt, wrongTypeAt, missingAt, tombstoneAt);
        for (int i = 0; i < 4; i++) {
            assertThat(header(dead.get(i), "dead-letter-topic")).isEqualTo(Topics.CAMPAIGN_DISPATCH);
            assertThat(header(dead.get(i), "dead-letter-partition")).isEqualTo(Integer.toString(origins.get(i).partition()));
            assertThat(header(dead.get(i), "dead-letter-offset")).isEqualTo(Long.toString(origins.get(i).offset()));
        }
        await().atMost(KAFKA).until(() -> simulator.counts().deadLettered() >= 4);
    }

    @Test
    void aFutureMessageIsHeldUncommittedAcrossARestartAndSentWhenDue() throws Exception {
        TestClock clock = new TestClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        String group = group("held");
        String customer = "cust-" + run + "-held";
        MessageDispatched future = Messages.message(run + "-future", MessageChannel.SMS, customer,
                clock.instant().plus(Duration.ofHours(1)), List.of());
        MessageDispatched due = Messages.message(run + "-due", MessageChannel.SMS, customer,
                clock.instant().minusSeconds(60), List.of());
        FeedbackModel model = new FeedbackModel(FeedbackRates.defaults(), GatewayConfig.DEFAULT_SEED);
        ChannelGatewaySimulator first = start(group, Map.of(), clock);

        // One customer, so one partition: the held record comes first and holds the commit back.
        RecordMetadata futureAt = send(Topics.CAMPAIGN_DISPATCH, customer, dispatchJson(future));
        send(Topics.CAMPAIGN_DISPATCH, customer, dispatchJson(due));
        TopicPartition partition = new TopicPartition(Topics.CAMPAIGN_DISPATCH, futureAt.partition());

        int dueEvents = model.feedbackFor(due).size();
        assertThat(eventIds(readFeedback(due.messageId()::equals, dueEvents)))
                .containsExactlyElementsOf(model.feedbackFor(due).stream().map(EventEnvelope::eventId).toList());
        await().atMost(KAFKA).untilAsserted(() -> assertThat(first.counts().held()).isEqualTo(1));
        await().atMost(KAFKA).untilAsserted(() -> assertThat(committed(group, partition)).isEqualTo(futureAt.offset()));
        assertThat(KafkaTestClient.readFor(Topics.CAMPAIGN_FEEDBACK,
                r -> messageIdOf(r).equals(future.messageId()), Duration.ofSeconds(2))).isEmpty();

        // A restart in the same group reads the held record again (and repeats the answer to the due one).
        stopAll();
        ChannelGatewaySimulator second = start(group, Map.of(), clock);
        readFeedback(due.messageId()::equals, 2 * dueEvents);
        await().atMost(KAFKA).untilAsserted(() -> assertThat(second.counts().held()).isEqualTo(1));
        assertThat(committed(group, partition)).isEqualTo(futureAt.offset());

        clock.advance(Duration.ofHours(1));

        List<EventEnvelope<MessageFeedback>> sent = readFeedback(future.messageId()::equals,
                model.feedbackFor(future).size()).stream()
                .map(r -> codec.decode(r.value(), MessageFeedback.class)).toList();
        assertThat(sent).containsExactlyElementsOf(model.feedbackFor(future));
        assertThat(Duration.between(future.sendAt(), sent.get(0).payload().at()))
                .isBetween(Duration.ofSeconds(1), Duration.ofSeconds(60));
        await().atMost(KAFKA).untilAsserted(() -> {
            assertThat(second.counts().held()).isZero();
            assertThat(committed(group, partition)).isGreaterThanOrEqualTo(futureAt.offset() + 2);
        });
    }

    @Test
    void consumptionPausesWhileTooManyMessagesAreHeldAndResumesWhenTheyGoOut() throws Exception {
        TestClock clock = new TestClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        ChannelGatewaySimulator simulator = start(group("pause"), Map.of(GatewayConfig.MAX_HELD, "1"), clock);
        MessageDispatched future = Messages.message(run + "-pause-future", MessageChannel.EMAIL, "cust-" + run + "-pf",
                clock.instant().plus(Duration.ofHours(1)), List.of());
        MessageDispatched due = Messages.message(run + "-pause-due", MessageChannel.EMAIL, "cust-" + run + "-pd",
                clock.instant().minusSeconds(1), List.of());

        send(Topics.CAMPAIGN_DISPATCH, future.customerId(), dispatchJson(future));
        await().atMost(KAFKA).untilAsserted(() -> assertThat(simulator.counts().held()).isGreaterThanOrEqualTo(1));
        send(Topics.CAMPAIGN_DISPATCH, due.customerId(), dispatchJson(due));

        // Paused: the due message is not even read while the held one waits.
        assertThat(KafkaTestClient.readFor(Topics.CAMPAIGN_FEEDBACK, r -> messageIdOf(r).equals(due.messageId()),
                Duration.ofSeconds(2))).isEmpty();

        clock.advance(Duration.ofHours(2));

        FeedbackModel model = new FeedbackModel(FeedbackRates.defaults(), GatewayConfig.DEFAULT_SEED);
        assertThat(readFeedback(due.messageId()::equals, model.feedbackFor(due).size())).hasSize(
                model.feedbackFor(due).size());
        assertThat(readFeedback(future.messageId()::equals, model.feedbackFor(future).size())).hasSize(
                model.feedbackFor(future).size());
    }

    @Test
    void aSimulatorRunsOnce() {
        ChannelGatewaySimulator simulator = new ChannelGatewaySimulator(config(group("once"), Map.of()));
        simulator.close();

        assertThatThrownBy(simulator::run)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("runs once");
    }

    private ChannelGatewaySimulator start(String group, Map<String, String> settings, Clock clock) {
        ChannelGatewaySimulator simulator = new ChannelGatewaySimulator(config(group, settings), clock);
        started.add(new Started(simulator, threads.submit(simulator::run)));
        return simulator;
    }

    private void stopAll() throws Exception {
        for (Started s : started) {
            s.simulator().close();
            s.loop().get(30, TimeUnit.SECONDS);
        }
        started.clear();
    }

    private GatewayConfig config(String group, Map<String, String> settings) {
        Map<String, String> all = new HashMap<>(settings);
        all.put(GatewayConfig.BOOTSTRAP_SERVERS, broker.bootstrapServers());
        all.put(GatewayConfig.GROUP_ID, group);
        all.put(GatewayConfig.POLL_TIMEOUT_MS, "100");
        return GatewayConfig.from(all::get);
    }

    private String group(String test) {
        return "gateway-test-" + test + "-" + run;
    }

    private byte[] dispatchJson(MessageDispatched message) {
        return codec.encode(EventEnvelope.of(UUID.nameUUIDFromBytes(message.messageId().getBytes(StandardCharsets.UTF_8)),
                message.sendAt(), EventType.CAMPAIGN_MESSAGE_DISPATCHED, "campaign-service", message.customerId(),
                message)).getBytes(StandardCharsets.UTF_8);
    }

    private void produceAll(List<MessageDispatched> messages) {
        KafkaTestClient.produceAll(Topics.CAMPAIGN_DISPATCH, messages.stream()
                .map(m -> Map.entry(m.customerId(), new String(dispatchJson(m), StandardCharsets.UTF_8))).toList());
    }

    private static RecordMetadata send(String topic, String key, byte[] value) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                "bootstrap.servers", broker.bootstrapServers(), "acks", "all"),
                new StringSerializer(), new ByteArraySerializer())) {
            return producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        }
    }

    /** Feedback records about the messages {@code ids} accepts, once at least {@code expected} arrived (in topic order). */
    private List<ConsumerRecord<String, String>> readFeedback(Predicate<String> ids, int expected) {
        List<ConsumerRecord<String, String>> records = KafkaTestClient.read(Topics.CAMPAIGN_FEEDBACK,
                r -> ids.test(messageIdOf(r)), r -> r.size() >= expected, KAFKA);
        assertThat(records).as("feedback records").hasSizeGreaterThanOrEqualTo(expected);
        return records;
    }

    private String messageIdOf(ConsumerRecord<String, String> record) {
        return codec.decode(record.value(), MessageFeedback.class).payload().messageId();
    }

    private List<UUID> eventIds(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(r -> codec.decode(r.value(), MessageFeedback.class).eventId()).toList();
    }

    private static long committed(String group, TopicPartition partition) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            OffsetAndMetadata offset = offsets.get(partition);
            return offset == null ? -1 : offset.offset();
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static long count(List<EventEnvelope<MessageFeedback>> events, FeedbackKind kind) {
        return events.stream().filter(e -> e.payload().kind() == kind).count();
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
