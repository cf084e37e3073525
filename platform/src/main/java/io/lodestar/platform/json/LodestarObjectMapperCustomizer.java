package io.lodestar.platform.json;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.lodestar.contracts.EventCodec;
import io.lodestar.contracts.LodestarJson;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Every service's REST layer serialises JSON exactly as the event contracts do. */
@Singleton
public class LodestarObjectMapperCustomizer implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        LodestarJson.configure(mapper);
    }

    /** The one codec for Kafka payloads (envelope and typed payload), shared by the outbox and the consumers. */
    @Produces
    @Singleton
    EventCodec eventCodec() {
        return new EventCodec();
    }
}
