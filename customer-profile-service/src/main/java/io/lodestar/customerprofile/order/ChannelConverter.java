package io.lodestar.customerprofile.order;

import java.util.Locale;

import io.lodestar.contracts.Channel;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a {@link Channel} by its wire name ({@code mini_program}), the values the column's CHECK allows. */
@Converter
public class ChannelConverter implements AttributeConverter<Channel, String> {

    @Override
    public String convertToDatabaseColumn(Channel channel) {
        return channel == null ? null : channel.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public Channel convertToEntityAttribute(String column) {
        return column == null ? null : Channel.valueOf(column.toUpperCase(Locale.ROOT));
    }
}
