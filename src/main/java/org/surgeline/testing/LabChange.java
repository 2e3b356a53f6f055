package org.surgeline.testing;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code PUT /api/labs/{code}}: name and county (capacity and status have their own endpoints). */
public record LabChange(@NotBlank @Size(max = 128) String name, @NotBlank String county) {
}
