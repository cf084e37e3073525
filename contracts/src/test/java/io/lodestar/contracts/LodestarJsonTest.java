package io.lodestar.contracts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LodestarJsonTest {

    record Sample(Instant at, LocalDate day, BigDecimal amount, String note, int count) {
    }

    private final ObjectMapper mapper = LodestarJson.newObjectMapper();

    @Test
    void writesDatesAsIsoStringsPlainDecimalsAndNoNulls() throws JsonProcessingException {
        Sample sample = new Sample(Instant.parse("2024-11-11T02:15:30Z"), LocalDate.of(2024, 11, 11),
                new BigDecimal("1E+3"), null, 2);

        assertThat(mapper.writeValueAsString(sample))
                .isEqualTo("{\"at\":\"2024-11-11T02:15:30Z\",\"day\":\"2024-11-11\",\"amount\":1000,\"count\":2}");
    }

    @Test
    void keepsNullValuesInsideMaps() throws JsonProcessingException {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("nickname", null);

        assertThat(mapper.writeValueAsString(attributes)).isEqualTo("{\"nickname\":null}");
    }

    @Test
    void readsUnknownFieldsWithoutComplaint() throws JsonProcessingException {
        Sample sample = mapper.readValue("{\"count\":1,\"surprise\":{\"a\":[1]}}", Sample.class);

        assertThat(sample.count()).isEqualTo(1);
    }

    @Test
    void readsUntypedDecimalsExactly() throws JsonProcessingException {
        Map<?, ?> map = mapper.readValue("{\"price\":0.10}", Map.class);

        assertThat(map.get("price")).isEqualTo(new BigDecimal("0.10"));
    }

    @Test
    void keepsTrailingZerosThroughATree() throws JsonProcessingException {
        assertThat(mapper.writeValueAsString(mapper.readTree("{\"price\":199.00}"))).isEqualTo("{\"price\":199.00}");
    }

    @Test
    void keepsInstantsInUtcWhateverTheOffsetSent() throws JsonProcessingException {
        Sample sample = mapper.readValue("{\"at\":\"2024-11-11T10:15:30+08:00\",\"count\":0}", Sample.class);

        assertThat(sample.at()).isEqualTo(Instant.parse("2024-11-11T02:15:30Z"));
        assertThat(mapper.writeValueAsString(sample.at())).isEqualTo("\"2024-11-11T02:15:30Z\"");
    }

    @Test
    void refusesNullForAPrimitive() {
        assertThatThrownBy(() -> mapper.readValue("{\"count\":null}", Sample.class))
                .isInstanceOf(MismatchedInputException.class);
    }

    @Test
    void configureReturnsTheMapperItWasGiven() {
        ObjectMapper own = new ObjectMapper();

        assertThat(LodestarJson.configure(own)).isSameAs(own);
    }
}
