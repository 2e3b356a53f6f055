package org.surgeline.testing;

public enum LabStatus {
    ACTIVE,
    /** Not testing (maintenance, contamination): its capacity counts as zero. */
    SUSPENDED
}
