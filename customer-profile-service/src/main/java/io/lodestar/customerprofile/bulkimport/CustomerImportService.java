package io.lodestar.customerprofile.bulkimport;

import java.util.LinkedHashMap;
import java.util.Map;

import io.lodestar.customerprofile.customer.CustomerService;
import io.lodestar.customerprofile.customer.CustomerView;
import io.lodestar.customerprofile.customer.UpsertCustomerRequest;
import io.lodestar.customerprofile.identity.IdentityService;
import io.lodestar.customerprofile.identity.IdentityType;
import io.lodestar.customerprofile.identity.LinkIdentityRequest;
import io.lodestar.platform.problem.ResourceNotFoundException;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.NotNull;

/**
 * Writes one imported customer row through the profile and identity rules, in one transaction: what the row holds
 * replaces the profile's value, what it lacks keeps the profile's (an import adds to a CRM record, it does not
 * blank it), and its phone and e-mail become identity keys. An age without a birth date has no profile column, so
 * it is kept as the attributes {@code age} and, when it is the import's median, {@code ageImputed}.
 */
@ApplicationScoped
public class CustomerImportService {

    static final String SOURCE = "bulk-import";
    static final String AGE_ATTRIBUTE = "age";
    static final String AGE_IMPUTED_ATTRIBUTE = "ageImputed";

    private final CustomerService customers;
    private final IdentityService identities;

    public CustomerImportService(CustomerService customers, IdentityService identities) {
        this.customers = customers;
        this.identities = identities;
    }

    @WithTransaction
    public Uni<WriteOutcome> write(@NotNull CustomerRecord record) {
        return customers.find(record.customerId())
                .onFailure(ResourceNotFoundException.class).recoverWithNull()
                .chain(existing -> customers.upsert(record.customerId(), merged(record, existing))
                        .map(result -> result.created() || existing == null
                                || !result.customer().updatedAt().equals(existing.updatedAt())))
                .chain(changed -> link(record, IdentityType.PHONE, record.phone(), changed))
                .chain(changed -> link(record, IdentityType.EMAIL, record.email(), changed))
                .map(changed -> changed ? WriteOutcome.WRITTEN : WriteOutcome.UNCHANGED);
    }

    private Uni<Boolean> link(CustomerRecord record, IdentityType type, String value, boolean changed) {
        if (value == null || value.isBlank()) {
            return Uni.createFrom().item(changed);
        }
        return identities.link(record.customerId(), new LinkIdentityRequest(type, value, SOURCE))
                .map(linked -> changed || linked.created());
    }

    static UpsertCustomerRequest merged(CustomerRecord row, CustomerView existing) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        if (existing != null && existing.attributes() != null) {
            attributes.putAll(existing.attributes());
        }
        if (row.birthDate() == null && row.age() != null) {
            attributes.put(AGE_ATTRIBUTE, row.age());
            if (row.ageImputed()) {
                attributes.put(AGE_IMPUTED_ATTRIBUTE, true);
            } else {
                attributes.remove(AGE_IMPUTED_ATTRIBUTE);
            }
        }
        if (existing == null) {
            return new UpsertCustomerRequest(row.gender(), row.birthDate(), row.city(), row.province(), row.region(),
                    row.cityTier(), null, null, row.registrationChannel(), row.registeredAt(), row.memberTier(), null,
                    null, attributes);
        }
        return new UpsertCustomerRequest(or(row.gender(), existing.gender()), or(row.birthDate(), existing.birthDate()),
                or(row.city(), existing.city()), or(row.province(), existing.province()),
                or(row.region(), existing.region()), or(row.cityTier(), existing.cityTier()), existing.occupation(),
                existing.incomeBand(), or(row.registrationChannel(), existing.registrationChannel()),
                or(row.registeredAt(), existing.registeredAt()), or(row.memberTier(), existing.memberTier()),
                existing.points(), existing.timeZone(), attributes);
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
