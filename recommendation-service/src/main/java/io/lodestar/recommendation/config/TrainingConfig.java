package io.lodestar.recommendation.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How models train ({@code lodestar.training.*}). */
@ConfigMapping(prefix = "lodestar.training")
public interface TrainingConfig {

    /** When the scheduled retraining runs (Quartz cron); the scheduler of ModelRunService reads this key. */
    @WithDefault("0 30 4 * * ?")
    String cron();

    /** Threads for the CPU-heavy phases (ALS, item-CF); at most the cores the container has. */
    @WithDefault("2")
    int threads();

    Als als();

    ItemCf itemCf();

    Rules rules();

    Sequences sequences();

    /** Implicit ALS (Hu, Koren, Volinsky). */
    interface Als {
        @WithDefault("64")
        int rank();

        @WithDefault("15")
        int iterations();

        /** λ; 1 measured best with alpha 1 on Online Retail (docs/benchmarks.md, offline evaluation). */
        @WithDefault("1")
        double regularization();

        /**
         * Confidence = 1 + alpha · weight. Weights are already large (a paid unit is 10), so alpha 1: with alpha 10
         * and λ 0.1 NDCG@10 on Online Retail fell from 0.077 to 0.051.
         */
        @WithDefault("1")
        double alpha();

        @WithDefault("42")
        long seed();

        /**
         * Whether to compute the full loss after each iteration and report it with the run ({@code report.alsLoss}).
         * Off by default: it costs one more pass over every customer's cells per iteration.
         */
        @WithDefault("false")
        boolean computeLoss();
    }

    /** Item-based collaborative filtering. */
    interface ItemCf {
        /** cosine or jaccard. */
        @WithDefault("cosine")
        String similarity();

        @WithDefault("50")
        int neighbours();

        @WithDefault("2")
        int minCoCustomers();
    }

    /** Association rules over order baskets (FP-growth). */
    interface Rules {
        /** Fraction of baskets an item set must appear in. */
        @WithDefault("0.005")
        double minSupport();

        @WithDefault("0.1")
        double minConfidence();

        @WithDefault("1.0")
        double minLift();

        /** Items in a rule, antecedent and consequent together. */
        @WithDefault("3")
        int maxLength();

        /**
         * What a basket is: {@code 0s} = one paid order; a positive duration = a customer's purchases within that
         * window of their first one (e.g. {@code 7d}: the sunscreen this week, the umbrella three days later).
         */
        @WithDefault("0s")
        Duration basketWindow();
    }

    /** Sequential rules "bought A, then B within D days". */
    interface Sequences {
        @WithDefault("90d")
        Duration maxGap();

        @WithDefault("3")
        int minCustomers();

        @WithDefault("0.05")
        double minConfidence();

        @WithDefault("1.0")
        double minLift();
    }
}
