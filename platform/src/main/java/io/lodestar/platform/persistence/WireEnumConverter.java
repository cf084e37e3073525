package io.lodestar.platform.persistence;

import io.lodestar.contracts.WireNames;
import jakarta.persistence.AttributeConverter;

/**
 * Stores a contract enum by its wire name ({@code tier-1}), so that SQL, CHECK constraints and JSON agree.
 * Subclass per enum with {@code @Converter}: {@code class CityTierConverter extends WireEnumConverter<CityTier>}.
 */
public abstract class WireEnumConverter<E extends Enum<E>> implements AttributeConverter<E, String> {

    private final Class<E> type;

    protected WireEnumConverter(Class<E> type) {
        this.type = type;
    }

    @Override
    public String convertToDatabaseColumn(E value) {
        return value == null ? null : WireNames.of(value);
    }

    @Override
    public E convertToEntityAttribute(String column) {
        if (column == null) {
            return null;
        }
        return WireNames.parse(type, column).orElseThrow(() -> new IllegalStateException(
                "unknown " + type.getSimpleName() + " '" + column + "' in the database"));
    }
}
