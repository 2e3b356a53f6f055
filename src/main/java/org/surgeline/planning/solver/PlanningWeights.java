package org.surgeline.planning.solver;

import org.optaplanner.core.api.domain.constraintweight.ConstraintConfiguration;
import org.optaplanner.core.api.domain.constraintweight.ConstraintWeight;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/**
 * The weight of every constraint. Defaults are those documented in the README; the service sets
 * them from {@code surgeline.planning.weights.*} when it builds a plan.
 */
@ConstraintConfiguration
public class PlanningWeights {

    // The defaults of the configurable weights, written once: the configuration
    // (surgeline.planning.weights.*) and the no-argument constructor both take them from here.
    public static final String DEFAULT_RESERVE_FLOOR = "2";
    public static final String DEFAULT_UNFILLED_SHIFT = "1000";
    public static final String DEFAULT_UNPLACED_BED = "100";
    public static final String DEFAULT_TEAM_COUNTY_CHANGE = "60";
    public static final String DEFAULT_STABILITY = "10";

    @ConstraintWeight(DeploymentConstraints.DEPOT_STOCK_EXCEEDED)
    HardMediumSoftLongScore depotStockExceeded = HardMediumSoftLongScore.ONE_HARD;
    @ConstraintWeight(DeploymentConstraints.TEAM_DOUBLE_BOOKED)
    HardMediumSoftLongScore teamDoubleBooked = HardMediumSoftLongScore.ONE_HARD;
    @ConstraintWeight(DeploymentConstraints.TEAM_LACKS_SKILL)
    HardMediumSoftLongScore teamLacksSkill = HardMediumSoftLongScore.ONE_HARD;
    @ConstraintWeight(DeploymentConstraints.TEAM_UNAVAILABLE)
    HardMediumSoftLongScore teamUnavailable = HardMediumSoftLongScore.ONE_HARD;
    @ConstraintWeight(DeploymentConstraints.LAB_OVER_CAPACITY)
    HardMediumSoftLongScore labOverCapacity = HardMediumSoftLongScore.ONE_HARD;
    @ConstraintWeight(DeploymentConstraints.SITE_OVER_FREE_BEDS)
    HardMediumSoftLongScore siteOverFreeBeds = HardMediumSoftLongScore.ONE_HARD;
    @ConstraintWeight(DeploymentConstraints.ROUTINE_BELOW_FLOOR)
    HardMediumSoftLongScore routineBelowFloor = HardMediumSoftLongScore.ONE_HARD;
    @ConstraintWeight(DeploymentConstraints.OWN_COUNTY_SOURCE)
    HardMediumSoftLongScore ownCountySource = HardMediumSoftLongScore.ONE_HARD;
    @ConstraintWeight(DeploymentConstraints.STOCK_EXPIRES_TOO_SOON)
    HardMediumSoftLongScore stockExpiresTooSoon = HardMediumSoftLongScore.ONE_HARD;
    @ConstraintWeight(DeploymentConstraints.ARRIVES_TOO_LATE)
    HardMediumSoftLongScore arrivesTooLate = HardMediumSoftLongScore.ONE_HARD;

    @ConstraintWeight(DeploymentConstraints.UNMET_SUPPLY)
    HardMediumSoftLongScore unmetSupply = HardMediumSoftLongScore.ONE_MEDIUM;
    @ConstraintWeight(DeploymentConstraints.RESERVE_FLOOR_BREACHED)
    HardMediumSoftLongScore reserveFloorBreached = medium(DEFAULT_RESERVE_FLOOR);
    @ConstraintWeight(DeploymentConstraints.UNFILLED_TEAM_SHIFT)
    HardMediumSoftLongScore unfilledTeamShift = medium(DEFAULT_UNFILLED_SHIFT);
    @ConstraintWeight(DeploymentConstraints.UNPLACED_ISOLATION_BEDS)
    HardMediumSoftLongScore unplacedIsolationBeds = medium(DEFAULT_UNPLACED_BED);
    @ConstraintWeight(DeploymentConstraints.UNROUTED_SAMPLES)
    HardMediumSoftLongScore unroutedSamples = HardMediumSoftLongScore.ONE_MEDIUM;

    @ConstraintWeight(DeploymentConstraints.SUPPLY_TRAVEL)
    HardMediumSoftLongScore supplyTravel = HardMediumSoftLongScore.ONE_SOFT;
    @ConstraintWeight(DeploymentConstraints.TEAM_TRAVEL)
    HardMediumSoftLongScore teamTravel = HardMediumSoftLongScore.ONE_SOFT;
    @ConstraintWeight(DeploymentConstraints.TEAM_COUNTY_CHANGE)
    HardMediumSoftLongScore teamCountyChange = soft(DEFAULT_TEAM_COUNTY_CHANGE);
    @ConstraintWeight(DeploymentConstraints.ISOLATION_TRAVEL)
    HardMediumSoftLongScore isolationTravel = HardMediumSoftLongScore.ONE_SOFT;
    @ConstraintWeight(DeploymentConstraints.SAMPLE_TRAVEL)
    HardMediumSoftLongScore sampleTravel = HardMediumSoftLongScore.ONE_SOFT;
    @ConstraintWeight(DeploymentConstraints.SUPPLY_STABILITY)
    HardMediumSoftLongScore supplyStability = soft(DEFAULT_STABILITY);
    @ConstraintWeight(DeploymentConstraints.TEAM_STABILITY)
    HardMediumSoftLongScore teamStability = soft(DEFAULT_STABILITY);
    @ConstraintWeight(DeploymentConstraints.BED_STABILITY)
    HardMediumSoftLongScore bedStability = soft(DEFAULT_STABILITY);
    @ConstraintWeight(DeploymentConstraints.SAMPLE_STABILITY)
    HardMediumSoftLongScore sampleStability = soft(DEFAULT_STABILITY);
    @ConstraintWeight(DeploymentConstraints.WORKLOAD_FAIRNESS)
    HardMediumSoftLongScore workloadFairness = HardMediumSoftLongScore.ONE_SOFT;

    public PlanningWeights() {
    }

    private static HardMediumSoftLongScore medium(String weight) {
        return HardMediumSoftLongScore.ofMedium(Long.parseLong(weight));
    }

    private static HardMediumSoftLongScore soft(String weight) {
        return HardMediumSoftLongScore.ofSoft(Long.parseLong(weight));
    }

    /** The configurable multipliers; the hard weights stay 1. */
    public PlanningWeights(long reserveFloor, long unfilledShift, long unplacedBed, long teamCountyChange,
            HardMediumSoftLongScore stability) {
        this.reserveFloorBreached = HardMediumSoftLongScore.ofMedium(reserveFloor);
        this.unfilledTeamShift = HardMediumSoftLongScore.ofMedium(unfilledShift);
        this.unplacedIsolationBeds = HardMediumSoftLongScore.ofMedium(unplacedBed);
        this.teamCountyChange = HardMediumSoftLongScore.ofSoft(teamCountyChange);
        this.supplyStability = stability;
        this.teamStability = supplyStability;
        this.bedStability = supplyStability;
        this.sampleStability = supplyStability;
    }

    /** The weight of one changed assignment: soft in nightly and manual runs, medium in rebalancing runs. */
    public HardMediumSoftLongScore stability() {
        return supplyStability;
    }
}
