package io.lodestar.customerprofile.customer;

import io.lodestar.contracts.customer.AgeBand;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.lodestar.contracts.Channel;
import io.lodestar.contracts.EventEnvelope;
import io.lodestar.contracts.EventType;
import io.lodestar.contracts.WireNames;
import io.lodestar.contracts.customer.CityTier;
import io.lodestar.contracts.customer.MemberTier;
import io.lodestar.customerprofile.ProfileEvents;
import io.lodestar.customerprofile.consent.ConsentRepository;
import io.lodestar.platform.outbox.OutboxService;
import io.lodestar.platform.paging.CursorPage;
import io.lodestar.platform.problem.InvalidInputException;
import io.lodestar.platform.problem.ResourceNotFoundException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** Profiles: create or replace, read, list. Every change is published on the customers topic through the outbox. */
@ApplicationScoped
public class CustomerService {

    /** What a customer id may look like (the same pattern is a CHECK in V1__customers.sql). */
    public static final String CUSTOMER_ID_PATTERN = "^[A-Za-z0-9._:@-]{1,64}$";

    private final CustomerRepository customers;
    private final CustomerMapper mapper;
    private final AttributeSchema attributeSchema;
    private final OutboxService outbox;
    private final ObjectMapper json;
    private final ConsentRepository consents;

    public CustomerService(CustomerRepository customers, CustomerMapper mapper, AttributeSchema attributeSchema,
            OutboxService outbox, ObjectMapper json, ConsentRepository consents) {
        this.consents = consents;
        this.customers = customers;
        this.mapper = mapper;
        this.attributeSchema = attributeSchema;
        this.outbox = outbox;
        this.json = json;
    }

    /**
     * Creates or replaces a profile. An upsert that changes nothing publishes nothing, so retries are free.
     * A merged or erased profile cannot be written (409): the caller must use the survivor.
     */
    @WithTransaction
    public Uni<UpsertResult> upsert(@NotNull @Pattern(regexp = CUSTOMER_ID_PATTERN) String customerId,
            @NotNull @Valid UpsertCustomerRequest request) {
        return Uni.createFrom().voidItem().invoke(() -> {
            attributeSchema.validate(request.attributes());
            validateTimeZone(request.timeZone());
        }).chain(() -> customers.findForUpdate(customerId)).chain(existing -> {
            Instant now = Instant.now();
            if (existing == null) {
                Customer customer = new Customer();
                customer.customerId = customerId;
                customer.createdAt = now;
                customer.updatedAt = now;
                mapper.apply(request, customer);
                return customers.persist(customer)
                        .call(() -> publish(customer, now))
                        .map(saved -> new UpsertResult(mapper.toView(saved), true));
            }
            existing.requireActive();
            if (sameContent(mapper.toRequest(existing), request)) {
                return Uni.createFrom().item(new UpsertResult(mapper.toView(existing), false));
            }
            mapper.apply(request, existing);
            existing.updatedAt = now;
            return publish(existing, now).map(ignored -> new UpsertResult(mapper.toView(existing), false));
        });
    }

    @WithSession
    public Uni<CustomerView> find(String customerId) {
        return customers.findById(customerId)
                .onItem().ifNull().failWith(() -> ResourceNotFoundException.of("customer", customerId))
                .map(mapper::toView);
    }

    /** Active profiles matching the filters, a page at a time (keyset pagination on customerId). */
    @WithSession
    public Uni<CursorPage<CustomerView>> list(@NotNull @Valid CustomerListRequest request) {
        int limit = request.limitOrDefault();
        return Uni.createFrom().item(() -> parse(request))
                .chain(query -> customers.findPage(query, limit + 1))
                .map(rows -> CursorPage.of(rows, limit, c -> c.customerId, mapper::toView));
    }

