package org.surgeline.setup;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.surgeline.DemoUsers.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.surgeline.DemoUsers;
import org.surgeline.TestNames;

/**
 * CSV import and export (issue 14): per kind the happy path, every kind of bad cell, all or nothing
 * (checked in SQL, so on PostgreSQL in the pg pass), dry run, re-import and round trip.
 */
@QuarkusTest
class ImportResourceTest {

    private static final String IMPORT_INVALID = "https://surgeline.org/problems/import-invalid";

    /** Counties a test imported: retired after it, so the demo city keeps its 18 for the other tests. */
    private final java.util.List<String> imported = new java.util.ArrayList<>();

    @Inject
    DataSource db;

    @org.junit.jupiter.api.AfterEach
    void retireImported() {
        imported.forEach(code -> as(DemoUsers.ADMIN).delete("/api/counties/" + code));
    }

    /** A code prefix no other test run uses. */
    private static String prefix() {
        return TestNames.uniqueCode("I");
    }

    static ValidatableResponse post(String kind, String csv) {
        return post(kind, csv.getBytes(UTF_8), false);
    }

    static ValidatableResponse post(String kind, byte[] csv, boolean dryRun) {
        return as(DemoUsers.ADMIN).contentType("text/csv; charset=UTF-8").queryParam("dryRun", dryRun).body(csv)
                .post("/api/imports/" + kind).then();
    }

