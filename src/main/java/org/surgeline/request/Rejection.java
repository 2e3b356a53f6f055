package org.surgeline.request;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of reject: the reason is required, so the county knows why. */
public record Rejection(@NotBlank @Size(max = 500) String reason) {
}
