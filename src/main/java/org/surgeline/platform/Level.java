package org.surgeline.platform;

/**
 * How a figure stands against its thresholds, decided by the record that owns the figure (days of
 * cover, free beds, lab load): what the duty board colours and the alerts list.
 */
public enum Level {
    /** Nothing to do. */
    OK,
    /** Running low: watch it (amber). */
    LOW,
    /** Act now (red). */
    CRITICAL
}
