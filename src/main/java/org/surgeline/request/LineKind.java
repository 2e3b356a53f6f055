package org.surgeline.request;

/** What a request line asks for; {@code quantity} counts units, teams, beds or samples a day. */
public enum LineKind {
    SUPPLY, TEAM, ISOLATION_BEDS, LAB_THROUGHPUT
}
