package org.surgeline.planning.solver;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.optaplanner.core.impl.heuristic.move.CompositeMove;
import org.optaplanner.core.impl.heuristic.move.Move;
import org.optaplanner.core.impl.heuristic.selector.move.factory.MoveListFactory;

/**
 * One move per entity that is not where the plan in force had it: put it back (with the parcel
 * that took its place, when two traded depots). A hill-climbing
 * phase over these moves ends a rebalance by undoing every change that bought nothing, such as
 * the drift late acceptance leaves behind.
 */
public class RevertMoves implements MoveListFactory<DeploymentPlan> {

    @Override
    public List<? extends Move<DeploymentPlan>> createMoveList(DeploymentPlan plan) {
        Map<String, PlanDepot> depots = DeploymentPlan.byCode(plan.getDepots(), PlanDepot::code);
        Map<String, PlanTeam> teams = DeploymentPlan.byCode(plan.getTeams(), PlanTeam::code);
        Map<String, PlanSite> sites = DeploymentPlan.byCode(plan.getSites(), PlanSite::code);
        Map<String, PlanLab> labs = DeploymentPlan.byCode(plan.getLabs(), PlanLab::code);
        List<Move<DeploymentPlan>> moves = new ArrayList<>();
        Map<String, List<SupplyParcel>> movedByItem = new HashMap<>();
        for (SupplyParcel p : plan.getParcels()) {
            PlanDepot before = depots.get(p.getPreviousDepot());
            if (before != null && before != p.getSource() && !p.isPinned()) {
                moves.add(back(p, before));
                movedByItem.computeIfAbsent(p.getItem(), item -> new ArrayList<>()).add(p);
            }
        }
        // A parcel whose depot another parcel of its item took goes back only by swapping with
        // it: alone it would overfill the depot.
        for (List<SupplyParcel> moved : movedByItem.values()) {
            for (SupplyParcel p : moved) {
                for (SupplyParcel q : moved) {
                    if (q != p && q.getSource() != null && q.getSource().code().equals(p.getPreviousDepot())) {
                        moves.add(CompositeMove.buildMove(back(p, q.getSource()), back(q, p.getSource())));
                    }
                }
            }
        }
        for (TeamShift s : plan.getShifts()) {
            PlanTeam before = teams.get(s.getPreviousTeam());
            if (before != null && before != s.getTeam() && !s.isPinned()) {
                moves.add(new RevertMove<>(s, "team", before, TeamShift::getTeam, TeamShift::setTeam));
            }
        }
        for (BedBlock b : plan.getBedBlocks()) {
            PlanSite before = sites.get(b.getPreviousSite());
            if (before != null && before != b.getSite()) {
                moves.add(new RevertMove<>(b, "site", before, BedBlock::getSite, BedBlock::setSite));
            }
        }
        for (SampleBatch b : plan.getSampleBatches()) {
            PlanLab before = labs.get(b.getPreviousLab());
            if (before != null && before != b.getLab()) {
                moves.add(new RevertMove<>(b, "lab", before, SampleBatch::getLab, SampleBatch::setLab));
            }
        }
        return moves;
    }

    private static RevertMove<SupplyParcel, PlanDepot> back(SupplyParcel parcel, PlanDepot depot) {
        return new RevertMove<>(parcel, "source", depot, SupplyParcel::getSource, SupplyParcel::setSource);
    }
}
