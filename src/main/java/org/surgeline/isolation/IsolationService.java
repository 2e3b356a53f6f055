package org.surgeline.isolation;

import org.surgeline.platform.ETags;
import org.surgeline.platform.Filter;
import org.surgeline.platform.Locks;
import org.surgeline.platform.RetirementHolds;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.surgeline.platform.AuditLog;
import org.surgeline.platform.CallerContext;
import org.surgeline.platform.ChangeMarks;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.surgeline.platform.ResultPage;
import org.surgeline.platform.Problem;
import org.surgeline.platform.ProblemException;
import org.surgeline.region.CountyService;

/**
 * Isolation sites, their rooms and the rooms' transitions. A transition locks its room(s), so
 * racing transitions serialize and each one is applied to the state the previous one left.
 */
@ApplicationScoped
@Transactional
public class IsolationService implements RetirementHolds {

    @Inject
    CountyService counties;
    @Inject
    EntityManager em;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;
    @Inject
    CallerContext caller;
    @ConfigProperty(name = "surgeline.isolation.max-rooms-per-site", defaultValue = "2000")
    int maxRoomsPerSite;

    /** Registers a site; an officer registers sites of their own county only (403). */
    public IsolationSite createSite(NewSite n, String actor) {
        caller.requireActFor(n.county());
        counties.active(n.county());
        if (IsolationSite.findById(n.code()) != null) {
            throw ProblemException.conflict("duplicate", "Isolation site '" + n.code() + "' already exists");
        }
        IsolationSite site = new IsolationSite();
        site.code = n.code();
        apply(site, n.change(), actor);
        site.persist();
        audit.record("IsolationSite", site.code, site.countyCode, "CREATE", null, n, actor);
        return site;
    }

    /** The sites in service, optionally of one county, by code. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<IsolationSite> sites(Optional<String> county) {
        return sites(county, false);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<IsolationSite> sites(Optional<String> county, boolean includeRetired) {
        county.ifPresent(counties::get);
        Filter filter = new Filter().and(county, "countyCode = :county", "county")
                .andIf(!includeRetired, "retiredAt is null");
        return IsolationSite.list(filter.query(), Sort.by("code"), filter.parameters());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<IsolationSite> findSite(String code) {
        return IsolationSite.findByIdOptional(code);
    }

    /** Edits a site if {@code ifMatch} names its current version (else 412); audited. */
    public IsolationSite updateSite(String code, String ifMatch, SiteChange change, String actor) {
        IsolationSite site = site(code);
        ETags.require(ifMatch, site.version, "Isolation site", code);
        return updateSite(site, change, actor);
    }

    /** Edits a site without a version check (the importer); an unchanged site is left alone. */
    public IsolationSite updateSite(IsolationSite site, SiteChange change, String actor) {
        SiteChange before = SiteChange.of(site);
        if (!before.equals(change)) {
            if (!change.county().equals(site.countyCode)) {
                counties.active(change.county());
            }
            audit.record("IsolationSite", site.code, site.countyCode, "UPDATE", before, change, actor);
            apply(site, change, actor);
        }
        return site;
    }

    /**
     * Retires a site: 409 while any of its rooms is occupied; else it leaves the lists, new rooms and
     * the planner's beds, and its rooms and their history stay readable.
     */
    public IsolationSite retireSite(String code, String actor) {
        IsolationSite site = site(code);
        if (site.retired()) {
            return site;
        }
        long occupied = IsolationRoom.count("siteCode = ?1 and state = ?2", code, RoomState.OCCUPIED);
        if (occupied > 0) {
            throw RetirementHolds.held("Isolation site", code, occupied + " occupied room(s)");
        }
        site.retire(actor, clock.instant());
        audit.record("IsolationSite", code, site.countyCode, "RETIRE", null, null, actor);
        return site;
    }

