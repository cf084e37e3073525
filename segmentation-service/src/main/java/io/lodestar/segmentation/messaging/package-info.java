/**
 * Kafka in and out of the segmentation-service: one {@code XxxConsumer} per incoming channel (raw JSON through
 * {@link io.lodestar.platform.messaging.EventIntake} into an idempotent {@code XxxService.apply}); outgoing events
 * go through the transactional outbox of lodestar-platform, never straight to an emitter.
 */
package io.lodestar.segmentation.messaging;
