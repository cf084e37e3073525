package io.lodestar.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one JSON configuration of Lodestar. Every service applies {@link #configure(ObjectMapper)} to its
 * mapper (in Quarkus, from an {@code ObjectMapperCustomizer}) so that events and REST bodies are written
 * and read the same way everywhere.
 */
public final class LodestarJson {

    private LodestarJson() {
    }

    /** A new mapper with the Lodestar configuration. */
    public static ObjectMapper newObjectMapper() {
        return configure(new ObjectMapper());
    }

    /**
     * Applies the Lodestar configuration to {@code mapper} and returns it.
     * <ul>
     *   <li>{@code java.time} types as ISO-8601 strings ({@code 2024-05-01T08:00:00Z}), not numbers, and
     *       offsets kept as sent rather than moved to the mapper's zone;</li>
     *   <li>unknown properties ignored, so that producers can add optional fields without breaking
     *       consumers (tolerant reader);</li>
     *   <li>money exact: {@code BigDecimal} written without exponent, untyped decimals read as
     *       {@code BigDecimal} rather than {@code double}, and trailing zeros kept when JSON passes through
     *       a tree ({@code 199.00} stays {@code 199.00}, which {@code BigDecimal.equals} tells from
     *       {@code 199});</li>
     *   <li>null fields left out, so "absent" and "null" mean the same on the wire;</li>
     *   <li>a null or missing value for a primitive is an error, instead of silently becoming 0 or false.</li>
     * </ul>
     */
    public static ObjectMapper configure(ObjectMapper mapper) {
        mapper.registerModule(new JavaTimeModule());
        mapper.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        mapper.disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
        mapper.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
        mapper.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        mapper.configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
        // Null properties are left out; null values inside maps are content and stay.
        mapper.setDefaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL,
                JsonInclude.Include.USE_DEFAULTS));
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        return mapper;
    }
}
