package org.surgeline.reporting;

import static org.surgeline.platform.CsvCells.text;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The city's summary as CSV: one row per county, then a CITY row with the totals; the counts in
 * {@link ReportFigures#counts()} order, then days of cover per item ({@code cover:<item>}). Narratives
 * are free text: cells go through {@link org.surgeline.platform.CsvCells}.
 */
@ApplicationScoped
class SummaryCsv {

    static final List<String> LEADING = List.of("county", "name", "status", "zeroReport", "version", "submittedAt",
            "submittedBy");

    String write(DailySummary summary) {
        TreeSet<String> items = new TreeSet<>(summary.city().daysOfCover().keySet());
        List<String> header = new ArrayList<>(LEADING);
        header.addAll(ReportFigures.NONE.counts().keySet());
        items.forEach(i -> header.add("cover:" + i));
        header.add("narrative");
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setRecordSeparator("\n").get())) {
            printer.printRecord(header);
            for (DailySummary.Row r : summary.counties()) {
                List<Object> row = new ArrayList<>(List.of(r.county(), text(r.name()), r.status(), text(r.zeroReport()),
                        text(r.version()), text(r.submittedAt()), text(r.submittedBy())));
                figures(row, r.figures(), items);
                row.add(text(r.narrative()));
                printer.printRecord(row);
            }
            List<Object> city = new ArrayList<>(List.of("CITY", "", "", "", "", "", ""));
            figures(city, summary.city(), items);
            city.add("");
            printer.printRecord(city);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void figures(List<Object> row, ReportFigures f, TreeSet<String> items) {
        if (f == null) {
            ReportFigures.NONE.counts().keySet().forEach(k -> row.add(""));
            items.forEach(i -> row.add(""));
            return;
        }
        row.addAll(f.counts().values());
        items.forEach(i -> row.add(text(f.daysOfCover().get(i))));
    }
}
