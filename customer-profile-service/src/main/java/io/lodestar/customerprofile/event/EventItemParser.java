package io.lodestar.customerprofile.event;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.lodestar.contracts.JsonFieldPath;
import io.lodestar.contracts.WireNames;
import io.lodestar.customerprofile.customer.CustomerService;
import io.lodestar.customerprofile.identity.IdentityHasher;
import io.lodestar.platform.problem.InvalidInputException;
import io.lodestar.platform.problem.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

/**
 * Binds and checks one item of a batch on its own: a malformed or invalid item becomes a list of violations
 * naming its fields, never an exception that would fail the whole batch.
 */
@ApplicationScoped
public class EventItemParser {

    /** How far in the future a touchpoint clock may be before an event is refused. */
    static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

    private static final Pattern CUSTOMER_ID = Pattern.compile(CustomerService.CUSTOMER_ID_PATTERN);

    private final ObjectMapper mapper;
    private final Validator validator;
    private final IdentityHasher hasher;

    public EventItemParser(ObjectMapper mapper, Validator validator, IdentityHasher hasher) {
        this.mapper = mapper;
        this.validator = validator;
        this.hasher = hasher;
    }

    /**
     * An event ready to store, or the reasons it is not.
     *
     * @param identityKey the stored key of {@code request.identity()} (hashed for phone and e-mail), or null
     */
    public record ParsedEvent(int index, UUID eventId, RecordEventRequest request, String identityKey,
            List<Problem.Violation> violations) {

        public boolean valid() {
            return violations.isEmpty();
        }
    }

    public ParsedEvent parse(int index, JsonNode item, Instant now) {
        UUID eventId = eventIdOf(item);
        RecordEventRequest request;
        try {
            request = mapper.treeToValue(item, RecordEventRequest.class);
        } catch (JsonMappingException e) {
            return invalid(index, eventId, List.of(new Problem.Violation(JsonFieldPath.of(e),
                    JsonFieldPath.refusedNull(e) != null ? "is required" : "has a missing or malformed value")));
        } catch (IllegalArgumentException | com.fasterxml.jackson.core.JsonProcessingException e) {
            return invalid(index, eventId, List.of(new Problem.Violation("", "is not an event object")));
        }
        if (request == null) {
            return invalid(index, eventId, List.of(new Problem.Violation("", "is not an event object")));
        }
        List<Problem.Violation> violations = new ArrayList<>();
        for (ConstraintViolation<RecordEventRequest> v : validator.validate(request)) {
            violations.add(new Problem.Violation(fieldOf(v), v.getMessage()));
        }
        checkRules(request, now, violations);
        String identityKey = null;
        if (violations.isEmpty() && request.identity() != null) {
            try {
                identityKey = hasher.key(request.identity().type(), request.identity().value(), "identity.value");
            } catch (InvalidInputException e) {
                violations.addAll(e.violations());
            }
        }
        if (!violations.isEmpty()) {
            violations.sort(Comparator.comparing(Problem.Violation::field));
            return invalid(index, request.eventId(), violations);
        }
        return new ParsedEvent(index, request.eventId(), request, identityKey, List.of());
    }

    private static void checkRules(RecordEventRequest r, Instant now, List<Problem.Violation> violations) {
        if (r.customerId() == null && r.identity() == null) {
            violations.add(new Problem.Violation("customerId", "customerId or identity is required"));
        } else if (r.customerId() != null && r.identity() != null) {
            violations.add(new Problem.Violation("identity", "give either customerId or identity, not both"));
        } else if (r.customerId() != null && !CUSTOMER_ID.matcher(r.customerId()).matches()) {
            violations.add(new Problem.Violation("customerId", "must match " + CustomerService.CUSTOMER_ID_PATTERN));
        }
        if (r.type() != null && r.type().requiresItem() && (r.itemId() == null || r.itemId().isBlank())) {
            violations.add(new Problem.Violation("itemId", "is required for " + WireNames.of(r.type())));
        }
        if (r.occurredAt() != null && r.occurredAt().isAfter(now.plus(MAX_CLOCK_SKEW))) {
            violations.add(new Problem.Violation("occurredAt", "is more than 5 minutes in the future"));
        }
    }

    private static String fieldOf(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        // Map values are reported as properties<K>[key]... keep the readable part.
        int bracket = path.indexOf('<');
        return bracket > 0 ? path.substring(0, bracket) : path;
    }

    private static UUID eventIdOf(JsonNode item) {
        try {
            return item != null && item.hasNonNull("eventId") ? UUID.fromString(item.get("eventId").asText()) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static ParsedEvent invalid(int index, UUID eventId, List<Problem.Violation> violations) {
        return new ParsedEvent(index, eventId, null, null, List.copyOf(violations));
    }
}
