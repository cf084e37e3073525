/** Payloads of {@link io.lodestar.contracts.Topics#CUSTOMERS}: customer profile snapshots. */
package io.lodestar.contracts.customer;
