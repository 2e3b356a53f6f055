package org.surgeline.personnel;

import org.surgeline.platform.ETags;
import org.surgeline.platform.RetirementHolds;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.surgeline.platform.AuditLog;
import org.surgeline.platform.ChangeMarks;
import org.surgeline.platform.ProblemException;
import org.surgeline.region.CountyService;

/** Deployable teams. Planning reads them and books deployments through this service. */
@ApplicationScoped
@Transactional
public class TeamService implements RetirementHolds {

    @Inject
    CountyService counties;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;

    public Team create(NewTeam n, String actor) {
        counties.active(n.homeCounty());
        if (Team.findById(n.code()) != null) {
            throw ProblemException.conflict("duplicate", "Team '" + n.code() + "' already exists");
        }
        Team team = new Team();
        team.code = n.code();
        apply(team, n.change(), actor);
        team.persist();
        audit.record("Team", team.code, null, "CREATE", null, n, actor);
        return team;
    }

    /** The teams in service, by code: what new work and the planner see. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Team> teams(Optional<Skill> skill, Optional<String> homeCounty) {
        return teams(skill, homeCounty, false);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Team> teams(Optional<Skill> skill, Optional<String> homeCounty, boolean includeRetired) {
        homeCounty.ifPresent(counties::get);
        // One query, days off included (a lazy collection per team would be one query each).
        return Team.<Team>find("select distinct t from Team t left join fetch t.unavailable order by t.code")
                .stream()
                .filter(t -> skill.map(s -> s == t.skill).orElse(true))
                .filter(t -> homeCounty.map(c -> c.equals(t.homeCounty)).orElse(true))
                .filter(t -> includeRetired || !t.retired())
                .toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Team> findTeam(String code) {
        return Team.findByIdOptional(code);
    }

    /** Edits a team if {@code ifMatch} names its current version (else 412); audited. */
    public Team update(String code, String ifMatch, TeamChange change, String actor) {
        Team team = team(code);
        ETags.require(ifMatch, team.version, "Team", code);
        return update(team, change, actor);
    }

    /** Edits a team without a version check (the importer); an unchanged team is left alone. */
    public Team update(Team team, TeamChange change, String actor) {
        TeamChange before = TeamChange.of(team);
        if (!before.equals(change)) {
            if (!change.homeCounty().equals(team.homeCounty)) {
                counties.active(change.homeCounty());
            }
            audit.record("Team", team.code, null, "UPDATE", before, change, actor);
            apply(team, change, actor);
        }
        return team;
    }

    /**
     * Retires a team: 409 while it is booked from today on (a published plan deployed it); else it
     * leaves the lists and the planner, and its deployments stay readable.
     */
    public Team retire(String code, String actor) {
        Team team = team(code);
        if (team.retired()) {
            return team;
        }
        TeamDeployment.<TeamDeployment>find("teamCode = ?1 and toDate >= ?2", Sort.by("fromDate"), code,
                LocalDate.now(clock)).firstResultOptional().ifPresent(d -> {
                    throw RetirementHolds.held("Team", code, "its deployment to county " + d.countyCode + " from "
                            + d.fromDate + " to " + d.toDate + " (" + d.reference + ")");
                });
        team.retire(actor, clock.instant());
        audit.record("Team", code, null, "RETIRE", null, null, actor);
        return team;
    }

    private void apply(Team team, TeamChange c, String actor) {
        team.name = c.name();
        team.skill = c.skill();
        team.headcount = c.headcount();
        team.homeCounty = c.homeCounty();
        team.lastChange.record(actor, clock.instant());
    }

