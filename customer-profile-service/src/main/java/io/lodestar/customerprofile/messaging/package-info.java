/**
 * Kafka in and out of the customer-profile-service. Profile, identity and order changes go out through the
 * transactional outbox of lodestar-platform; behaviour events, which the issue asks to have acknowledged by the
 * broker before {@code POST /events} answers, go out through {@link io.lodestar.customerprofile.messaging.BehaviourEventPublisher}
 * inside the transaction that records them.
 */
package io.lodestar.customerprofile.messaging;
