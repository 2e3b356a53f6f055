package org.surgeline.platform;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

/** Row locks taken the one way: changes to a record serialize on its row until the transaction ends. */
public final class Locks {

    private Locks() {
    }

    /** The record, locked for update; a 404 problem naming {@code what} if there is none. */
    public static <T> T existing(EntityManager em, Class<T> type, Object id, String what) {
        T found = em.find(type, id, LockModeType.PESSIMISTIC_WRITE);
        if (found == null) {
            throw ProblemException.notFound(what, id);
        }
        return found;
    }
}
