package org.surgeline.planning;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.surgeline.request.AllocationLine;
import org.surgeline.request.AllocationRequest;
import org.surgeline.request.RequestService;
import org.surgeline.stock.CatalogService;

/**
 * How many planning entities a run's snapshot would create, counted from the approved lines before
 * anything is built: one parcel per parcel size of a supply line, one shift per team-day, one block
 * per {@value PlanningSnapshot#MAX_BEDS_PER_BLOCK} beds a day, one batch per
 * {@value PlanningSnapshot#MAX_SAMPLES_PER_BATCH} samples a day. It counts each line's whole
 * quantity, so it is never below what the snapshot makes. A run above
 * {@code surgeline.planning.max-snapshot-entities} fails with a {@link PlanFailure} ({@value #TOO_LARGE})
 * instead of taking the planner's heap.
 */
@ApplicationScoped
public class SnapshotSize {

    @Inject
    RequestService requests;
    @Inject
    CatalogService catalog;
    @Inject
    PlanningConfig config;

    /** A run's problem would be larger than a planner can hold. */
    /** The code of a run that fails because its problem is too large. */
    public static final String TOO_LARGE = "snapshot-too-large";

    /** The estimate for a run; throws a {@link PlanFailure} above the limit. */
    @Transactional
    public long check(LocalDate planDate, int horizonDays) {
        LocalDate end = planDate.plusDays(horizonDays);
        long total = 0;
        long largest = -1;
        String largestLine = null;
        for (AllocationRequest request : requests.approved()) {
            for (AllocationLine line : request.lines) {
                long entities = entities(line, planDate, end);
                total = saturatedAdd(total, entities);
                if (entities > largest) {
                    largest = entities;
                    largestLine = "request " + request.id + " line " + line.lineNo + " (" + line.kind + ", quantity "
                            + line.quantity + ": " + entities + ")";
                }
            }
        }
        long limit = config.maxSnapshotEntities();
        if (total > limit) {
            throw new PlanFailure(TOO_LARGE, "The problem would have " + (total == Long.MAX_VALUE ? "more than " : "") + total
                    + " planning entities, above the limit of " + limit + " (surgeline.planning.max-snapshot-entities); "
                    + "the largest is " + largestLine + ". Cancel or reduce it, or raise the limit with the planner's heap.");
        }
        return total;
    }

    private long entities(AllocationLine line, LocalDate from, LocalDate end) {
        return switch (line.kind) {
            case SUPPLY -> blocks(line.quantity, Math.max(1, catalog.item(line.itemCode).parcelSize));
            case TEAM -> saturatedMultiply(line.quantity, days(line, from, end));
            case ISOLATION_BEDS -> saturatedMultiply(blocks(line.quantity, PlanningSnapshot.MAX_BEDS_PER_BLOCK),
                    days(line, from, end));
            case LAB_THROUGHPUT -> saturatedMultiply(blocks(line.quantity, PlanningSnapshot.MAX_SAMPLES_PER_BATCH),
                    days(line, from, end));
        };
    }

    /** Days of the line inside the horizon, as the snapshot walks them. */
    private static long days(AllocationLine line, LocalDate from, LocalDate end) {
        LocalDate first = line.fromDate.isBefore(from) ? from : line.fromDate;
        LocalDate last = line.fromDate.plusDays(line.days);
        LocalDate stop = last.isBefore(end) ? last : end;
        return first.isBefore(stop) ? ChronoUnit.DAYS.between(first, stop) : 0;
    }

    private static long blocks(long quantity, long size) {
        return quantity / size + (quantity % size == 0 ? 0 : 1);
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }

    private static long saturatedMultiply(long a, long b) {
        return b != 0 && a > Long.MAX_VALUE / b ? Long.MAX_VALUE : a * b;
    }
}
