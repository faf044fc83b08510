package io.marketops.support;

/** Credentials every integration-test context is started with. */
public final class TestUsers {
    public static final String ADMIN_EMAIL = "admin@marketops.local";
    public static final String ADMIN_PASSWORD = "test-Admin-pass-1";
    public static final String BOOTSTRAP_TOKEN = "test-bootstrap-token-0001";

    private TestUsers() {
    }
}
