package io.marketops.experiments;

import io.marketops.core.WorkspaceId;

import java.time.Instant;
import java.util.List;

import static io.marketops.experiments.ExperimentRejected.Reason.*;

/**
 * An experiment as recorded: its design, where it is in its lifecycle and, once closed, the
 * decision with its reason. Changes go through the methods below, which enforce the lifecycle
 * and return the changed experiment (the repository stores it).
 *
 * @param startedAt when it started running (null while a draft)
 * @param endedAt   when it was stopped (null until then)
 */
public record Experiment(long id, WorkspaceId workspace, String key, ExperimentDesign design, ExperimentStatus status,
                         Instant startedAt, Instant endedAt, Decision decision, String shippedVariant, String decisionReason,
                         Instant decidedAt, Instant createdAt) {

    public List<Variant> variants() {
        return design.variants();
    }

    public Variant control() {
        return design.variants().get(0);
    }

    /** Traffic weights normalised to sum to 1, in variant order. */
    public double[] weights() {
        double total = variants().stream().mapToDouble(Variant::weight).sum();
        return variants().stream().mapToDouble(v -> v.weight() / total).toArray();
    }

    public Experiment redesign(ExperimentDesign newDesign) {
        if (status != ExperimentStatus.DRAFT) {
            throw new ExperimentRejected(NOT_A_DRAFT, "experiment '" + key + "' is " + status.name().toLowerCase()
                    + "; its design (variants, weights, metrics) is frozen once it has started");
        }
        return new Experiment(id, workspace, key, newDesign, status, startedAt, endedAt, decision, shippedVariant, decisionReason, decidedAt, createdAt);
    }

    public Experiment start(Instant now) {
        if (status != ExperimentStatus.DRAFT) throw new ExperimentRejected(NOT_A_DRAFT, "only a draft can be started; '" + key + "' is " + status.name().toLowerCase());
        return withStatus(ExperimentStatus.RUNNING, now, null);
    }

    public Experiment stop(Instant now) {
        if (status != ExperimentStatus.RUNNING) throw new ExperimentRejected(NOT_RUNNING, "only a running experiment can be stopped; '" + key + "' is " + status.name().toLowerCase());
        return withStatus(ExperimentStatus.STOPPED, startedAt, now);
    }

    /** Records the decision; only a stopped experiment can be decided, and only once. */
    public Experiment decide(Decision d, String variantToShip, String reason, Instant now) {
        if (status == ExperimentStatus.DECIDED) throw new ExperimentRejected(ALREADY_DECIDED, "'" + key + "' was already decided: " + decision.name().toLowerCase());
        if (status != ExperimentStatus.STOPPED) throw new ExperimentRejected(NOT_STOPPED, "stop '" + key + "' before deciding; it is " + status.name().toLowerCase());
        if (d == null) throw new io.marketops.core.InvalidRequest("decision", "is required: ship, rollback or inconclusive");
        if (reason == null || reason.isBlank()) throw new ExperimentRejected(REASON_MISSING, "write down why: a decision needs its reason");
        String ship = variantToShip == null || variantToShip.isBlank() ? null : variantToShip.trim();
        if (d == Decision.SHIP) {
            boolean treatment = variants().stream().skip(1).anyMatch(v -> v.key().equals(ship));
            if (!treatment) throw new ExperimentRejected(SHIPPED_VARIANT_INVALID, "name the treatment to ship: one of "
                    + variants().stream().skip(1).map(Variant::key).toList());
        } else if (ship != null) {
            throw new ExperimentRejected(SHIPPED_VARIANT_INVALID, d.name().toLowerCase() + " keeps the control; do not name a variant to ship");
        }
        return new Experiment(id, workspace, key, design, ExperimentStatus.DECIDED, startedAt, endedAt, d, ship, reason.strip(), now, createdAt);
    }

    public boolean deletable() {
        return status == ExperimentStatus.DRAFT;
    }

    private Experiment withStatus(ExperimentStatus s, Instant started, Instant ended) {
        return new Experiment(id, workspace, key, design, s, started, ended, decision, shippedVariant, decisionReason, decidedAt, createdAt);
    }
}