    /**
     * The profile side of a merge (inside the merge's transaction, both rows locked by the caller): the survivor
     * keeps its own attributes and takes the merged profile's where it has none; the merged profile points to the
     * survivor from now on. Publishes the survivor's snapshot if it changed.
     */
    public Uni<Void> absorb(Customer survivor, Customer merged) {
        UpsertCustomerRequest before = mapper.toRequest(survivor);
        mapper.fillGaps(survivor, merged);
        Instant now = Instant.now();
        merged.status = Customer.CustomerStatus.MERGED;
        merged.mergedInto = survivor.customerId;
        merged.updatedAt = now;
        if (sameContent(before, mapper.toRequest(survivor))) {
            return Uni.createFrom().voidItem();
        }
        survivor.updatedAt = now;
        return publish(survivor, now);
    }

    /**
     * Erasure of the profile itself (the caller holds its row lock): every attribute is cleared, the profile is
     * marked erased, and the cleared snapshot is published so that compaction of the customers topic drops the
     * personal data it held.
     */
    public Uni<Void> clearForErasure(Customer customer) {
        mapper.apply(new UpsertCustomerRequest(null, null, null, null, null, null, null, null, null, null, null, null,
                null, null), customer);
        Instant now = Instant.now();
        customer.status = Customer.CustomerStatus.ERASED;
        customer.mergedInto = null;
        customer.updatedAt = now;
        return publish(customer, now);
    }

    /**
     * Publishes the profile's current snapshot, consents included; must run inside the transaction that changed
     * it (the snapshot is what the compacted customers topic keeps).
     */
    public Uni<Void> publish(Customer customer, Instant at) {
        return consents.findByCustomer(customer.customerId).chain(list -> outbox.enqueue(EventEnvelope.of(
                EventType.CUSTOMER_UPSERTED, ProfileEvents.PRODUCER, customer.customerId,
                mapper.toEvent(customer, list, at))));
    }


    private boolean sameContent(UpsertCustomerRequest stored, UpsertCustomerRequest incoming) {
        return Objects.equals(canonical(stored), canonical(incoming));
    }

    /** JSON text read back as a tree: equal content gives equal trees whatever Java number types held it. */
    private JsonNode canonical(UpsertCustomerRequest request) {
        try {
            UpsertCustomerRequest normalised = new UpsertCustomerRequest(request.gender(), request.birthDate(),
                    request.city(), request.province(), request.region(), request.cityTier(), request.occupation(),
                    request.incomeBand(), request.registrationChannel(), request.registeredAt(),
                    request.memberTier() == null ? MemberTier.NORMAL : request.memberTier(),
                    request.points() == null ? 0L : request.points(), request.timeZone(),
                    request.attributes() == null ? java.util.Map.of() : request.attributes());
            return json.readTree(json.writeValueAsString(normalised));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void validateTimeZone(String timeZone) {
        if (timeZone == null) {
            return;
        }
        try {
            ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            throw new InvalidInputException("timeZone", "is not an IANA time zone such as Asia/Shanghai");
        }
    }

    private static CustomerQuery parse(CustomerListRequest r) {
        LocalDate today = LocalDate.now();
        AgeBand band = r.ageBand() == null ? null : AgeBand.parse(r.ageBand()).orElseThrow(
                () -> new InvalidInputException("ageBand", "must be one of " + AgeBand.labels()));
        return new CustomerQuery(CursorPage.decode(r.cursor()),
                wire(CityTier.class, "cityTier", r.cityTier()),
                r.region(),
                wire(MemberTier.class, "memberTier", r.memberTier()),
                wire(Channel.class, "registrationChannel", r.registrationChannel()),
                instant("registeredFrom", r.registeredFrom()),
                instant("registeredTo", r.registeredTo()),
                band == null ? null : band.bornOnOrAfter(today),
                band == null ? null : band.bornOnOrBefore(today));
    }

    private static <E extends Enum<E>> E wire(Class<E> type, String field, String value) {
        if (value == null) {
            return null;
        }
        return WireNames.parse(type, value).orElseThrow(
                () -> new InvalidInputException(field, "must be one of " + WireNames.all(type)));
    }

    private static Instant instant(String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "must be an ISO-8601 instant such as 2026-01-31T00:00:00Z");
        }
    }
}
