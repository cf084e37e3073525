package io.lodestar.customerprofile.consent;

import java.time.Instant;

import io.lodestar.contracts.MessageChannel;

public record ConsentView(MessageChannel channel, boolean granted, String purpose, String source, Instant updatedAt) {

    public static ConsentView of(CustomerConsent consent) {
        return new ConsentView(consent.channel(), consent.granted, consent.purpose, consent.source, consent.updatedAt);
    }
}
