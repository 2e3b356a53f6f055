package org.surgeline.platform;

/** The four roles. Every endpoint names the ones that may call it. */
public final class Roles {
    /** A county logistics officer, bound to one county. */
    public static final String OFFICER = "officer";
    /** Receives, issues and ships stock. */
    public static final String WAREHOUSE = "warehouse";
    /** Approves requests and runs the planner for the whole city. */
    public static final String SCHEDULER = "scheduler";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
