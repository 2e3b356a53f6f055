package org.surgeline.planning;

/** Why a run exists: asked for through the API, the nightly job, or a rebalancing trigger. */
public enum PlanKind {
    MANUAL, NIGHTLY, REBALANCE
}
