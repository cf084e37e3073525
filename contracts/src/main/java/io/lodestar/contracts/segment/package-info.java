/** Payloads of {@link io.lodestar.contracts.Topics#SEGMENT_MEMBERSHIP}: customers entering and leaving segments. */
package io.lodestar.contracts.segment;