    /** How many teams of a skill there are: more than that can never be deployed at once. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long rosterSize(Skill skill) {
        return Team.count("skill = ?1 and retiredAt is null", skill);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Team team(String code) {
        return Team.<Team>findByIdOptional(code).orElseThrow(() -> ProblemException.notFound("Team", code));
    }

    /**
     * Replaces a team's days off. A day it is deployed on is refused (409 naming the deployment):
     * release the deployment first (cancel its request, or publish a plan without it).
     */
    public Team replaceUnavailability(String code, Set<LocalDate> dates, String actor) {
        Team team = team(code);
        for (LocalDate date : new TreeSet<>(dates)) {
            TeamDeployment.<TeamDeployment>find("teamCode = ?1 and fromDate <= ?2 and toDate >= ?2", Sort.by("fromDate"),
                    code, date).firstResultOptional().ifPresent(d -> {
                        throw ProblemException.conflict("team-deployed", "Team " + code + " is deployed in county "
                                + d.countyCode + " from " + d.fromDate + " to " + d.toDate + " (" + d.reference
                                + (d.requestId == null ? "" : ", request " + d.requestId) + "), so " + date
                                + " cannot be a day off; release the deployment first")
                                .with("date", date).with("reference", d.reference);
                    });
        }
        audit.record("Team", code, null, "SET_DAYS_OFF", new TreeSet<>(team.unavailable), new TreeSet<>(dates), actor);
        team.unavailable.clear();
        team.unavailable.addAll(new TreeSet<>(dates));
        team.lastChange.record(actor, clock.instant());
        return team;
    }

    /**
     * Books a team into a county for a date range, under a reference (the plan that decided it),
     * for a request (null when it serves none).
     */
    public void deploy(String teamCode, String county, LocalDate from, LocalDate to, String reference, Long requestId) {
        team(teamCode);
        counties.get(county);
        TeamDeployment deployment = new TeamDeployment();
        deployment.teamCode = teamCode;
        deployment.countyCode = county;
        deployment.fromDate = from;
        deployment.toDate = to;
        deployment.reference = reference;
        deployment.requestId = requestId;
        deployment.persist();
    }

    /**
     * Releases what a request booked from {@code from} on (its request was cancelled): later
     * deployments go, one that started earlier now ends the day before. Returns how many changed.
     */
    public long release(long requestId, LocalDate from) {
        return TeamDeployment.delete("requestId = ?1 and fromDate >= ?2", requestId, from)
                + TeamDeployment.update("toDate = ?1 where requestId = ?2 and toDate >= ?3", from.minusDays(1),
                        requestId, from);
    }

    /**
     * Takes back what a reference booked from {@code from} on: later deployments go, one that
     * started earlier now ends the day before.
     */
    public void withdraw(String reference, LocalDate from) {
        TeamDeployment.delete("reference = ?1 and fromDate >= ?2", reference, from);
        TeamDeployment.update("toDate = ?1 where reference = ?2 and toDate >= ?3", from.minusDays(1), reference, from);
    }

    /** Where a team works on a day, away from or in its home county. */
    public record Placement(String team, String homeCounty, String county) {
    }

    /** Every team deployed on {@code day}, with its home county and where it works (the daily reports). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Placement> placementsOn(LocalDate day) {
        return TeamDeployment.getEntityManager().createQuery("select d.teamCode, t.homeCounty, d.countyCode "
                        + "from TeamDeployment d, Team t where t.code = d.teamCode and d.fromDate <= :day "
                        + "and d.toDate >= :day order by d.teamCode", Object[].class).setParameter("day", day)
                .getResultStream().map(r -> new Placement((String) r[0], (String) r[1], (String) r[2])).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public TeamView view(Team team) {
        return views(List.of(team)).get(0);
    }

    /** Views with their current and future deployments, from one query for all teams. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TeamView> views(List<Team> teams) {
        Map<String, List<TeamView.Deployment>> deployments = TeamDeployment.<TeamDeployment>list(
                        "toDate >= ?1", Sort.by("fromDate"), LocalDate.now(clock)).stream()
                .collect(Collectors.groupingBy(d -> d.teamCode, Collectors.mapping(
                        d -> new TeamView.Deployment(d.countyCode, d.fromDate, d.toDate, d.reference),
                        Collectors.toList())));
        return teams.stream().map(t -> new TeamView(t.code, t.name, t.skill, t.headcount, t.homeCounty,
                new TreeSet<>(t.unavailable), deployments.getOrDefault(t.code, List.of()), t.lastChange.at(),
                t.lastChange.by(), t.retiredAt)).toList();
    }

    /**
     * How far teams have changed (days off included)
     * ({@link ChangeMarks}): the planner compares it with the state its last run started from.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String changeMark() {
        return ChangeMarks.of(Team.class);
    }

    /** Teams hold their home county. */
    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> holderOf(String entity, String key) {
        if (!entity.equals("County")) {
            return Optional.empty();
        }
        return Team.<Team>find("homeCounty = ?1 and retiredAt is null", Sort.by("code"), key).firstResultOptional()
                .map(t -> "team " + t.code);
    }
}
