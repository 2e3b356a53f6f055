package org.surgeline.testing;

import org.surgeline.platform.Level;

/**
 * A lab's (or a sum of labs') figures for one date. Capacity in samples = tubes × pooling ratio
 * (0 when suspended); backlog out = backlog in + received − tested; utilization = tested ÷ capacity;
 * days to clear = backlog out ÷ capacity. Derived, never stored.
 */
public record LabFigures(long capacitySamples, long samplesReceived, long samplesTested, long backlogIn,
        long backlogOut, Double utilization, Double daysToClear) {

    public static final LabFigures NONE = of(0, 0, 0, 0);

    public static LabFigures of(long capacity, long received, long tested, long backlogIn) {
        long backlogOut = backlogIn + received - tested;
        return new LabFigures(capacity, received, tested, backlogIn, backlogOut,
                capacity == 0 ? null : round((double) tested / capacity),
                capacity == 0 ? null : round((double) backlogOut / capacity));
    }

    /** CRITICAL when a lab tests over 90 % of its capacity or its backlog takes over a day to clear. */
    public Level loadLevel() {
        return utilization != null && utilization > 0.9 || daysToClear != null && daysToClear > 1 ? Level.CRITICAL
                : Level.OK;
    }

    public LabFigures plus(LabFigures o) {
        return of(capacitySamples + o.capacitySamples, samplesReceived + o.samplesReceived,
                samplesTested + o.samplesTested, backlogIn + o.backlogIn);
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
