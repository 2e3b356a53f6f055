package org.surgeline.platform;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import sun.misc.Signal;

/**
 * Kubernetes stops a pod with SIGTERM. On the JVM, Quarkus leaves that signal to the JVM, which
 * runs the graceful shutdown (readiness down for {@code quarkus.shutdown.delay}, in-flight requests
 * finished within {@code quarkus.shutdown.timeout}) and then exits with status 143, so every
 * orderly stop would read as a failure. Handling TERM as a normal exit runs the same shutdown and
 * exits 0, as Quarkus already does in native mode. {@code DISABLE_SIGNAL_HANDLERS} (Quarkus' own
 * switch for native mode) turns it off.
 */
@ApplicationScoped
public class GracefulTermination {

    @Inject
    Event<ShutdownStarting> starting;

    void onStart(@Observes StartupEvent event) {
        if (LaunchMode.current() != LaunchMode.NORMAL || System.getenv("DISABLE_SIGNAL_HANDLERS") != null) {
            return;
        }
        ClassLoader application = Thread.currentThread().getContextClassLoader();
        Signal.handle(new Signal("TERM"), signal -> {
            // The JVM's signal thread carries the system class loader, under which a bean created
            // by an observer cannot load its classes; whatever an observer does, the exit follows.
            Thread.currentThread().setContextClassLoader(application);
            try {
                starting.fire(new ShutdownStarting());
            } finally {
                Quarkus.asyncExit(0);
            }
        });
    }
}
