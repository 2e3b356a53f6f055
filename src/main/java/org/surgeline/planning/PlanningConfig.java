package org.surgeline.planning;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;

/** Planner settings: horizon, solving, and the constraint weights documented in the README. */
@ConfigMapping(prefix = "surgeline.planning")
public interface PlanningConfig {

    /** Days planned from the plan date. */
    @WithDefault("7")
    @Min(1)
    @Max(31)
    int horizonDays();

    /** Default solving time of a run that names none. */
    @WithDefault("30")
    @Positive
    int defaultTimeLimitSeconds();

    /** Runs this instance solves at once; the others wait QUEUED. */
    @WithDefault("1")
    @Positive
    int maxConcurrentSolves();

    /** How often this instance looks for queued runs. */
    @WithDefault("2s")
    java.time.Duration pollInterval();

    /** Whether this instance picks up queued runs and solves them. */
    @WithDefault("true")
    boolean solverEnabled();

    Weights weights();

    interface Weights {
        @WithDefault("1")
        int routine();

        @WithDefault("3")
        int urgent();

        @WithDefault("10")
        int critical();

        /** Medium penalty per unit drawn below a reserve floor. */
        @WithDefault("2")
        long reserveFloor();

        /** Medium penalty per unfilled team shift, times the priority weight. */
        @WithDefault("1000")
        long unfilledShift();

        /** Medium penalty per unplaced bed-day, times the priority weight. */
        @WithDefault("100")
        long unplacedBed();

        /** Soft penalty per change of county between a team's consecutive days. */
        @WithDefault("60")
        long teamCountyChange();

        /** Soft penalty per assignment that differs from the last published plan. */
        @WithDefault("10")
        long stability();
    }
}
