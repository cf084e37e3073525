package io.lodestar.platform.persistence;

import io.lodestar.contracts.Channel;
import jakarta.persistence.Converter;

/** Stores a touchpoint {@link Channel} by its wire name ({@code mini_program}); shared by every entity with one. */
@Converter
public class ChannelConverter extends WireEnumConverter<Channel> {

    public ChannelConverter() {
        super(Channel.class);
    }
}
