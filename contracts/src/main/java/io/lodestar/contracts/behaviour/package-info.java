/** Payloads of {@link io.lodestar.contracts.Topics#CUSTOMER_EVENTS}: what customers and visitors do. */
package io.lodestar.contracts.behaviour;
