package org.surgeline.reporting;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/** Duty roster answers: a day's shifts, who is on duty now, and gaps in the coverage ahead. */
public final class DutyView {

    private DutyView() {
    }

    public record Shift(LocalDate date, LocalTime from, LocalTime to, Instant startsAt, Instant endsAt, String name,
            String phone, @Schema(nullable = true) String role) {
        static Shift of(DutyShift s) {
            return new Shift(s.day, s.from, s.to, s.startsAt, s.endsAt, s.name, s.phone, s.role);
        }
    }

    public record Day(String county, LocalDate date, List<Shift> shifts) {
    }

    /** Who is on duty in a county at {@code at}; empty when nobody is (a gap). */
    public record OnDuty(String county, Instant at, List<Shift> onDuty) {
    }

    /** A stretch without anyone on duty in a county. */
    public record Gap(String county, Instant from, Instant to) {
    }
}
