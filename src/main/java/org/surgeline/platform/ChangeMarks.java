package org.surgeline.platform;

import io.quarkus.hibernate.orm.panache.Panache;

/**
 * How far a context's records have changed: for each entity, how many rows and the latest
 * {@link LastChange}. Two equal marks mean nothing was added, changed or removed in between, so a
 * reader (the planner) can tell that the state it last started from is still the state now.
 */
public final class ChangeMarks {

    private ChangeMarks() {
    }

    /** The mark of the given entities, each of which has a {@code lastChange}. */
    public static String of(Class<?>... entities) {
        StringBuilder mark = new StringBuilder();
        for (Class<?> entity : entities) {
            Object[] row = (Object[]) Panache.getEntityManager().createQuery("select count(e), max(e.lastChange.updatedAt) from "
                    + entity.getSimpleName() + " e").getSingleResult();
            mark.append(entity.getSimpleName()).append(':').append(row[0]).append('@').append(row[1]).append(';');
        }
        return mark.toString();
    }
}
