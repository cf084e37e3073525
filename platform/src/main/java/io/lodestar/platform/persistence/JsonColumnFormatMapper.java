package io.lodestar.platform.persistence;

import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.format.FormatMapper;
import org.hibernate.type.format.jackson.JacksonJsonFormatMapper;

import io.lodestar.contracts.LodestarJson;
import io.quarkus.hibernate.orm.JsonFormat;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import jakarta.inject.Singleton;

/**
 * How JSON(B) columns are written and read: with the contracts' Jackson setup (ISO dates, exact decimals),
 * on a mapper of its own so that REST customisations can never change what is stored.
 */
@JsonFormat
@PersistenceUnitExtension
@Singleton
public class JsonColumnFormatMapper implements FormatMapper {

    private final FormatMapper delegate = new JacksonJsonFormatMapper(LodestarJson.newObjectMapper());

    @Override
    public <T> T fromString(CharSequence charSequence, JavaType<T> javaType, WrapperOptions wrapperOptions) {
        return delegate.fromString(charSequence, javaType, wrapperOptions);
    }

    @Override
    public <T> String toString(T value, JavaType<T> javaType, WrapperOptions wrapperOptions) {
        return delegate.toString(value, javaType, wrapperOptions);
    }
}
