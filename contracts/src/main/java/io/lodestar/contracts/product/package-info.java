/** Payloads of {@link io.lodestar.contracts.Topics#PRODUCT_TRENDS}: items gaining interest. */
package io.lodestar.contracts.product;
