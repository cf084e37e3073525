package io.lodestar.customerprofile.event;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.lodestar.contracts.EventEnvelope;
import io.lodestar.contracts.EventType;
import io.lodestar.contracts.behaviour.BehaviourRecorded;
import io.lodestar.customerprofile.ProfileEvents;
import io.lodestar.customerprofile.event.EventItemParser.ParsedEvent;
import io.lodestar.customerprofile.messaging.BehaviourEventPublisher;
import io.lodestar.platform.problem.InvalidInputException;
import io.lodestar.platform.problem.Problem;
import io.lodestar.platform.problem.ServiceUnavailableException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * Records a batch of behaviour events: each item is checked on its own, resolved to a customer (or an anonymous
 * visitor), stored once per eventId and published to Kafka before the answer is given.
 */
@ApplicationScoped
public class EventIngestionService {

    private final EventItemParser parser;
    private final EventStore store;
    private final BehaviourEventPublisher publisher;

    public EventIngestionService(EventItemParser parser, EventStore store, BehaviourEventPublisher publisher) {
        this.parser = parser;
        this.store = store;
        this.publisher = publisher;
    }

    /**
     * @throws InvalidInputException (400) when no item of the batch is valid, naming each item's fields as
     *                               {@code events[3].itemId}
     */
    public Uni<EventBatchResult> record(@NotNull @Valid RecordEventsRequest request) {
        Instant now = Instant.now();
        List<ParsedEvent> parsed = new ArrayList<>(request.events().size());
        for (int i = 0; i < request.events().size(); i++) {
            JsonNode item = request.events().get(i);
            parsed.add(parser.parse(i, item, now));
        }
        List<ParsedEvent> valid = parsed.stream().filter(ParsedEvent::valid).toList();
        if (valid.isEmpty()) {
            return Uni.createFrom().failure(new InvalidInputException(parsed.stream()
                    .flatMap(p -> p.violations().stream().map(v -> new Problem.Violation(
                            "events[" + p.index() + "]" + (v.field().isEmpty() ? "" : "." + v.field()), v.message())))
                    .toList()));
        }
        return store.record(valid, now, this::publish).map(outcome -> {
            List<EventItemResult> results = new ArrayList<>(parsed.size());
            for (ParsedEvent p : parsed) {
                results.add(resultOf(p, outcome));
            }
            return EventBatchResult.of(results);
        });
    }

    private Uni<Void> publish(List<EventStore.Attributed> events) {
        return publisher.publish(events.stream().map(EventIngestionService::envelope).toList())
                .onFailure().transform(e -> new ServiceUnavailableException(
                        "Kafka did not acknowledge the events; nothing was recorded, send the batch again", e));
    }

    private static EventItemResult resultOf(ParsedEvent p, EventStore.Outcome outcome) {
        if (!p.valid()) {
            return EventItemResult.rejected(p.index(), p.eventId(), p.violations());
        }
        EventStore.Subject accepted = outcome.accepted().get(p.index());
        if (accepted != null) {
            return new EventItemResult(p.index(), p.eventId(), EventItemResult.Status.ACCEPTED,
                    accepted.customerId(), accepted.anonymous(), List.of());
        }
        EventStore.Subject duplicate = outcome.duplicates().get(p.index());
        if (duplicate != null) {
            return new EventItemResult(p.index(), p.eventId(), EventItemResult.Status.DUPLICATE,
                    duplicate.customerId(), duplicate.anonymous(), List.of());
        }
        return EventItemResult.rejected(p.index(), p.eventId(),
                List.of(new Problem.Violation("customerId", outcome.refused().get(p.index()))));
    }

    private static EventEnvelope<BehaviourRecorded> envelope(EventStore.Attributed a) {
        RecordEventRequest r = a.event().request();
        BehaviourRecorded payload = new BehaviourRecorded(a.subject().customerId(), a.subject().anonymous(),
                r.type(), r.channel(), r.itemId(), r.category(), r.searchQuery(), r.sessionId(), r.campaignId(),
                r.recommendationId(), r.occurredAt(), r.properties());
        return EventEnvelope.of(r.eventId(), r.occurredAt(), EventType.BEHAVIOUR_RECORDED, ProfileEvents.PRODUCER,
                a.subject().customerId(), payload);
    }
}
