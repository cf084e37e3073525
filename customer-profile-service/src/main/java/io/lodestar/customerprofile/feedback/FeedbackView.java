package io.lodestar.customerprofile.feedback;

import java.time.Instant;
import java.util.UUID;

import io.lodestar.contracts.Channel;
import io.lodestar.contracts.behaviour.CustomerFeedbackKind;

public record FeedbackView(UUID feedbackId, String customerId, CustomerFeedbackKind kind, Integer score,
        String category, String comment, Channel channel, String orderId, Instant givenAt) {

    public static FeedbackView of(CustomerFeedback f) {
        return new FeedbackView(f.feedbackId, f.customerId, f.kind, f.score, f.category, f.comment, f.channel,
                f.orderId, f.givenAt);
    }
}
