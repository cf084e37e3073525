package io.lodestar.customerprofile.config;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** Profile settings ({@code lodestar.customers.*}). */
@ConfigMapping(prefix = "lodestar.customers")
public interface CustomerConfig {

    /**
     * A JSON Schema (draft 2020-12) file that every profile's custom {@code attributes} object must satisfy —
     * each installation decides which attributes it keeps. Absent: the built-in schema
     * ({@code customer-attributes.schema.json}: up to 50 attributes of scalar values).
     */
    Optional<String> attributeSchema();
}
