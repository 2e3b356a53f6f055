package org.surgeline.setup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.surgeline.platform.CsvCells;
import org.surgeline.platform.ResultPage;
import org.surgeline.platform.PageParams;
import org.surgeline.stock.LedgerService;
import org.surgeline.stock.StockMovement;

/**
 * The stock ledger as CSV, written page by page so a long ledger is never held whole. Its free text
 * (lots, references, notes, override reasons) is typed by users and opened in spreadsheets: see
 * {@link CsvCells}.
 */
@ApplicationScoped
public class LedgerExport {

    static final List<String> COLUMNS = List.of("id", "operationId", "type", "depot", "item", "lot", "quantity",
            "onHandChange", "reservedChange", "reason", "reference", "note", "floorOverride", "actor", "occurredAt");

    @Inject
    LedgerService ledger;

    public StreamingOutput file(Optional<List<String>> depots, Optional<String> item, Optional<Instant> from,
            Optional<Instant> to) {
        return out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setRecordSeparator("\n").get());
            printer.printRecord(COLUMNS);
            for (int page = 0; ; page++) {
                ResultPage<StockMovement> movements = ledger.movements(depots, item, from, to, page, PageParams.MAX_SIZE);
                for (StockMovement m : movements.items()) {
                    printer.printRecord(m.id, m.operationId, m.type, m.depotCode, m.itemCode, CsvCells.text(m.lot),
                            m.quantity, m.onHandChange, m.reservedChange, CsvCells.text(m.reason),
                            CsvCells.text(m.reference), CsvCells.text(m.note), CsvCells.text(m.floorOverride), m.actor,
                            m.occurredAt);
                }
                if ((long) (page + 1) * PageParams.MAX_SIZE >= movements.total()) {
                    break;
                }
            }
            printer.flush();
        };
    }
}
