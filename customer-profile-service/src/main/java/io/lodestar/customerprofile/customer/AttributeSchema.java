package io.lodestar.customerprofile.customer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import io.lodestar.customerprofile.config.CustomerConfig;
import io.lodestar.platform.problem.InvalidInputException;
import io.lodestar.platform.problem.Problem;
import jakarta.enterprise.context.ApplicationScoped;

/** Checks a profile's custom attributes against the installation's JSON Schema, loaded once at start-up. */
@ApplicationScoped
public class AttributeSchema {

    static final String BUILT_IN = "customer-attributes.schema.json";

    private final JsonSchema schema;
    private final ObjectMapper mapper;

    public AttributeSchema(CustomerConfig config, ObjectMapper mapper) {
        this.mapper = mapper;
        this.schema = load(config.attributeSchema().orElse(null));
    }

    /** Throws a 400 naming each offending attribute ({@code attributes.loyaltyLevel}). */
    public void validate(Map<String, Object> attributes) {
        if (attributes == null || attributes.isEmpty()) {
            return;
        }
        List<Problem.Violation> violations = schema.validate(mapper.valueToTree(attributes)).stream()
                .map(AttributeSchema::violation)
                .sorted(Comparator.comparing(Problem.Violation::field))
                .toList();
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
    }

    private static Problem.Violation violation(ValidationMessage message) {
        String location = message.getInstanceLocation().toString(); // "$" or "$.name"
        String field = location.equals("$") && message.getProperty() != null
                ? "attributes." + message.getProperty()
                : "attributes" + location.substring(1);
        String text = message.getMessage();
        int colon = text.indexOf(": ");
        return new Problem.Violation(field, colon >= 0 ? text.substring(colon + 2) : text);
    }

    private static JsonSchema load(String location) {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        try (InputStream in = location == null
                ? AttributeSchema.class.getClassLoader().getResourceAsStream(BUILT_IN)
                : Files.newInputStream(Path.of(location))) {
            if (in == null) {
                throw new IllegalStateException("attribute schema " + BUILT_IN + " is missing from the classpath");
            }
            return factory.getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the attribute schema " + location, e);
        }
    }
}
