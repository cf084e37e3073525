/**
 * The item catalogue: the shop's items with what serving filters on (stock, visibility, durable or consumable, when a
 * consumable is due again) and what cold start and diversity use (category path, brand, price). Items named by events
 * before the catalogue sends them are created as stubs.
 */
package io.lodestar.recommendation.catalogue;
