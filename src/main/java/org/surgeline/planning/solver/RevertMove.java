package org.surgeline.planning.solver;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.heuristic.move.AbstractMove;

/** Puts one entity back where the plan in force had it (or, as its own undo, where it was). */
final class RevertMove<E, V> extends AbstractMove<DeploymentPlan> {

    private final E entity;
    private final String variable;
    private final V to;
    private final Function<E, V> getter;
    private final BiConsumer<E, V> setter;

    RevertMove(E entity, String variable, V to, Function<E, V> getter, BiConsumer<E, V> setter) {
        this.entity = entity;
        this.variable = variable;
        this.to = to;
        this.getter = getter;
        this.setter = setter;
    }

    @Override
    public boolean isMoveDoable(ScoreDirector<DeploymentPlan> scoreDirector) {
        return !Objects.equals(getter.apply(entity), to);
    }

    @Override
    protected RevertMove<E, V> createUndoMove(ScoreDirector<DeploymentPlan> scoreDirector) {
        return new RevertMove<>(entity, variable, getter.apply(entity), getter, setter);
    }

    @Override
    protected void doMoveOnGenuineVariables(ScoreDirector<DeploymentPlan> scoreDirector) {
        scoreDirector.beforeVariableChanged(entity, variable);
        setter.accept(entity, to);
        scoreDirector.afterVariableChanged(entity, variable);
    }

    @Override
    public RevertMove<E, V> rebase(ScoreDirector<DeploymentPlan> destination) {
        return new RevertMove<>(destination.lookUpWorkingObject(entity), variable,
                to == null ? null : destination.lookUpWorkingObject(to), getter, setter);
    }

    @Override
    public Collection<?> getPlanningEntities() {
        return List.of(entity);
    }

    @Override
    public Collection<?> getPlanningValues() {
        return to == null ? List.of() : List.of(to);
    }

    @Override
    public String toString() {
        return entity + " {" + getter.apply(entity) + " -> " + to + "}";
    }
}
