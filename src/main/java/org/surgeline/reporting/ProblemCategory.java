package org.surgeline.reporting;

/** What a problem on the list is about. */
public enum ProblemCategory {
    SUPPLY, ISOLATION, TESTING, PERSONNEL, OTHER
}
