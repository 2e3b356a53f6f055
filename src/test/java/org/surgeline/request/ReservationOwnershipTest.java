package org.surgeline.request;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.surgeline.DemoUsers.as;
import static org.surgeline.request.RequestFixtures.approved;
import static org.surgeline.request.RequestFixtures.shipped;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.surgeline.DemoUsers;

/** A shipment's reservation is released only through the shipment, and a shipment is never stuck. */
@QuarkusTest
class ReservationOwnershipTest {

    private static final String RESERVE = "LF-RESERVE";

    @Inject
    DataSource dataSource;

    private static long reserved(String item) {
        return as(DemoUsers.ADMIN).get("/api/depots/" + RESERVE + "/stock").jsonPath()
                .getLong("find { it.item == '" + item + "' }.reserved");
    }

    private static long reservationOf(long shipment) {
        return as(DemoUsers.ADMIN).get("/api/shipments/" + shipment).jsonPath().getLong("reservationId");
    }

    @Test
    void aShipmentsReservationIsNotReleasedByHand() {
        long request = approved("141031", "DISINF-84", 96);
        long shipment = shipped(request, RESERVE, 96);
        long before = reserved("DISINF-84");
        long reservation = reservationOf(shipment);
        as(DemoUsers.SCHEDULER).delete("/api/stock/reservations/" + reservation).then().statusCode(409)
                .body("type", equalTo("https://surgeline.org/problems/reservation-owned"))
                .body("reference", equalTo("shipment:" + shipment));
        as(DemoUsers.ADMIN).get("/api/stock/reservations/" + reservation).then()
                .body("state", equalTo("ACTIVE")).body("ownedBy", equalTo("shipment:" + shipment));
        assertEquals(before, reserved("DISINF-84"), "nothing released");
        as(DemoUsers.WAREHOUSE).post("/api/shipments/" + shipment + "/dispatch").then().statusCode(200);

        // A reservation made by hand is still released by hand.
        long own = as(DemoUsers.WAREHOUSE).body(Map.of("depot", RESERVE, "item", "DISINF-84", "quantity", 48,
                "reference", "shipment:" + shipment)).post("/api/stock/reservations").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        as(DemoUsers.WAREHOUSE).delete("/api/stock/reservations/" + own).then().statusCode(200)
                .body("state", equalTo("RELEASED"));
    }

    @Test
    void aShipmentWhoseReservationWasReleasedEarlierCanStillBeCalledOff() throws Exception {
        long request = approved("141031", "DISINF-84", 48);
        long shipment = shipped(request, RESERVE, 48);
        long reservation = reservationOf(shipment);
        // The state a hand release left before the rule existed, written as that release wrote it.
        try (Connection db = dataSource.getConnection()) {
            db.setAutoCommit(false);
            exec(db, "update stock_reservation set state = 'RELEASED', closed_by = 'warehouse', closed_at = current_timestamp where id = " + reservation);
            exec(db, "update stock_balance set reserved = reserved - 48 where depot_code = '" + RESERVE + "' and item_code = 'DISINF-84'");
            exec(db, "insert into stock_movement (id, operation_id, type, depot_code, item_code, quantity, on_hand_change, "
                    + "reserved_change, reference, actor, occurred_at) values (-" + reservation + ", 'legacy-" + reservation
                    + "', 'RELEASE', '" + RESERVE + "', 'DISINF-84', 48, 0, -48, 'shipment:" + shipment + "', 'warehouse', current_timestamp)");
            db.commit();
        }
        long before = reserved("DISINF-84");
        as(DemoUsers.SCHEDULER).body(Map.of("note", "stock gone")).post("/api/allocation-requests/" + request + "/cancel")
                .then().statusCode(200).body("status", equalTo("CANCELLED"));
        as(DemoUsers.ADMIN).get("/api/shipments/" + shipment).then().body("state", equalTo("CANCELLED"));
        assertEquals(before, reserved("DISINF-84"), "nothing released twice");
    }

    private static void exec(Connection db, String sql) throws Exception {
        try (PreparedStatement s = db.prepareStatement(sql)) {
            s.executeUpdate();
        }
    }
}
