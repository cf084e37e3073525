/**
 * Payloads of {@link io.lodestar.contracts.Topics#CAMPAIGN_DISPATCH} (messages to send) and
 * {@link io.lodestar.contracts.Topics#CAMPAIGN_FEEDBACK} (what happened to them).
 */
package io.lodestar.contracts.campaign;
