package org.surgeline.console;

import io.quarkus.qute.TemplateData;
import java.time.Instant;
import java.util.List;
import org.surgeline.isolation.BedCapacity;
import org.surgeline.platform.Level;
import org.surgeline.region.RiskLevel;
import org.surgeline.testing.LabFigures;

/**
 * The city situation board: a row per county and the city's total row, and the days-of-cover heat
 * table (county x item). Every figure carries how fresh it is; {@code linked} marks the rows whose
 * records the viewer may open (every row for city-wide roles, the own county's for an officer);
 * {@code reportMissing}, a county without today's daily report once the cutoff has passed.
 */
@TemplateData(target = BedCapacity.class)
@TemplateData(target = LabFigures.class)
@TemplateData(target = Freshness.class)
@TemplateData(target = Board.Row.class)
@TemplateData(target = Board.Cover.class)
public record Board(Instant at, List<String> items, List<Row> counties, Row city) {

    public record Row(String code, String name, boolean own, boolean linked, boolean reportMissing, RiskLevel risk,
            BedCapacity beds, Freshness bedsFresh, LabFigures labs, Freshness labsFresh,
            List<Cover> cover, Freshness stockFresh, long critical, long urgent, long routine, long alerts) {
    }

    /** One heat-table cell: days of cover of one item in one county, and how it stands. */
    public record Cover(String item, Double days, Level level) {
    }
}