    private long count(String sql, String like) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, like);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private String counties(String p) {
        imported.add(p + "A");
        imported.add(p + "B");
        return "code,nameZh,namePinyin,population,latitude,longitude\n"
                + p + "A,甲县,Jia,100000,36.1,111.5\n"
                + p + "B,\"乙县, 新区\",\"Yi, Xinqu\",200000,36.2,111.6\n";
    }

    @Test
    void countiesAreImportedOnceAndReImportChangesNothing() throws SQLException {
        String p = prefix();
        post("counties", counties(p)).statusCode(200)
                .body("kind", equalTo("counties"))
                .body("created", equalTo(2)).body("updated", equalTo(0)).body("unchanged", equalTo(0));
        // A quoted field keeps its comma.
        as(DemoUsers.ADMIN).get("/api/counties/" + p + "B").then().statusCode(200)
                .body("nameZh", equalTo("乙县, 新区")).body("namePinyin", equalTo("Yi, Xinqu"));
        post("counties", counties(p)).statusCode(200)
                .body("created", equalTo(0)).body("updated", equalTo(0)).body("unchanged", equalTo(2));
        // A changed row is an audited update of the same record.
        post("counties", counties(p).replace("Jia,100000", "Jia,150000")).statusCode(200)
                .body("updated", equalTo(1)).body("unchanged", equalTo(1));
        as(DemoUsers.ADMIN).get("/api/counties/" + p + "A").then().body("population", equalTo(150000));
        as(DemoUsers.ADMIN).queryParam("entity", "County").queryParam("key", p + "A").get("/api/audit").then()
                .body("items[0].action", equalTo("UPDATE"));
        assertEquals(2, count("select count(*) from county where code like ?", p + "%"));
    }

    @Test
    void travelTimesAreSetByHandOnePairAtATime() {
        String p = prefix();
        post("counties", counties(p)).statusCode(200);
        String file = "to,from,minutes\n" + p + "B," + p + "A,45\n" + p + "A," + p + "B,50\n";
        post("travel-times", file).statusCode(200).body("created", equalTo(2));
        post("travel-times", file).statusCode(200).body("unchanged", equalTo(2));
        as(DemoUsers.ADMIN).queryParam("from", p + "A").queryParam("to", p + "B").get("/api/travel-times").then()
                .body("[0].minutes", equalTo(45)).body("[0].source", equalTo("OVERRIDE"));
        post("travel-times", "from,to,minutes\n" + p + "A," + p + "A,10\n" + p + "A,NOWHERE,10\n"
                + p + "A," + p + "B,0\n").statusCode(400)
                .body("rows", hasSize(3))
                .body("rows.find { it.line == 2 }.message", equalTo("a travel time needs two different counties"))
                .body("rows.find { it.line == 3 }.message", equalTo("unknown county"))
                .body("rows.find { it.line == 4 }.column", equalTo("minutes"));
    }

    @Test
    void headerInAnyOrderWithABomAndLineBreaksInQuotes() {
        String p = prefix();
        imported.add(p + "C");
        String csv = "\uFEFFlongitude,latitude,population,namePinyin,nameZh,code\r\n"
                + "111.5,36.1,1000,\"Two\nlines\",丙县," + p + "C\r\n";
        post("counties", csv).statusCode(200).body("created", equalTo(1));
        as(DemoUsers.ADMIN).get("/api/counties/" + p + "C").then().body("namePinyin", equalTo("Two\nlines"));
    }

    @Test
    void everyBadCellIsListedAndNothingIsWritten() throws SQLException {
        String p = prefix();
        String csv = "code,nameZh,namePinyin,population,latitude,longitude\n"
                + p + "A,甲县,Jia,100000,36.1,111.5\n"            // good, line 2
                + p + "B,乙县,Yi,many,36.2,111.6\n"                // bad number, line 3
                + p + "C,丙县,,300000,95,111.6\n"                  // missing name and latitude out of range, line 4
                + p + "A,甲县,Jia,100000,36.1,111.5\n";           // duplicate key, line 5
        post("counties", csv).statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo(IMPORT_INVALID))
                .body("rows", hasSize(4))
                .body("rows.find { it.line == 3 }.column", equalTo("population"))
                .body("rows.find { it.line == 3 }.value", equalTo("many"))
                .body("rows.find { it.line == 3 }.message", equalTo("not a whole number"))
                .body("rows.findAll { it.line == 4 }.column", hasItems("namePinyin", "latitude"))
                .body("rows.find { it.line == 5 }.message", equalTo("duplicate key: also on line 2"));
        assertEquals(0, count("select count(*) from county where code like ?", p + "%"),
                "a file with bad rows writes nothing, not even its good rows");
    }

    @Test
    void missingAndUnknownColumnsRefuseTheFile() {
        post("counties", "code,nameZh,namePinyin,population,latitude\nX1,a,b,1,2\n").statusCode(400)
                .body("rows[0].column", equalTo("longitude")).body("rows[0].message", equalTo("missing column"));
        post("counties", "code,nameZh,namePinyin,population,latitude,longitude,colour\nX1,a,b,1,2,3,red\n")
                .statusCode(400)
                .body("rows[0].line", equalTo(1))
                .body("rows[0].column", equalTo("colour"))
                .body("rows[0].message", containsString("unknown column"));
    }

    @Test
    void unknownCountyReferencesAreBadRows() throws SQLException {
        String p = prefix();
        post("depots", "code,name,county,kind\n" + p + "-D1,Depot one,141002,COUNTY_WAREHOUSE\n"
                + p + "-D2,Depot two,999999,SITE_STORE\n" + p + "-D3,Depot three,141002,SHOP\n").statusCode(400)
                .body("rows", hasSize(2))
                .body("rows.find { it.line == 3 }.message", equalTo("unknown county"))
                .body("rows.find { it.line == 4 }.column", equalTo("kind"));
        assertEquals(0, count("select count(*) from depot where code like ?", p + "%"));
    }

    @Test
    void aDryRunCountsAndWritesNothing() throws SQLException {
        String p = prefix();
        post("counties", counties(p).getBytes(UTF_8), true).statusCode(200)
                .body("dryRun", equalTo(true)).body("created", equalTo(2));
        assertEquals(0, count("select count(*) from county where code like ?", p + "%"));
        as(DemoUsers.ADMIN).get("/api/counties/" + p + "A").then().statusCode(404);
    }

    @Test
    void everyReferenceKindIsImportedAndReImportedUnchanged() {
        String p = prefix();
        String[][] files = {
            {"items", "code,name,unit,category,parcelSize,shelfLifeDays,dailyUsePer10k\n"
                    + p + "-M,\"Mask, N95\",piece,PPE,500,1095,20.5\n"},
            {"depots", "code,name,county,kind\n" + p + "-D,Depot,141002,SITE_STORE\n"},
            {"sites", "code,name,county,kind,address\n" + p + "-S,Hotel,141002,HOTEL,\"1 Road, Yaodu\"\n"},
            {"labs", "code,name,county,tubesPerDay,poolingRatio\n" + p + "-L,Lab,141002,300,10\n"},
            {"teams", "code,name,skill,headcount,homeCounty\n" + p + "-T,Team,SAMPLING,12,141002\n"},
        };
        for (String[] file : files) {
            post(file[0], file[1]).statusCode(200).body("created", equalTo(1));
            post(file[0], file[1]).statusCode(200).body("created", equalTo(0)).body("unchanged", equalTo(1));
        }
        as(DemoUsers.ADMIN).get("/api/labs/" + p + "-L").then().body("tubesPerDay", equalTo(300));
        post("labs", "code,name,county,tubesPerDay,poolingRatio\n" + p + "-L,Lab,141002,400,10\n").statusCode(200)
                .body("updated", equalTo(1));
        as(DemoUsers.ADMIN).get("/api/labs/" + p + "-L").then().body("tubesPerDay", equalTo(400));
        as(DemoUsers.ADMIN).get("/api/isolation/sites/" + p + "-S").then().body("address", equalTo("1 Road, Yaodu"));
    }

    @Test
    void anExportImportedAgainChangesNothing() {
        for (String kind : new String[] {"counties", "travel-times", "items", "depots", "sites", "labs", "teams"}) {
            byte[] file = as(DemoUsers.ADMIN).get("/api/exports/" + kind).then()
                    .statusCode(200)
                    .contentType(containsString("text/csv"))
                    .header("Content-Disposition", equalTo("attachment; filename=\"" + kind + ".csv\""))
                    .extract().asByteArray();
            int rows = post(kind, file, false).statusCode(200)
                    .body("created", equalTo(0)).body("updated", equalTo(0))
                    .extract().jsonPath().getInt("rows");
            post(kind, file, false).body("unchanged", equalTo(rows));
        }
    }

    @Test
    void theLedgerExportsWithTheMovementsFilters() {
        String p = prefix();
        post("depots", "code,name,county,kind\n" + p + "-LD,Ledger depot,141002,COUNTY_WAREHOUSE\n").statusCode(200);
        for (String lot : new String[] {"L1", "L2"}) {
            as(DemoUsers.WAREHOUSE).body(java.util.Map.of("type", "RECEIPT", "depot", p + "-LD", "item", "MASK-N95",
                            "quantity", 10, "lot", lot, "expiresOn", "2099-01-01", "note", "first, \"opening\""))
                    .post("/api/stock/movements").then().statusCode(201);
        }
        String csv = as(DemoUsers.ADMIN).queryParam("depot", p + "-LD").queryParam("item", "MASK-N95")
                .get("/api/exports/ledger").then()
                .statusCode(200)
                .header("Content-Disposition", equalTo("attachment; filename=\"ledger.csv\""))
                .extract().asString();
        String[] lines = csv.split("\n");
        assertEquals(3, lines.length, csv);
        assertEquals(String.join(",", LedgerExport.COLUMNS), lines[0]);
        org.junit.jupiter.api.Assertions.assertTrue(lines[1].contains(",RECEIPT," + p + "-LD,MASK-N95,L2,10,10,0,,,"
                + "\"first, \"\"opening\"\"\",,warehouse,"), lines[1]);
        as(DemoUsers.ADMIN).queryParam("depot", "NO-SUCH-DEPOT").get("/api/exports/ledger").then().statusCode(404);
        as(DemoUsers.officerOf("141021")).queryParam("depot", p + "-LD").get("/api/exports/ledger").then()
                .statusCode(404);
    }

    @Test
    void theLedgerExportQuotesFreeTextThatASpreadsheetWouldRunAsAFormula() {
        String p = prefix();
        post("depots", "code,name,county,kind\n" + p + "-LF,Formula depot,141002,COUNTY_WAREHOUSE\n").statusCode(200);
        as(DemoUsers.WAREHOUSE).body(java.util.Map.of("type", "RECEIPT", "depot", p + "-LF", "item", "MASK-N95",
                        "quantity", 10, "lot", "-L1", "expiresOn", "2099-01-01", "reference", "@SUM(A1)",
                        "note", "=HYPERLINK(\"http://x\")"))
                .post("/api/stock/movements").then().statusCode(201);
        String csv = as(DemoUsers.ADMIN).queryParam("depot", p + "-LF").get("/api/exports/ledger").then()
                .statusCode(200).extract().asString();
        String[] lines = csv.split("\n");
        assertEquals(2, lines.length, csv);
        org.junit.jupiter.api.Assertions.assertTrue(lines[1].contains(",MASK-N95,'-L1,10,10,0,,'@SUM(A1),"
                + "\"'=HYPERLINK(\"\"http://x\"\")\",,warehouse,"), lines[1]);
    }

    @Test
    void limitsAndMediaTypes() {
        as(DemoUsers.ADMIN).contentType("application/json").body("{}").post("/api/imports/counties").then()
                .statusCode(415);
        post("planets", "code\nX\n").statusCode(404);
        StringBuilder many = new StringBuilder("code,name,county,kind\n");
        for (int i = 0; i <= 200_000; i++) {
            many.append("D").append(i).append(",d,141002,SITE_STORE\n");
        }
        post("depots", many.toString()).statusCode(400)
                .body("type", equalTo("https://surgeline.org/problems/import-too-many-rows"));
        byte[] large = new byte[50 * 1024 * 1024 + 10];
        java.util.Arrays.fill(large, (byte) 'a');
        post("depots", large, false).statusCode(413)
                .body("type", equalTo("https://surgeline.org/problems/import-too-large"));
        byte[] header = "code,nameZh,namePinyin,population,latitude,longitude\nX1,".getBytes(UTF_8);
        byte[] latin1 = java.util.Arrays.copyOf(header, header.length + 2);
        latin1[header.length] = (byte) 0xC3;
        latin1[header.length + 1] = (byte) 0x28;
        post("counties", latin1, false).statusCode(400)
                .body("type", equalTo("https://surgeline.org/problems/import-encoding"));
        as(DemoUsers.SCHEDULER).contentType("text/csv").body("code\n").post("/api/imports/counties").then()
                .statusCode(403);
        as(DemoUsers.WAREHOUSE).get("/api/exports/counties").then().statusCode(403);
        as(DemoUsers.ADMIN).get("/api/exports/counties").then().body(containsString("code,nameZh,namePinyin"));
        as(DemoUsers.ADMIN).queryParam("size", 5).get("/api/counties").then().body("code", hasItem("141002"));
    }
}
