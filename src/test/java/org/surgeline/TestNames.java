package org.surgeline;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Codes for records a test creates: unique within a test run by a counter, and apart from another
 * run's on a shared database by the process id.
 */
public final class TestNames {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final long RUN = ProcessHandle.current().pid() % 10_000;

    private TestNames() {
    }

    /** {@code prefix-RUN-N}. */
    public static String unique(String prefix) {
        return prefix + "-" + RUN + "-" + SEQUENCE.incrementAndGet();
    }

    /** {@code prefixRUNxN}, for codes of letters and digits only (counties). */
    public static String uniqueCode(String prefix) {
        return prefix + RUN + "X" + SEQUENCE.incrementAndGet();
    }
}
