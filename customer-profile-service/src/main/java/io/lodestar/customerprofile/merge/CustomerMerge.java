package io.lodestar.customerprofile.merge;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The outcome of merging one customer into a survivor; see V2__identities_and_merges.sql. */
@Entity
@Table(name = "customer_merge")
public class CustomerMerge {

    @Id
    @Column(name = "merged_id", columnDefinition = "text")
    public String mergedId;

    @Column(name = "survivor_id", nullable = false, columnDefinition = "text")
    public String survivorId;

    @Column(name = "merged_at", nullable = false)
    public Instant mergedAt;

    @Column(name = "identities_moved", nullable = false)
    public int identitiesMoved;

    @Column(name = "orders_moved", nullable = false)
    public int ordersMoved;

    @Column(name = "events_moved", nullable = false)
    public int eventsMoved;
}
