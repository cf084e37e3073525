package io.lodestar.contracts;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads a record's fields the way the codec sees them. */
final class RecordFields {

    private RecordFields() {
    }

    static List<RecordComponent> components(Class<?> record) {
        return Arrays.asList(record.getRecordComponents());
    }

    static Set<String> names(Class<?> record) {
        return components(record).stream().map(RecordComponent::getName).collect(Collectors.toSet());
    }

    /**
     * Components marked {@code @JsonProperty(required = true)}. The annotation's targets do not include
     * record components, so Java puts it on the accessor (and field and constructor parameter) instead.
     */
    static Set<String> required(Class<?> record) {
        return components(record).stream()
                .filter(RecordFields::isRequired)
                .map(RecordComponent::getName)
                .collect(Collectors.toSet());
    }

    static boolean isRequired(RecordComponent component) {
        JsonProperty property = component.getAccessor().getAnnotation(JsonProperty.class);
        return property != null && property.required();
    }
}
