package org.surgeline.region;

public enum RiskLevel {
    LOW, MEDIUM, HIGH
}
