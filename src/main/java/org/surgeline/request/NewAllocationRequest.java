package org.surgeline.request;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * Body of {@code POST /api/allocation-requests}. An officer requests for their own county (the
 * county may be left out); schedulers and admins name the county they request for. Status,
 * requester and planned quantities are not part of it: the service sets them.
 */
public record NewAllocationRequest(
        String county,
        @NotNull Priority priority,
        @NotNull LocalDate neededBy,
        @Size(max = 1000) String justification,
        @NotEmpty @Size(max = MAX_LINES) List<@Valid @NotNull NewLine> lines) {

    public static final int MAX_LINES = 200;
}
