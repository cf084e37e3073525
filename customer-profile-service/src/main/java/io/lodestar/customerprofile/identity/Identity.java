package io.lodestar.customerprofile.identity;

import java.io.Serializable;
import java.time.Instant;

import io.lodestar.contracts.WireNames;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** One external id of a customer; see V2__identities_and_merges.sql. */
@Entity
@Table(name = "customer_identity")
@IdClass(Identity.Key.class)
public class Identity {

    /** The wire name of the {@link IdentityType} (JPA allows no converter on an id column). */
    @Id
    @Column(name = "identity_type", columnDefinition = "text")
    public String typeName;

    /** The id itself, or the keyed hash for phone and e-mail. */
    @Id
    @Column(name = "identity_value", columnDefinition = "text")
    public String value;

    @Column(name = "customer_id", nullable = false, columnDefinition = "text")
    public String customerId;

    @Column(columnDefinition = "text")
    public String source;

    @Column(name = "linked_at", nullable = false)
    public Instant linkedAt;

    public IdentityType type() {
        return WireNames.parse(IdentityType.class, typeName).orElseThrow();
    }

    public void type(IdentityType type) {
        this.typeName = WireNames.of(type);
    }

    public record Key(String typeName, String value) implements Serializable {

        public static Key of(IdentityType type, String storedValue) {
            return new Key(WireNames.of(type), storedValue);
        }
    }
}
