package org.surgeline.reporting;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code PUT /api/reports/daily/{county}/{date}}: a narrative, or a zero report (nothing
 * new, said explicitly; a narrative may go with it). The figures are filled in by the service.
 */
public record DailySubmission(@Size(max = 4000) String narrative, @NotNull Boolean zeroReport) {
}
