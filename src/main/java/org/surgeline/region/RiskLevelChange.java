package org.surgeline.region;

import jakarta.validation.constraints.NotNull;

/** Body of {@code PUT /api/counties/{code}/risk-level}. */
public record RiskLevelChange(@NotNull RiskLevel riskLevel) {
}
