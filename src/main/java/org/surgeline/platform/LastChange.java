package org.surgeline.platform;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;

/**
 * When a record last changed and who changed it (the actor: a token's subject, or
 * {@code system:<job>}): how fresh a figure is, shown beside it, and what {@link ChangeMarks}
 * compares. Written only through {@link #record}, so that the two never disagree.
 */
@Embeddable
public class LastChange {

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Column(name = "updated_by", nullable = false)
    private String updatedBy;

    public void record(String actor, Instant at) {
        this.updatedBy = actor;
        this.updatedAt = at;
    }

    public Instant at() {
        return updatedAt;
    }

    public String by() {
        return updatedBy;
    }
}
