package io.lodestar.recommendation.training;

import java.util.Map;

import io.smallrye.mutiny.Uni;

/**
 * What happens after a training run activated a version, as the run's last phase (serving precomputes the active
 * customers' lists). An interface here, implemented by serving, so that training does not depend on serving.
 */
public interface VersionActivation {

    /** Does the follow-up work for the newly active version; returns what to add to the run's report. */
    Uni<Map<String, Object>> activated(ModelSet models);
}
