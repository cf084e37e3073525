/**
 * Training as a job: {@code POST /models/runs} trains every model on one snapshot of the interactions, stores them as
 * a numbered version (numbers only: factors, neighbour lists, rankings, rules) and activates it; every replica
 * serves the newest activated version and loads it again after a restart.
 */
package io.lodestar.recommendation.training;
