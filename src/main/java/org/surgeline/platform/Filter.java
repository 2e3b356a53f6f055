package org.surgeline.platform;

import io.quarkus.panache.common.Parameters;
import java.util.Optional;

/**
 * A list query's optional conditions, written once: each value present adds its condition and its
 * named parameter; absent ones add nothing. E.g.
 * {@code new Filter().and(county, "countyCode = :county", "county")}.
 */
public final class Filter {

    private final StringBuilder query = new StringBuilder("1 = 1");
    private final Parameters parameters = new Parameters();

    public Filter and(Optional<?> value, String condition, String parameter) {
        value.ifPresent(v -> {
            query.append(" and ").append(condition);
            parameters.and(parameter, v);
        });
        return this;
    }

    /** Adds {@code condition}, which needs no parameter, when {@code applies}. */
    public Filter andIf(boolean applies, String condition) {
        if (applies) {
            query.append(" and ").append(condition);
        }
        return this;
    }

    public String query() {
        return query.toString();
    }

    public Parameters parameters() {
        return parameters;
    }
}
