package io.lodestar.customerprofile.config;

import java.nio.file.Path;
import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Bulk imports ({@code lodestar.imports.*}). */
@ConfigMapping(prefix = "lodestar.imports")
public interface ImportConfig {

    /**
     * Where uploads wait for and during their job (deleted when it ends). It must hold the largest upload; in
     * Kubernetes an emptyDir volume, since the root filesystem is read-only.
     */
    @WithDefault("${java.io.tmpdir}/lodestar-imports")
    Path directory();

    /**
     * How many orders or customers are written concurrently, each in its own transaction (the reactive pool must
     * have more connections than this).
     */
    @WithDefault("4")
    int writeConcurrency();

    /** How many records are handed to the database at a time; progress is saved after each chunk. */
    @WithDefault("500")
    int chunkSize();

    /**
     * How many imported orders share one transaction (commits are most of an import's cost); an order a rule
     * refuses does not hold back the others.
     */
    @WithDefault("50")
    int ordersPerTransaction();

    /** The longest a single chunk may take before the job fails. */
    @WithDefault("5m")
    Duration chunkTimeout();
}
