package io.marketops.workspace;

/**
 * The workspace made at first start (with the first admin, the bootstrap token and the CLI
 * token). Available once the application context is built, before the server takes requests.
 */
public interface DefaultWorkspace {
    Workspace get();

    /** True when the workspace was created by this start (a fresh data directory). */
    boolean createdThisStart();

    /** The first admin's e-mail, for the person starting MarketOps. */
    String adminEmail();
}
