package org.surgeline.request;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Positive;

/**
 * What one request line may ask for beyond the roster (teams are checked against the teams of that
 * skill): the planner cuts bed and sample demand into blocks per day, so an unreal quantity would
 * make an unreal problem.
 */
@ConfigMapping(prefix = "surgeline.request-limits")
public interface LineLimits {

    /** Isolation beds one line may ask for (each day). */
    @WithDefault("20000")
    @Positive
    long maxBeds();

    /** Samples a day one lab-throughput line may ask for. */
    @WithDefault("5000000")
    @Positive
    long maxSamplesPerDay();
}
