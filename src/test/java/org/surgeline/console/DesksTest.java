package org.surgeline.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.surgeline.DemoUsers;
import org.surgeline.ServiceClock;

/**
 * The stock, isolation and lab desks over HTTP: refused input is shown and changes nothing, forms
 * need the session's token, an officer neither sees nor acts for another county, and roles without
 * access are refused.
 */
@QuarkusTest
class DesksTest {

    private static final String HONGTONG = "141024";
    private static final String HOUMA = "141081";
    private static final String HUOZHOU = "141082";

    @Test
    void everyDeskIsRefusedToACallerWithoutARole() {
        ConsoleSession roleless = ConsoleSession.signIn(DemoUsers.ROLELESS, DemoUsers.ROLELESS);
        for (String desk : List.of("/console/stock", "/console/stock/ledger.csv", "/console/isolation", "/console/labs")) {
            roleless.page().get(desk).then().statusCode(403);
        }
    }

    @Test
    void anOfficerSeesOnlyTheirOwnCountysDepotsAndLedger() {
        ConsoleSession officer = ConsoleSession.signIn(DemoUsers.officerOf(HONGTONG));
        officer.page().get("/console/stock").then().statusCode(200)
                .body(containsString("id=\"balance-WH-" + HONGTONG + "-SWAB\""),
                        not(containsString("WH-" + HOUMA)), not(containsString("id=\"movement\"")));
        officer.page().get("/console/stock?depot=WH-" + HOUMA).then().statusCode(404);
        officer.page().get("/console/stock/ledger.csv?depot=WH-" + HOUMA).then().statusCode(404);
        // Officers do not record movements, as in the API.
        officer.post().formParam("type", "ISSUE").formParam("depot", "WH-" + HONGTONG).formParam("item", "SWAB")
                .formParam("quantity", "1").post("/console/stock/movements").then().statusCode(403);
    }

