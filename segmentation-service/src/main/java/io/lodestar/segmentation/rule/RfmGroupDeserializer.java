package io.lodestar.segmentation.rule;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;

import io.lodestar.segmentation.rfm.RfmGroup;

/** Reads an RFM class or segment from its wire name ({@code important-value}, {@code champions}). */
final class RfmGroupDeserializer extends StdDeserializer<RfmGroup> {

    private static final long serialVersionUID = 1L;

    RfmGroupDeserializer() {
        super(RfmGroup.class);
    }

    @Override
    public RfmGroup deserialize(JsonParser parser, DeserializationContext ctxt) throws IOException {
        String name = parser.getValueAsString();
        RfmGroup group = parse(name);
        if (group == null) {
            return (RfmGroup) ctxt.handleWeirdStringValue(RfmGroup.class, name, "not an RFM class or segment");
        }
        return group;
    }

    /** The class or segment with this wire name, or null. */
    static RfmGroup parse(String wireName) {
        for (RfmGroup group : RfmCondition.allGroups()) {
            if (group.wireName().equals(wireName)) {
                return group;
            }
        }
        return null;
    }
}
