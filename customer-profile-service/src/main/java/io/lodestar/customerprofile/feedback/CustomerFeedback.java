package io.lodestar.customerprofile.feedback;

import java.time.Instant;
import java.util.UUID;

import io.lodestar.contracts.Channel;
import io.lodestar.contracts.behaviour.CustomerFeedbackKind;
import io.lodestar.platform.persistence.ChannelConverter;
import io.lodestar.platform.persistence.WireEnumConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Converter;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One piece of feedback; see V7__customer_feedback.sql. */
@Entity
@Table(name = "customer_feedback")
public class CustomerFeedback {

    @Id
    @Column(name = "feedback_id")
    public UUID feedbackId;

    @Column(name = "customer_id", nullable = false, columnDefinition = "text")
    public String customerId;

    @Convert(converter = KindConverter.class)
    @Column(nullable = false, columnDefinition = "text")
    public CustomerFeedbackKind kind;

    public Integer score;

    @Column(columnDefinition = "text")
    public String category;

    @Column(columnDefinition = "text")
    public String comment;

    @Convert(converter = ChannelConverter.class)
    @Column(columnDefinition = "text")
    public Channel channel;

    @Column(name = "order_id", columnDefinition = "text")
    public String orderId;

    @Column(name = "given_at", nullable = false)
    public Instant givenAt;

    @Converter
    static class KindConverter extends WireEnumConverter<CustomerFeedbackKind> {
        KindConverter() {
            super(CustomerFeedbackKind.class);
        }
    }

}
