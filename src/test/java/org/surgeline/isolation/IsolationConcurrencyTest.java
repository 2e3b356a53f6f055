package org.surgeline.isolation;

import org.surgeline.ServiceClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.surgeline.DemoUsers.as;
import static org.surgeline.isolation.IsolationFixtures.move;
import static org.surgeline.isolation.IsolationFixtures.newRooms;
import static org.surgeline.isolation.IsolationFixtures.newSite;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.surgeline.DemoUsers;

/**
 * 16 clients race transitions on the same 10 rooms: each reads a room, picks a move that is legal
 * from what it read, and posts it. Afterwards every room's recorded transitions form one legal
 * chain ending in its state, one per accepted call, and the capacity equals the sum over rooms.
 */
@QuarkusTest
class IsolationConcurrencyTest {

    private static final int THREADS = 16;
    private static final int MOVES = 30;

    @Inject
    DataSource dataSource;

    @Test
    void racingTransitionsAreNeitherLostNorDoubled() throws Exception {
        String site = newSite("141031");
        List<Integer> rooms = newRooms(site, 10, 2);
        String expectedReadyOn = ServiceClock.today().plusDays(2).toString();

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<Map<Integer, Integer>>> futures = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            Random random = new Random(77L + t);
            futures.add(pool.submit(() -> {
                start.await();
                Map<Integer, Integer> accepted = new HashMap<>();
                for (int i = 0; i < MOVES; i++) {
                    int room = rooms.get(random.nextInt(rooms.size()));
                    JsonPath current = as(DemoUsers.ADMIN).get("/api/isolation/sites/" + site + "/rooms").jsonPath();
                    String state = current.getString("items.find { it.id == " + room + " }.state");
                    int status = move(DemoUsers.ADMIN, room, nextMove(state, random, expectedReadyOn)).statusCode();
                    assertTrue(status == 200 || status == 409, "200 or 409, got " + status);
                    if (status == 200) {
                        accepted.merge(room, 1, Integer::sum);
                    }
                }
                return accepted;
            }));
        }
        start.countDown();
        Map<Integer, Integer> accepted = new HashMap<>();
        for (Future<Map<Integer, Integer>> f : futures) {
            f.get().forEach((room, n) -> accepted.merge(room, n, Integer::sum));
        }
        pool.shutdown();

        JsonPath after = as(DemoUsers.ADMIN).get("/api/isolation/sites/" + site + "/rooms").jsonPath();
        Map<Integer, List<String[]>> events = events(rooms);
        int total = 0;
        for (int room : rooms) {
            List<String[]> chain = events.getOrDefault(room, List.of());
            assertEquals(accepted.getOrDefault(room, 0), chain.size(), "one event per accepted move of room " + room);
            RoomState state = RoomState.PLANNED;
            for (String[] e : chain) {
                assertEquals(state.name(), e[0], "each move starts where the previous ended");
                RoomState to = RoomState.valueOf(e[1]);
                assertTrue(state.mayMoveTo(to), state + " -> " + to + " is legal");
                state = to;
            }
            assertEquals(state.name(), after.getString("items.find { it.id == " + room + " }.state"));
            total += chain.size();
        }
        assertTrue(total > THREADS, "the race accepted moves: " + total);

        List<Map<String, Object>> roomList = after.getList("items");
        long physical = roomList.stream().mapToLong(r -> ((Number) r.get("beds")).longValue()).sum();
        long free = roomList.stream().mapToLong(r -> ((Number) r.get("freeBeds")).longValue()).sum();
        long occupants = roomList.stream().mapToLong(r -> ((Number) r.get("occupants")).longValue()).sum();
        long ready = roomList.stream().filter(r -> RoomState.valueOf((String) r.get("state")).isReady())
                .mapToLong(r -> ((Number) r.get("beds")).longValue()).sum();
        JsonPath capacity = as(DemoUsers.ADMIN).get("/api/isolation/sites/" + site).jsonPath();
        assertEquals(physical, capacity.getLong("capacity.physicalBeds"));
        assertEquals(ready, capacity.getLong("capacity.readyBeds"));
        assertEquals(free, capacity.getLong("capacity.freeBeds"));
        assertEquals(occupants, capacity.getLong("capacity.occupants"));
    }

    /** A move that is legal from the state the client last saw. */
    private static Map<String, Object> nextMove(String state, Random random, String expectedReadyOn) {
        return switch (RoomState.valueOf(state)) {
            case PLANNED -> Map.of("to", "CONVERTING", "expectedReadyOn", expectedReadyOn);
            // The date too: by the time it arrives the room may have left CONVERTING and be entering it
            // again (OUT_OF_SERVICE -> CONVERTING), which needs one (else a 400, not a race's 409).
            case CONVERTING -> random.nextBoolean() ? Map.of("to", "CONVERTING", "progress", random.nextInt(101),
                    "expectedReadyOn", expectedReadyOn) : Map.of("to", "READY");
            case READY -> random.nextInt(4) == 0 ? Map.of("to", "OUT_OF_SERVICE")
                    : Map.of("to", "OCCUPIED", "occupants", 1 + random.nextInt(2));
            case OCCUPIED -> random.nextBoolean() ? Map.of("to", "OCCUPIED", "occupants", random.nextInt(2))
                    : Map.of("to", "CLEANING");
            case CLEANING -> Map.of("to", "READY");
            case OUT_OF_SERVICE -> random.nextBoolean() ? Map.of("to", "READY")
                    : Map.of("to", "CONVERTING", "expectedReadyOn", expectedReadyOn);
        };
    }

    private Map<Integer, List<String[]>> events(List<Integer> rooms) throws Exception {
        String ids = rooms.stream().map(String::valueOf).collect(Collectors.joining(","));
        Map<Integer, List<String[]>> events = new HashMap<>();
        try (Connection db = dataSource.getConnection(); Statement q = db.createStatement();
                ResultSet rows = q.executeQuery("select room_id, from_state, to_state from isolation_room_event "
                        + "where room_id in (" + ids + ") order by id")) {
            while (rows.next()) {
                events.computeIfAbsent(rows.getInt(1), k -> new ArrayList<>())
                        .add(new String[] {rows.getString(2), rows.getString(3)});
            }
        }
        return events;
    }
}
