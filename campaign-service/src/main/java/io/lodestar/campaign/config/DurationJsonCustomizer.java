package io.lodestar.campaign.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Campaign definitions are full of durations (validity, waits, timeouts, attribution windows) that operators write as
 * ISO-8601 ({@code P7D}); they are written back the same way rather than as seconds, which Jackson does by default.
 */
@Singleton
public class DurationJsonCustomizer implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);
    }
}