    private void apply(IsolationSite site, SiteChange c, String actor) {
        site.name = c.name();
        site.countyCode = c.county();
        site.kind = c.kind();
        site.address = c.address();
        site.contact = c.contact();
        site.lastChange.record(actor, clock.instant());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public IsolationSite site(String code) {
        return IsolationSite.<IsolationSite>findByIdOptional(code)
                .orElseThrow(() -> ProblemException.notFound("Isolation site", code));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ResultPage<IsolationRoom> rooms(String siteCode, int page, int size) {
        return ResultPage.of(IsolationRoom.<IsolationRoom>find("siteCode", Sort.by("roomNumber").and("id"), siteCode),
                page, size);
    }

    /** The rooms of these sites in one query, by site (in the order given), each site's by room number. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, List<IsolationRoom>> roomsBySite(List<String> siteCodes) {
        Map<String, List<IsolationRoom>> bySite = new LinkedHashMap<>();
        siteCodes.forEach(code -> bySite.put(code, new ArrayList<>()));
        if (!siteCodes.isEmpty()) {
            IsolationRoom.<IsolationRoom>list("siteCode in ?1", Sort.by("roomNumber").and("id"), siteCodes)
                    .forEach(r -> bySite.get(r.siteCode).add(r));
        }
        return bySite;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public IsolationRoom room(long id) {
        return IsolationRoom.<IsolationRoom>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Isolation room", id));
    }

    /**
     * Creates rooms prefix+from .. prefix+to, all PLANNED; a number already taken refuses them all,
     * and so does a site that would exceed {@code surgeline.isolation.max-rooms-per-site}. The site
     * is locked first, so that concurrent calls cannot together pass the cap. An officer adds rooms
     * to sites of their own county only (403).
     */
    public List<IsolationRoom> createRooms(String siteCode, NewRooms n, String actor) {
        IsolationSite locked = Locks.existing(em, IsolationSite.class, siteCode, "Isolation site");
        caller.requireActFor(locked.countyCode);
        if (locked.retired()) {
            throw RetirementHolds.retired("Isolation site", siteCode);
        }
        if (n.to() < n.from()) {
            throw ProblemException.invalidField("to", "must not be below from");
        }
        if (n.to() - n.from() + 1 > NewRooms.MAX_ROOMS) {
            throw ProblemException.invalidField("to", "at most " + NewRooms.MAX_ROOMS + " rooms a call");
        }
        long existing = IsolationRoom.count("siteCode", siteCode);
        if (existing + n.to() - n.from() + 1 > maxRoomsPerSite) {
            throw ProblemException.conflict("too-many-rooms", "Site " + siteCode + " has " + existing
                    + " rooms; at most " + maxRoomsPerSite + " a site").with("rooms", existing)
                    .with("maxRoomsPerSite", maxRoomsPerSite);
        }
        String prefix = Optional.ofNullable(n.prefix()).orElse("");
        List<String> numbers = new ArrayList<>();
        for (int number = n.from(); number <= n.to(); number++) {
            numbers.add(prefix + number);
        }
        List<String> taken = em.createQuery("select r.roomNumber from IsolationRoom r "
                        + "where r.siteCode = :site and r.roomNumber in :numbers", String.class)
                .setParameter("site", siteCode).setParameter("numbers", numbers).getResultList();
        if (!taken.isEmpty()) {
            throw ProblemException.conflict("duplicate", "Site " + siteCode + " already has rooms " + taken)
                    .with("rooms", taken);
        }
        Instant now = clock.instant();
        List<IsolationRoom> rooms = new ArrayList<>();
        for (String number : numbers) {
            IsolationRoom room = IsolationRoom.planned(siteCode, number, n.beds());
            room.lastChange.record(actor, now);
            room.persist();
            rooms.add(room);
        }
        return rooms;
    }

    /** Moves a room of the caller's county (403 for another's) to another state. */
    public IsolationRoom transition(long roomId, RoomChange change, String actor) {
        IsolationRoom room = Locks.existing(em, IsolationRoom.class, roomId, "Isolation room");
        caller.requireActFor(site(room.siteCode).countyCode);
        apply(room, change, actor, clock.instant());
        return room;
    }

    /**
     * One move for many rooms of a site of the caller's county (403 for another's): every room moves,
     * or none does (409 listing the refusals).
     */
    public List<IsolationRoom> transitionAll(String siteCode, BulkRoomChange bulk, String actor) {
        caller.requireActFor(site(siteCode).countyCode);
        if (new HashSet<>(bulk.rooms()).size() != bulk.rooms().size()) {
            throw ProblemException.invalidField("rooms", "a room is listed twice");
        }
        List<IsolationRoom> rooms = em.createQuery("select r from IsolationRoom r "
                        + "where r.siteCode = :site and r.roomNumber in :numbers order by r.id", IsolationRoom.class)
                .setParameter("site", siteCode).setParameter("numbers", bulk.rooms())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        if (rooms.size() != bulk.rooms().size()) {
            List<String> found = rooms.stream().map(r -> r.roomNumber).toList();
            List<String> missing = bulk.rooms().stream().filter(n -> !found.contains(n)).toList();
            throw ProblemException.notFound("Rooms of site " + siteCode, String.join(", ", missing))
                    .with("rooms", missing);
        }
        Instant now = clock.instant();
        List<Map<String, Object>> refused = new ArrayList<>();
        for (IsolationRoom room : rooms) {
            try {
                apply(room, bulk.change(), actor, now);
            } catch (ProblemException e) {
                if (e.problem().getStatus() != 409) {
                    throw e;
                }
                Map<String, Object> refusal = new LinkedHashMap<>(e.problem().getExtensions());
                refusal.put("detail", e.problem().getDetail());
                refused.add(refusal);
            }
        }
        if (!refused.isEmpty()) {
            throw new ProblemException(new Problem("bulk-transition-refused", "Conflict", 409,
                    refused.size() + " of " + rooms.size() + " rooms cannot move to " + bulk.to()
                            + "; no room was changed", null).with("refused", refused));
        }
        return rooms;
    }

    private void apply(IsolationRoom room, RoomChange change, String actor, Instant now) {
        RoomState from = room.state;
        room.apply(change, LocalDate.ofInstant(now, clock.getZone()));
        room.lastChange.record(actor, now);
        RoomEvent event = new RoomEvent();
        event.roomId = room.id;
        event.fromState = from;
        event.toState = room.state;
        event.occupants = room.occupants;
        event.progress = room.progress;
        event.actor = actor;
        event.occurredAt = now;
        event.persist();
        audit.record("IsolationRoom", room.id, site(room.siteCode).countyCode, "TRANSITION", from,
                room.state + " (" + room.occupants + " occupants, progress " + room.progress + ")", actor);
    }

    /** Capacity per site on a date (today when empty), from one aggregate query. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, BedCapacity> capacityBySite(Optional<LocalDate> date) {
        return capacityBySite(Optional.empty(), Optional.empty(), date);
    }

    /** Today's capacity of each site in service of one county: a county's page needs no other. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, BedCapacity> capacityBySiteOf(String county) {
        return capacityBySite(Optional.empty(), Optional.of(county), Optional.empty());
    }

    /**
     * Free beds per site for each of {@code days} days from {@code from}: the beds free now plus
     * those of rooms whose conversion is expected to be done by that day. A site with none on any
     * day is left out.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, Map<LocalDate, Long>> freeBedsForecast(LocalDate from, int days) {
        Map<String, Map<LocalDate, Long>> bySite = new TreeMap<>();
        for (LocalDate day = from; day.isBefore(from.plusDays(days)); day = day.plusDays(1)) {
            LocalDate on = day;
            capacityBySite(Optional.empty(), Optional.empty(), Optional.of(on)).forEach((site, c) -> {
                long free = c.freeBeds() + c.forecastReadyBeds() - c.readyBeds();
                if (free > 0) {
                    bySite.computeIfAbsent(site, k -> new TreeMap<>()).put(on, free);
                }
            });
        }
        return bySite;
    }

    /** Today's capacity of one site. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public BedCapacity capacityOfSite(String code) {
        return capacityBySite(Optional.of(code), Optional.empty(), Optional.empty()).getOrDefault(code,
                BedCapacity.NONE);
    }

    /** One site's capacity, else that of the sites in service (of {@code county}, when given). */
    private Map<String, BedCapacity> capacityBySite(Optional<String> site, Optional<String> county,
            Optional<LocalDate> date) {
        LocalDate on = date.orElseGet(() -> LocalDate.now(clock));
        var query = em.createQuery("select r.siteCode, r.state, count(r), sum(r.beds), sum(r.occupants), "
                        + "sum(case when r.state = :converting and r.expectedReadyOn <= :on then r.beds else 0 end) "
                        + "from IsolationRoom r" + (site.isPresent() ? " where r.siteCode = :site"
                                : " where r.siteCode in (select s.code from IsolationSite s where s.retiredAt is null"
                                        + (county.isPresent() ? " and s.countyCode = :county)" : ")"))
                        + " group by r.siteCode, r.state", Object[].class)
                .setParameter("converting", RoomState.CONVERTING).setParameter("on", on);
        site.ifPresent(code -> query.setParameter("site", code));
        county.ifPresent(code -> query.setParameter("county", code));
        List<Object[]> rows = query.getResultList();
        Map<String, BedCapacity> bySite = new TreeMap<>();
        for (Object[] row : rows) {
            BedCapacity part = BedCapacity.of((RoomState) row[1], number(row[2]), number(row[3]), number(row[4]),
                    number(row[5]));
            bySite.merge((String) row[0], part, BedCapacity::plus);
        }
        return bySite;
    }

    /** City-wide and per-county capacity on a date; {@code county} narrows the county list. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public CapacityReport capacity(Optional<String> county, Optional<LocalDate> date) {
        county.ifPresent(counties::get);
        LocalDate on = date.orElseGet(() -> LocalDate.now(clock));
        Map<String, BedCapacity> bySite = capacityBySite(Optional.of(on));
        Map<String, List<IsolationSite>> sitesByCounty = sites(Optional.empty()).stream()
                .collect(Collectors.groupingBy(s -> s.countyCode, TreeMap::new, Collectors.toList()));
        BedCapacity city = bySite.values().stream().reduce(BedCapacity.NONE, BedCapacity::plus);
        List<CapacityReport.CountyCapacity> perCounty = new ArrayList<>();
        for (String code : county.map(List::of).orElseGet(() -> counties.list().stream().map(c -> c.code).toList())) {
            List<IsolationSite> sites = sitesByCounty.getOrDefault(code, List.of());
            BedCapacity total = sites.stream().map(s -> bySite.getOrDefault(s.code, BedCapacity.NONE))
                    .reduce(BedCapacity.NONE, BedCapacity::plus);
            perCounty.add(new CapacityReport.CountyCapacity(code, sites.size(), total));
        }
        return new CapacityReport(on, city, perCounty);
    }

    /** When each county's rooms last changed: how fresh its isolation figures are. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, Instant> lastChangeByCounty() {
        return em.createQuery("select s.countyCode, max(r.lastChange.updatedAt) from IsolationRoom r, IsolationSite s "
                        + "where r.siteCode = s.code and s.retiredAt is null group by s.countyCode", Object[].class)
                .getResultStream().collect(Collectors.toMap(row -> (String) row[0], row -> (Instant) row[1]));
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    /**
     * How far isolation sites and rooms have changed
     * ({@link ChangeMarks}): the planner compares it with the state its last run started from.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String changeMark() {
        return ChangeMarks.of(IsolationSite.class, IsolationRoom.class);
    }

    /** A room's accepted transitions, newest first; a room of another county is a 404 to an officer. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ResultPage<RoomEvent> events(long roomId, int page, int size) {
        caller.requireCounty(site(room(roomId).siteCode).countyCode, "Isolation room", roomId);
        var found = RoomEvent.<RoomEvent>find("roomId", Sort.descending("id"), roomId);
        return new ResultPage<>(found.page(io.quarkus.panache.common.Page.of(page, size)).list(), page,
                size, found.count());
    }

    /** Sites hold their county. */
    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> holderOf(String entity, String key) {
        if (!entity.equals("County")) {
            return Optional.empty();
        }
        return IsolationSite.<IsolationSite>find("countyCode = ?1 and retiredAt is null", Sort.by("code"), key)
                .firstResultOptional()
                .map(s -> "isolation site " + s.code);
    }
}
