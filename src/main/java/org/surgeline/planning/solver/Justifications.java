package org.surgeline.planning.solver;

import java.time.LocalDate;
import org.optaplanner.core.api.score.stream.ConstraintJustification;

/** What each constraint says about a match, in words an officer can act on. */
public final class Justifications {

    private Justifications() {
    }

    /** Every justification says in one sentence what is wrong, and where. */
    public interface Described extends ConstraintJustification {
        String description();
    }

    /** A depot asked for more of an item than it has, or more than it has above its floor. */
    public record DepotStockJustification(String depot, String county, String item, long shipped, long limit,
            String description) implements Described {
    }

    /** A team on the wrong day, twice in one day, or without the skill. */
    public record TeamJustification(String team, String county, LocalDate date, String description)
            implements Described {
    }

    /** A lab or site over what it can take on a day. */
    public record CapacityJustification(String resource, String county, LocalDate date, long asked, long limit,
            String description) implements Described {
    }

    /** Demand of a request line that the plan leaves unmet. */
    public record UnmetJustification(long requestId, int lineNo, String county, long quantity, String description)
            implements Described {
    }

    /** Minutes on the road. */
    public record TravelJustification(String from, String to, long minutes, String description)
            implements Described {
    }

    /** An assignment that differs from the last published plan. */
    public record StabilityJustification(String entity, String before, String now, String description)
            implements Described {
    }

    /** How many shifts one team carries in the horizon. */
    public record WorkloadJustification(String team, long shifts, String description)
            implements Described {
    }
}
