package io.lodestar.customerprofile.consent;

import java.io.Serializable;
import java.time.Instant;

import io.lodestar.contracts.MessageChannel;
import io.lodestar.contracts.WireNames;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** The latest consent decision of a customer for one channel; see V6__consents.sql. */
@Entity
@Table(name = "customer_consent")
@IdClass(CustomerConsent.Key.class)
public class CustomerConsent {

    @Id
    @Column(name = "customer_id", columnDefinition = "text")
    public String customerId;

    /** The wire name of the {@link MessageChannel} (JPA allows no converter on an id column). */
    @Id
    @Column(name = "channel", columnDefinition = "text")
    public String channelName;

    @Column(nullable = false)
    public boolean granted;

    @Column(nullable = false, columnDefinition = "text")
    public String purpose;

    @Column(columnDefinition = "text")
    public String source;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public MessageChannel channel() {
        return WireNames.parse(MessageChannel.class, channelName).orElseThrow();
    }

    public record Key(String customerId, String channelName) implements Serializable {
    }
}
