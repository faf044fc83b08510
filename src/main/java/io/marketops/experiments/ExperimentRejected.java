package io.marketops.experiments;

/**
 * A change the experiment's rules do not allow, with a reason a person can act on. The API
 * answers it as 409 Conflict naming {@link #reason()}.
 */
public class ExperimentRejected extends RuntimeException {
    public enum Reason {
        /** Only a draft may be started or deleted, and only a draft's design may change. */
        NOT_A_DRAFT,
        NOT_RUNNING,
        NOT_STOPPED,
        ALREADY_DECIDED,
        /** Shipping needs the treatment to ship; the other decisions name none. */
        SHIPPED_VARIANT_INVALID,
        REASON_MISSING
    }

    private final Reason reason;

    public ExperimentRejected(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
