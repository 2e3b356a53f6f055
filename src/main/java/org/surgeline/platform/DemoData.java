package org.surgeline.platform;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.surgeline.region.CountyService;
import org.surgeline.region.NewCounty;

/**
 * The one place for demo data: at first start on an empty database, loads the chosen data set
 * through each context's service.
 */
@ApplicationScoped
public class DemoData {

    public enum DataSet { LINFEN, NONE }

    private static final Logger LOG = Logger.getLogger(DemoData.class);
    private static final String ACTOR = "demo-data";

    @ConfigProperty(name = "surgeline.demo-data", defaultValue = "linfen")
    DataSet dataSet;

    @Inject
    CountyService counties;

    void onStart(@Observes StartupEvent start) {
        if (dataSet == DataSet.NONE) {
            return;
        }
        try {
            QuarkusTransaction.requiringNew().run(this::loadIfEmpty);
        } catch (RuntimeException e) {
            // Replicas starting together on an empty database race here; the loser finds the
            // winner's rows (a unique violation) and goes on with them.
            LOG.warnf("Demo data not loaded by this instance (%s); another instance may have loaded it",
                    e.getMessage());
        }
    }

    private void loadIfEmpty() {
        if (!counties.isEmpty()) {
            return;
        }
        String base = "demo/" + dataSet.name().toLowerCase() + "/";
        counties.register(rows(base + "counties.csv").stream()
                .map(r -> new NewCounty(r[0], r[1], r[2], Long.parseLong(r[3]),
                        Double.parseDouble(r[4]), Double.parseDouble(r[5])))
                .toList(), ACTOR);
        LOG.infof("Loaded demo data set %s", dataSet);
    }

    /** The rows of a CSV resource without commas inside fields; lines starting with # are comments. */
    static List<String[]> rows(String resource) {
        InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("Missing demo data resource " + resource);
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .map(l -> l.split(",", -1)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
