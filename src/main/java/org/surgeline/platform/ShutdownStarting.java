package org.surgeline.platform;

/**
 * Fired (synchronously) when the service is told to stop, before readiness goes down and
 * requests drain: work that would be cut short by the shutdown is not started from here on.
 */
public record ShutdownStarting() {
}
