package org.surgeline.planning;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.surgeline.planning.solver.PlanningWeights;

/** Planner settings: horizon, solving, and the constraint weights documented in the README. */
@ConfigMapping(prefix = "surgeline.planning")
public interface PlanningConfig {

    /** Days planned from the plan date. */
    @WithDefault("7")
    @Min(1)
    @Max(31)
    int horizonDays();

    /** How many days after today a run may be dated (a run is never dated before today). */
    @WithDefault("31")
    @Min(0)
    @Max(366)
    int planDateWindowDays();

    /** Default solving time of a run that names none. */
    @WithDefault("30")
    @Positive
    int defaultTimeLimitSeconds();

    /**
     * The longest time limit a run asked for through the API may have: a few long manual runs
     * must not hold the planners for hours.
     */
    @WithDefault("300")
    @Min(1)
    @Max(3600)
    int maxTimeLimitSeconds();

    /** Runs one caller may have queued or solving at once through the API (429 beyond). */
    @WithDefault("3")
    @Positive
    int maxQueuedPerCaller();

    /**
     * The most planning entities (parcels, team shifts, bed blocks, sample batches) a run's problem
     * may have; a larger run fails (snapshot-too-large) before it is built. Solving takes well over
     * 1 KB of heap per entity (3 million team shifts took a planner from 131 MB to 5.2 GB), so the
     * default stays inside the planner's 1 GB heap.
     */
    @WithDefault("200000")
    @Positive
    long maxSnapshotEntities();

    /** Runs this instance solves at once; the others wait QUEUED. */
    @WithDefault("1")
    @Positive
    int maxConcurrentSolves();

    /** How often this instance looks for queued runs. */
    @WithDefault("2s")
    Duration pollInterval();

    /**
     * Whether this instance is a planner: it solves queued runs and runs the scheduled jobs. API
     * replicas switch it off; runs they queue are solved by the planner replicas.
     */
    @WithDefault("true")
    boolean solverEnabled();

    /** A solving run not finished this many time limits after its claim is claimed again elsewhere. */
    @WithDefault("2")
    @Positive
    double leaseFactor();

    /**
     * The shortest lease a claim gets, whatever its time limit: building the snapshot and storing
     * the result take time of their own, and a short run must not be claimed again meanwhile.
     */
    @WithDefault("60s")
    Duration minLease();

    /**
     * Claims of one run before it is given up as FAILED: a run whose every solving instance dies
     * (out of memory on a too-large problem, say) must not take the planners down one by one.
     */
    @WithDefault("3")
    @Positive
    int maxAttempts();

    /** How long shutdown waits for stopped solves to store their best plan. */
    @WithDefault("10s")
    Duration shutdownWait();

    /** How often the planning gauges at /q/metrics are read from the database. */
    @WithDefault("15s")
    Duration metricsRefresh();

    Nightly nightly();

    Retention retention();

    Triggers triggers();

    AutoPublish autoPublish();

    Weights weights();

    /** The nightly full run. */
    interface Nightly {
        @WithDefault("true")
        boolean enabled();

        /** Quartz-style cron (seconds first). */
        @WithDefault("0 0 2 * * ?")
        String cron();

        @WithDefault("Asia/Shanghai")
        String timeZone();

        @WithDefault("300")
        @Min(1)
        @Max(3600)
        int timeLimitSeconds();
    }

    /**
     * Drafts, failed and cancelled runs older than {@code age} lose their stored result (and skip
     * records older than that are deleted); published and superseded plans keep theirs.
     */
    interface Retention {
        @WithDefault("14d")
        Duration age();

        /** How often a planner instance applies it. */
        @WithDefault("1h")
        Duration interval();
    }

    /** The periodic trigger check and the rebalancing runs it starts. */
    interface Triggers {
        @WithDefault("true")
        boolean enabled();

        @WithDefault("5m")
        Duration interval();

        @WithDefault("30")
        @Min(1)
        @Max(3600)
        int timeLimitSeconds();

        /** Fires when at least this many approved CRITICAL lines are not yet planned. */
        @WithDefault("1")
        @Positive
        int criticalLines();

        /** Fires when a depot-item's available stock is below this share of its reserve floor. */
        @WithDefault("1.0")
        @Positive
        double depotFloorRatio();

        /** Fires when a county's free isolation beds are below this share of its ready beds. */
        @WithDefault("0.10")
        @Positive
        double isolationFreeRatio();

        /** Fires when a lab tested more than this share of its capacity on its last complete day. */
        @WithDefault("0.90")
        @Positive
        double labUtilization();

        /** Fires when a lab's backlog exceeds this many days of its capacity. */
        @WithDefault("1.0")
        @Positive
        double labBacklogDays();
    }

    /**
     * Publish a solved draft without a person, when it is feasible and its medium score is no
     * worse than keeping the published plan. Manual runs are always left for a person.
     */
    interface AutoPublish {
        @WithDefault("false")
        boolean nightly();

        @WithDefault("true")
        boolean rebalance();
    }

    interface Weights {
        @WithDefault("1")
        int routine();

        @WithDefault("3")
        int urgent();

        @WithDefault("10")
        int critical();

        /** Medium penalty per unit drawn below a reserve floor. */
        @WithDefault(PlanningWeights.DEFAULT_RESERVE_FLOOR)
        long reserveFloor();

        /** Medium penalty per unfilled team shift, times the priority weight. */
        @WithDefault(PlanningWeights.DEFAULT_UNFILLED_SHIFT)
        long unfilledShift();

        /** Medium penalty per unplaced bed-day, times the priority weight. */
        @WithDefault(PlanningWeights.DEFAULT_UNPLACED_BED)
        long unplacedBed();

        /** Soft penalty per change of county between a team's consecutive days. */
        @WithDefault(PlanningWeights.DEFAULT_TEAM_COUNTY_CHANGE)
        long teamCountyChange();

        /**
         * Soft penalty per assignment that differs from the plan in force, in nightly and manual
         * runs: it breaks ties, and better travel is worth a change.
         */
        @WithDefault(PlanningWeights.DEFAULT_STABILITY)
        long stability();

        /**
         * Medium penalty per assignment that differs from the plan in force, in rebalancing runs:
         * a change must meet more weighted demand than it costs, so a rebalance moves only what
         * the surge needs.
         */
        @WithDefault("1")
        long rebalanceStability();
    }
}