    @Test
    void theLedgerDownloadsAsCsvWithTheFilters() {
        String csv = ConsoleSession.signIn(DemoUsers.WAREHOUSE).page()
                .get("/console/stock/ledger.csv?depot=WH-" + HUOZHOU + "&item=MASK-N95&to=" + ServiceClock.today())
                .then().statusCode(200).contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString("ledger.csv")).extract().asString();
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).startsWith("id,operationId,type,depot,item");
        assertThat(lines).hasSizeGreaterThan(1);
        assertThat(lines.subList(1, lines.size())).allMatch(l -> l.contains(",WH-" + HUOZHOU + ",MASK-N95,"));
    }

    @Test
    void anUnreadableMovementIsShownAsTypedAndNothingIsRecorded() {
        ConsoleSession warehouse = ConsoleSession.signIn(DemoUsers.WAREHOUSE);
        long before = DeskFixtures.movements("WH-" + HUOZHOU);
        Response refused = warehouse.post().formParam("type", "ISSUE").formParam("depot", "WH-" + HUOZHOU)
                .formParam("item", "MASK-N95").formParam("quantity", "ten").post("/console/stock/movements");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body().asString()).contains("id=\"quantity-error\">cannot be read: &#39;ten&#39;")
                .contains("value=\"ten\"");
        Response negative = warehouse.post().formParam("type", "TRANSFER").formParam("depot", "WH-" + HUOZHOU)
                .formParam("item", "MASK-N95").formParam("quantity", "-4").post("/console/stock/movements");
        assertThat(negative.statusCode()).isEqualTo(400);
        assertThat(negative.body().asString()).contains("id=\"quantity-error\">must be greater than 0");
        assertThat(DeskFixtures.movements("WH-" + HUOZHOU)).isEqualTo(before);
    }

    @Test
    void aMovementSentTwiceWithItsFormsKeyIsRecordedOnceAndARefusedFormGetsAFreshKey() {
        ConsoleSession warehouse = ConsoleSession.signIn(DemoUsers.WAREHOUSE);
        String depot = "WH-" + HUOZHOU;
        String key = onceKey(warehouse.page().get("/console/stock").then().statusCode(200).extract().asString());
        Map<String, String> receipt = Map.of("type", "RECEIPT", "depot", depot, "item", "MASK-N95", "quantity", "7",
                "lot", "L-TWICE", "expiresOn", ServiceClock.today().plusDays(90).toString(), "onceKey", key);
        long before = DeskFixtures.movements(depot);
        Response first = warehouse.post().formParams(receipt).post("/console/stock/movements");
        Response again = warehouse.post().formParams(receipt).post("/console/stock/movements");
        assertThat(first.statusCode()).isEqualTo(303);
        assertThat(again.statusCode()).isEqualTo(303);
        assertThat(again.header("Location")).isEqualTo(first.header("Location")).contains("recorded=");
        assertThat(DeskFixtures.movements(depot)).isEqualTo(before + 1);

        // The refused page is a new rendering of the form: its key is not the one just used.
        String refusedKey = "refused-" + key;
        Map<String, String> unreadable = new java.util.HashMap<>(receipt);
        unreadable.put("quantity", "seven");
        unreadable.put("onceKey", refusedKey);
        String refused = warehouse.post().formParams(unreadable).post("/console/stock/movements").then()
                .statusCode(400).extract().asString();
        assertThat(onceKey(refused)).isNotBlank().isNotEqualTo(refusedKey).isNotEqualTo(key);
    }

    private static String onceKey(String page) {
        java.util.regex.Matcher key = java.util.regex.Pattern.compile("name=\"onceKey\" value=\"([^\"]*)\"")
                .matcher(page);
        assertThat(key.find()).as("the movement form's one-time key").isTrue();
        return key.group(1);
    }

    @Test
    void aLotThatDoesNotExistIsTheLotFieldsErrorAndTheFormComesBackAsTyped() {
        ConsoleSession warehouse = ConsoleSession.signIn(DemoUsers.WAREHOUSE);
        long before = DeskFixtures.movements("WH-" + HUOZHOU);
        Response refused = warehouse.post().formParam("type", "ISSUE").formParam("depot", "WH-" + HUOZHOU)
                .formParam("item", "MASK-N95").formParam("quantity", "3").formParam("lot", "L-TYPO")
                .formParam("note", "for the fever clinic").post("/console/stock/movements");
        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(refused.body().asString())
                .contains("aria-describedby=\"lot-error\"", "id=\"lot-error\">Lot &#39;L-TYPO of ")
                .contains("value=\"L-TYPO\"", "value=\"3\"", "value=\"for the fever clinic\"")
                .doesNotContain("id=\"movement-refusal\"");
        assertThat(DeskFixtures.movements("WH-" + HUOZHOU)).isEqualTo(before);
    }

    @Test
    void aLargeAdjustmentFromTheDeskWaitsForASecondPersonAsInTheApi() {
        ConsoleSession warehouse = ConsoleSession.signIn(DemoUsers.WAREHOUSE);
        long before = DeskFixtures.movements("WH-" + HUOZHOU);
        Response kept = warehouse.post().formParam("type", "ADJUSTMENT").formParam("depot", "WH-" + HUOZHOU)
                .formParam("item", "MASK-N95").formParam("quantity", "5000").formParam("reason", "COUNT_SURPLUS")
                .formParam("lot", "L-COUNTED").formParam("expiresOn", ServiceClock.today().plusDays(200).toString())
                .post("/console/stock/movements");
        assertThat(kept.statusCode()).isEqualTo(303);
        String pending = kept.header("Location").replaceFirst(".*[?&]pending=(\\d+).*", "$1");
        DemoUsers.as(DemoUsers.SCHEDULER).get("/api/stock/adjustments/" + pending).then().statusCode(200)
                .body("state", org.hamcrest.Matchers.equalTo("PENDING"))
                .body("requestedBy", org.hamcrest.Matchers.equalTo(DemoUsers.WAREHOUSE));
        assertThat(DeskFixtures.movements("WH-" + HUOZHOU)).isEqualTo(before);
    }

    @Test
    void aMovementWithoutTheSessionsTokenIsRefused() {
        ConsoleSession warehouse = ConsoleSession.signIn(DemoUsers.WAREHOUSE);
        long before = DeskFixtures.movements("WH-" + HUOZHOU);
        warehouse.page().header("Origin", ConsoleSession.origin()).formParam("type", "RECEIPT")
                .formParam("depot", "WH-" + HUOZHOU).formParam("item", "MASK-N95").formParam("quantity", "10")
                .formParam("lot", "L-CSRF").formParam("expiresOn", ServiceClock.today().plusDays(90).toString())
                .post("/console/stock/movements").then().statusCode(403);
        assertThat(DeskFixtures.movements("WH-" + HUOZHOU)).isEqualTo(before);
    }

    @Test
    void aFloorIsCrossedOnlyByAnAdminWithAReason() {
        DeskFixtures.FloorCrossing crossing = DeskFixtures.floorCrossing("WH-" + HUOZHOU);
        long before = DeskFixtures.movements(crossing.depot());
        ConsoleSession warehouse = ConsoleSession.signIn(DemoUsers.WAREHOUSE);
        // Warehouse staff are told the floor holds and who may override it; they get no reason field.
        warehouse.post().formParams(transfer(crossing)).post("/console/stock/movements").then().statusCode(409)
                .body(containsString("id=\"floor-question\""), containsString("Only an administrator may override"), not(containsString("scheduler")),
                        not(containsString("id=\"floorOverride\"")));
        warehouse.post().formParams(transfer(crossing)).formParam("floorOverride", "outbreak in Huozhou")
                .post("/console/stock/movements").then().statusCode(403);

        ConsoleSession admin = ConsoleSession.signIn(DemoUsers.ADMIN);
        admin.post().formParams(transfer(crossing)).post("/console/stock/movements").then().statusCode(409)
                .body(containsString("id=\"floorOverride\""), containsString("below the reserve floor"));
        assertThat(DeskFixtures.movements(crossing.depot())).isEqualTo(before);

        Response recorded = admin.post().formParams(transfer(crossing))
                .formParam("floorOverride", "outbreak in Huozhou").post("/console/stock/movements");
        assertThat(recorded.statusCode()).isEqualTo(303);
        assertThat(recorded.header("Location")).contains("recorded=");
        assertThat(DeskFixtures.movements(crossing.depot())).isGreaterThan(before);
        // The browser keeps the address's fragment (#ledger) to itself.
        admin.page().get(recorded.header("Location").replaceFirst("#.*", "")).then().statusCode(200)
                .body(containsString("class=\"recorded\""), containsString("outbreak in Huozhou"));
    }

    @Test
    void anOfficerMovesOnlyTheirOwnCountysRoomsAndARefusalMovesNone() {
        String site = DeskFixtures.convertingSite(HOUMA);
        // Room 201 is made READY first, so that a move to READY is legal for 101 and refused for 201.
        DemoUsers.as(DemoUsers.ADMIN).body(Map.of("rooms", List.of("201"), "to", "READY"))
                .post("/api/isolation/sites/" + site + "/transitions").then().statusCode(200);
        Map<String, String> before = DeskFixtures.roomStates(site);
        assertThat(before).containsEntry("101", "CONVERTING").containsEntry("201", "READY");
        ConsoleSession neighbour = ConsoleSession.signIn(DemoUsers.officerOf(HONGTONG));
        neighbour.page().get("/console/isolation?county=" + HOUMA).then().statusCode(404);
        neighbour.post().formParam("room", "101").formParam("to", "READY")
                .post("/console/isolation/sites/" + site + "/transitions").then().statusCode(403);
        ConsoleSession.signIn(DemoUsers.WAREHOUSE).post().formParam("room", "101").formParam("to", "READY")
                .post("/console/isolation/sites/" + site + "/transitions").then().statusCode(403);

        ConsoleSession officer = ConsoleSession.signIn(DemoUsers.officerOf(HOUMA));
        officer.page().header("Origin", ConsoleSession.origin()).formParam("room", "101").formParam("to", "READY")
                .post("/console/isolation/sites/" + site + "/transitions").then().statusCode(403);
        // All or nothing: 101 may move from CONVERTING to READY, 201 (READY) may not; the refusal names
        // 201 and why, and 101 does not move either.
        officer.post().formParam("room", "101", "201").formParam("to", "READY")
                .post("/console/isolation/sites/" + site + "/transitions").then().statusCode(409)
                .body(containsString("id=\"refusal-" + site + "\""),
                        containsString("Room 201: Room 201 is READY and cannot move to READY"),
                        not(containsString("Room 101:")),
                        containsString("value=\"101\" id=\"room-" + site + "-101\" checked"),
                        containsString("value=\"201\" id=\"room-" + site + "-201\" checked"));
        assertThat(DeskFixtures.roomStates(site)).containsEntry("101", "CONVERTING");
        officer.post().formParam("room", "101").formParam("to", "sideways")
                .post("/console/isolation/sites/" + site + "/transitions").then().statusCode(400)
                .body(containsString("aria-describedby=\"to-" + site + "-error\""),
                        containsString("id=\"to-" + site + "-error\">cannot be read: &#39;sideways&#39;"));
        officer.post().formParam("to", "READY").post("/console/isolation/sites/" + site + "/transitions")
                .then().statusCode(400).body(containsString("rooms: must not be empty"));
        assertThat(DeskFixtures.roomStates(site)).isEqualTo(before);
    }

    @Test
    void labFiguresThatCannotBeTrueAreRefusedAndAnotherCountysLabIsOutOfReach() {
        String lab = "LAB-" + HOUMA + "-1";
        ConsoleSession officer = ConsoleSession.signIn(DemoUsers.officerOf(HOUMA));
        String today = ServiceClock.today().toString();
        officer.page().get("/console/labs").then().statusCode(200)
                .body(containsString("id=\"lab-" + lab + "\""), containsString("id=\"lab-chart\""));
        Map<String, Object> stored = labToday(lab);
        // Testing more than the backlog plus what came in is refused by the service; nothing is saved.
        officer.post().formParam("day", today).formParam("received", "10").formParam("tested", "99999999")
                .post("/console/labs/" + lab + "/days").then().statusCode(400)
                .body(containsString("id=\"samplesTested-error\">more than backlog in"), containsString("value=\"99999999\""));
        officer.post().formParam("tubesPerDay", "300").formParam("poolingRatio", "10")
                .formParam("effectiveFrom", ServiceClock.today().minusDays(1).toString())
                .post("/console/labs/" + lab + "/capacity").then().statusCode(400)
                .body(containsString("capacity history is kept"));
        // The day's refusals, the desk's own and the service's, are shown beside the day.
        officer.post().formParam("day", "2024-13-45").formParam("received", "10").formParam("tested", "1")
                .post("/console/labs/" + lab + "/days").then().statusCode(400)
                .body(containsString("aria-describedby=\"date-error\""),
                        containsString("id=\"date-error\">cannot be read: &#39;2024-13-45&#39;"),
                        containsString("value=\"2024-13-45\""));
        officer.post().formParam("day", ServiceClock.today().plusDays(1).toString()).formParam("received", "10")
                .formParam("tested", "1").post("/console/labs/" + lab + "/days").then().statusCode(400)
                .body(containsString("id=\"date-error\">a day is reported once it has begun"));
        assertThat(labToday(lab)).isEqualTo(stored);

        ConsoleSession neighbour = ConsoleSession.signIn(DemoUsers.officerOf(HONGTONG));
        neighbour.page().get("/console/labs?lab=" + lab).then().statusCode(404);
        neighbour.page().get("/console/labs?county=" + HOUMA).then().statusCode(404);
        neighbour.post().formParam("day", today).formParam("received", "1").formParam("tested", "1")
                .post("/console/labs/" + lab + "/days").then().statusCode(403);
        ConsoleSession.signIn(DemoUsers.SCHEDULER).post().formParam("received", "1").formParam("tested", "1")
                .post("/console/labs/" + lab + "/days").then().statusCode(403);
        officer.page().header("Origin", ConsoleSession.origin()).formParam("received", "1").formParam("tested", "1")
                .post("/console/labs/" + lab + "/days").then().statusCode(403);
        assertThat(labToday(lab)).isEqualTo(stored);
    }

    private static Map<String, Object> labToday(String lab) {
        return DemoUsers.as(DemoUsers.SCHEDULER).get("/api/labs/" + lab).then().statusCode(200).extract().jsonPath()
                .getMap("figures");
    }

    private static Map<String, String> transfer(DeskFixtures.FloorCrossing crossing) {
        return Map.of("type", "TRANSFER", "depot", crossing.depot(), "toDepot", "WH-" + HOUMA, "item", crossing.item(),
                "quantity", String.valueOf(crossing.quantity()), "reference", "desk test");
    }
}
