/** Payloads of {@link io.lodestar.contracts.Topics#IDENTITY}: who a customer is changed. */
package io.lodestar.contracts.identity;
