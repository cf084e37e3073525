package io.lodestar.campaign.config;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How campaigns are dispatched, capped, held out and attributed ({@code lodestar.campaign.*}). */
@ConfigMapping(prefix = "lodestar.campaign")
public interface CampaignConfig {

    /** Orders paid within this long after a customer's last touch are attributed to it, unless a campaign sets its own. */
    @WithDefault("P7D")
    Duration attributionWindow();

    /**
     * Share of all customers (0–20 %) who receive no campaign at all, the same customers for every campaign: the
     * baseline that tells whether marketing as a whole adds anything.
     */
    @WithDefault("5")
    int globalHoldoutPercent();

    /** Changing the salt reshuffles who is in the global holdout; keep it stable for the life of an installation. */
    @WithDefault("lodestar-global-holdout-v1")
    String holdoutSalt();

    /** The send window (in each customer's time zone) of campaigns that set none; outside it are the quiet hours. */
    Window defaultSendWindow();

    Caps caps();

    /** What {{name}} says for a customer whose profile carries no name. */
    @WithDefault("there")
    String defaultName();

    RateLimits rateLimits();

    Dispatch dispatch();

    /** Items put into {{recommendations}} when recommendation-service cannot answer and no popular list was fetched yet. */
    Optional<List<String>> fallbackItems();

    interface Window {
        @WithDefault("09:00")
        LocalTime start();

        @WithDefault("21:00")
        LocalTime end();
    }

    /** Marketing messages a customer may receive per calendar day and ISO week, per channel and over all channels. */
    interface Caps {
        @WithDefault("1")
        int perChannelPerDay();

        @WithDefault("3")
        int perChannelPerWeek();

        @WithDefault("2")
        int allChannelsPerDay();

        @WithDefault("6")
        int allChannelsPerWeek();
    }

    /**
     * Messages per second each channel's gateway accepts; the dispatcher spreads send times so that no channel is
     * handed more (SMS providers in particular throttle senders).
     */
    interface RateLimits {
        @WithDefault("5000")
        int appPush();

        @WithDefault("1000")
        int sms();

        @WithDefault("2000")
        int miniProgram();

        @WithDefault("2000")
        int email();

        @WithDefault("500")
        int wecom();

        @WithDefault("500")
        int liveStream();

        @WithDefault("500")
        int community();
    }

    interface Dispatch {
        /**
         * Audience members decided and written per transaction: larger pages amortise the per-page statements
         * (docs/benchmarks.md: 2,000 decided 4,900/s where 1,000 did 4,500/s, cold).
         */
        @WithDefault("2000")
        int pageSize();

        /** Recommendation requests in flight at once while rendering a page. */
        @WithDefault("32")
        int recommendationConcurrency();

        /** Items a {{recommendations}} placeholder lists. */
        @WithDefault("3")
        int recommendationsPerMessage();

        /** Journey instances advanced per scheduler pass. */
        @WithDefault("500")
        int journeyBatch();

        /** A worker that took a page or journey instance holds it this long; then another may take it over. */
        @WithDefault("PT2M")
        Duration claimTimeout();
    }
}
