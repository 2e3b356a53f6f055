package org.surgeline.planning;

/**
 * Why a run failed, in words its readers may see: a stable {@code code} and a sentence that carries
 * no exception text, SQL or host names (those go to the log). Thrown while a run is solved, it
 * fails that run with this code and sentence; any other exception fails it as {@link #SOLVER_ERROR}.
 */
public class PlanFailure extends RuntimeException {

    /** An unexpected error; the log holds the details under the incident id the sentence names. */
    public static final String SOLVER_ERROR = "solver-error";
    /** Every instance that claimed the run stopped answering before its lease passed. */
    public static final String GIVEN_UP = "given-up";

    private final String code;

    public PlanFailure(String code, String sentence) {
        super(sentence, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
