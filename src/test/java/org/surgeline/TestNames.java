package org.surgeline;

import java.util.Properties;

/**
 * Codes for records a test creates: unique within a test run by a counter, and apart from another
 * run's on a shared database by the process id.
 */
public final class TestNames {

    /**
     * The counter lives in the JVM's system properties, as text: each test profile starts the
     * application in a class loader of its own, which loads this class again, while the in-memory
     * database outlives it, so a static counter would hand out the same codes again. (Only strings
     * there: Narayana copies every system property as a string when an application starts.)
     */
    private static final String SEQUENCE = TestNames.class.getName() + ".sequence";
    private static final long RUN = ProcessHandle.current().pid() % 10_000;

    private TestNames() {
    }

    /** {@code prefix-RUN-N}. */
    public static String unique(String prefix) {
        return prefix + "-" + RUN + "-" + next();
    }

    /** {@code prefixRUNxN}, for codes of letters and digits only (counties). */
    public static String uniqueCode(String prefix) {
        return prefix + RUN + "X" + next();
    }

    private static int next() {
        Properties system = System.getProperties();
        synchronized (system) {
            int n = Integer.parseInt(system.getProperty(SEQUENCE, "0")) + 1;
            system.setProperty(SEQUENCE, Integer.toString(n));
            return n;
        }
    }
}
