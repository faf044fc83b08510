package io.marketops.experiments;

/** An experiment's lifecycle: draft → running → stopped → decided, never backwards. */
public enum ExperimentStatus {
    /** Being designed: everything may change; nobody is assigned yet. */
    DRAFT,
    /** Users are assigned and exposures recorded; variants and weights are frozen. */
    RUNNING,
    /** No new assignments are handed out as exposures; waiting for a decision. */
    STOPPED,
    /** A decision and its reason are on record; the experiment is closed. */
    DECIDED
}
