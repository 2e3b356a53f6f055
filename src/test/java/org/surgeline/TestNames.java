package org.surgeline;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Codes for records a test creates: unique within a test run by a counter, and apart from another
 * run's on a shared database by the process id.
 */
public final class TestNames {

    /**
     * One counter for the whole JVM: each test profile starts the application in a class loader of
     * its own, which loads this class again, while the in-memory database outlives it; a counter
     * per class loader would hand out the same codes again. The JVM's system properties are shared
     * by every loader, and AtomicInteger is the bootstrap loader's.
     */
    private static final AtomicInteger SEQUENCE = (AtomicInteger) System.getProperties()
            .computeIfAbsent(TestNames.class.getName() + ".sequence", key -> new AtomicInteger());
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
