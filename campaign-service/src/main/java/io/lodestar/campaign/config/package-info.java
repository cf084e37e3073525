/**
 * Typed application settings of the campaign-service ({@code @ConfigMapping} interfaces named {@code XxxConfig}, each with
 * {@code @WithDefault} values and Javadoc); business code reads no {@code @ConfigProperty} strings.
 */
package io.lodestar.campaign.config;
