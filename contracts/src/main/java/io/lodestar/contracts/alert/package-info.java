/** Payloads of {@link io.lodestar.contracts.Topics#ALERTS}: operations anomalies. Not customer-scoped. */
package io.lodestar.contracts.alert;
