/** Analytics of the recommendations themselves: online click-through rate per model and scene. */
package io.lodestar.recommendation.analytics;
