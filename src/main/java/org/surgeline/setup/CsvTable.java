package org.surgeline.setup;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.surgeline.platform.Problem;
import org.surgeline.platform.ProblemException;

/**
 * An imported file read with Commons CSV: UTF-8 with or without a byte-order mark, a header row naming
 * the columns in any order, quoted fields with commas and line breaks. A column the kind does not know
 * or a required column missing refuses the whole file; rows keep their line number in the file.
 */
public final class CsvTable {

    /** A file of more rows than this is refused (400) before anything is checked. */
    public static final int MAX_ROWS = 200_000;
    /** A body of more bytes than this is refused (413). */
    public static final long MAX_BYTES = 50L * 1024 * 1024;

    private static final CSVFormat READ = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true).setTrim(true).get();
    private static final CSVFormat WRITE = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();

    private CsvTable() {
    }

    /** The data rows of {@code body}, their cells by column; errors found in the cells go to {@code errors}. */
    public static List<CsvRow> read(InputStream body, List<String> required, List<String> optional,
            List<RowError> errors) {
        try (Reader reader = utf8(new LimitedStream(body, MAX_BYTES));
                CSVParser parser = CSVParser.builder().setReader(reader).setFormat(READ).get()) {
            List<String> header = parser.getHeaderNames();
            if (header.isEmpty()) {
                throw ProblemException.badRequest("import-header", "The file has no header row naming its columns");
            }
            Set<String> known = new LinkedHashSet<>(required);
            known.addAll(optional);
            List<String> unknown = header.stream().filter(c -> !known.contains(c)).toList();
            List<String> missing = required.stream().filter(c -> !header.contains(c)).toList();
            if (!unknown.isEmpty() || !missing.isEmpty()) {
                List<RowError> headerErrors = new ArrayList<>();
                unknown.forEach(c -> headerErrors.add(new RowError(1, c, c, "unknown column; the columns are " + known)));
                missing.forEach(c -> headerErrors.add(new RowError(1, c, null, "missing column")));
                throw invalid(headerErrors);
            }
            List<CsvRow> rows = new ArrayList<>();
            Iterator<CSVRecord> records = parser.iterator();
            long line = parser.getCurrentLineNumber() + 1;
            while (records.hasNext()) {
                CSVRecord record = records.next();
                if (rows.size() == MAX_ROWS) {
                    throw ProblemException.badRequest("import-too-many-rows",
                            "The file has more than " + MAX_ROWS + " rows; split it");
                }
                Map<String, String> cells = new HashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    cells.put(header.get(i), i < record.size() ? record.get(i) : null);
                }
                CsvRow row = new CsvRow(line, cells, errors);
                if (record.size() != header.size()) {
                    row.error(header.get(Math.min(record.size(), header.size()) - 1),
                            "the row has " + record.size() + " fields, the header " + header.size());
                }
                rows.add(row);
                line = parser.getCurrentLineNumber() + 1;
            }
            return rows;
        } catch (UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            throw unreadable(e.getCause() != null ? e.getCause() : e);
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    /** The 400 listing every bad row (the first 1,000). */
    public static ProblemException invalid(List<RowError> errors) {
        List<RowError> first = errors.stream().limit(1000).toList();
        return new ProblemException(new Problem("import-invalid", "Invalid import", 400,
                errors.size() + " bad cell(s); nothing was imported" + (errors.size() > 1000 ? " (the first 1,000 listed)" : ""),
                null)).with("rows", first).with("badCells", errors.size());
    }

    /** A file with the header and rows given, as an export answers it. */
    public static String write(List<String> header, List<List<String>> rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, WRITE)) {
            printer.printRecord(header);
            for (List<String> row : rows) {
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static ProblemException unreadable(Throwable e) {
        if (e instanceof TooLarge) {
            return new ProblemException(new Problem("import-too-large", "Payload too large", 413,
                    "The file is larger than " + MAX_BYTES / (1024 * 1024) + " MB; split it", null));
        }
        if (e instanceof CharacterCodingException) {
            return ProblemException.badRequest("import-encoding", "The file is not UTF-8 text");
        }
        return ProblemException.badRequest("import-unreadable", "The file is not readable CSV: " + e.getMessage());
    }

    /** UTF-8, strictly (a byte that is not UTF-8 is an error, not a replacement character), BOM skipped. */
    private static Reader utf8(InputStream in) throws IOException {
        PushbackInputStream pushback = new PushbackInputStream(in, 3);
        byte[] bom = new byte[3];
        int n = pushback.readNBytes(bom, 0, 3);
        boolean hasBom = n == 3 && (bom[0] & 0xFF) == 0xEF && (bom[1] & 0xFF) == 0xBB && (bom[2] & 0xFF) == 0xBF;
        if (!hasBom && n > 0) {
            pushback.unread(bom, 0, n);
        }
        return new InputStreamReader(pushback, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
    }

    private static final class TooLarge extends IOException {
        TooLarge() {
            super("body too large");
        }
    }

    /** Counts the bytes read and stops past the limit, so an oversized body is never held whole. */
    private static final class LimitedStream extends java.io.FilterInputStream {
        private final long limit;
        private long read;

        LimitedStream(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && ++read > limit) {
                throw new TooLarge();
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0 && (read += n) > limit) {
                throw new TooLarge();
            }
            return n;
        }
    }
}
