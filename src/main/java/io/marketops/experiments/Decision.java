package io.marketops.experiments;

/** What was decided when an experiment closed. */
public enum Decision {
    /** Roll out a treatment (named in the decision). */
    SHIP,
    /** Keep the control; the treatments are dropped. */
    ROLLBACK,
    /** No reliable difference; keep the control and record what was learnt. */
    INCONCLUSIVE
}
