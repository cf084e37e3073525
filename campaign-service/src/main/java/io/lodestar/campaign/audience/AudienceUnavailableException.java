package io.lodestar.campaign.audience;

/** segmentation-service could not give (a page of) a campaign's audience; the campaign pauses with this reason. */
public class AudienceUnavailableException extends RuntimeException {

    public AudienceUnavailableException(String segmentId, Throwable cause) {
        super("segment " + segmentId + " unavailable from segmentation-service: " + cause.getMessage(), cause);
    }
}
