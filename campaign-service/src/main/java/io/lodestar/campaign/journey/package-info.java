/**
 * Journeys: campaigns that run per customer, from a trigger through a graph of steps, as typed data and pure logic.
 *
 * <ul>
 *   <li>{@link io.lodestar.campaign.journey.JourneyDefinition} is what operators post (inside a campaign) and what is
 *       stored as JSONB: a {@link io.lodestar.campaign.journey.JourneyTrigger}, the
 *       {@link io.lodestar.campaign.journey.JourneyStep steps} with their links, {@code exitOn} events and a
 *       re-entry period. Every kind is a record of a sealed interface, named on the wire by a lower_snake
 *       {@code type}.</li>
 *   <li>{@link io.lodestar.campaign.journey.JourneyValidator} reports every fault of a definition with its JSON
 *       path; a definition it accepts is a DAG from its entry step that reaches an exit.</li>
 *   <li>{@link io.lodestar.campaign.journey.JourneyStateMachine} moves one instance
 *       ({@link io.lodestar.campaign.journey.JourneyState}) given the customer's
 *       {@link io.lodestar.campaign.journey.JourneyFacts} and the time, and says what to do as
 *       {@link io.lodestar.campaign.journey.Action actions}; it reads no clock, database or broker, so the runner
 *       that loads facts, stores states and performs actions is the only part that needs infrastructure.</li>
 *   <li>{@link io.lodestar.campaign.journey.JourneyTemplates} are the standard plays as ready definitions.</li>
 * </ul>
 */
package io.lodestar.campaign.journey;
