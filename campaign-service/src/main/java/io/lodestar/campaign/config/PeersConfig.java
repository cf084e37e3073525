package io.lodestar.campaign.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How campaign-service calls segmentation and recommendation ({@code lodestar.peers.*}); their URLs are
 * {@code quarkus.rest-client.segmentation.url} and {@code quarkus.rest-client.recommendation.url}.
 */
@ConfigMapping(prefix = "lodestar.peers")
public interface PeersConfig {

    /** Issuer of the service's own tokens: the one every service verifies. */
    @WithDefault("${mp.jwt.verify.issuer}")
    String tokenIssuer();

    /** Members fetched per segmentation call while an audience is snapshotted (segmentation allows up to 1000). */
    @WithDefault("1000")
    int segmentPageSize();

    /** How often the popular list used when recommendation-service fails is refreshed. */
    @WithDefault("10m")
    Duration popularRefresh();
}
