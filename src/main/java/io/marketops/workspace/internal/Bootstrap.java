package io.marketops.workspace.internal;

import io.marketops.runtime.MarketOpsProperties;
import io.marketops.workspace.AuditLog;
import io.marketops.workspace.DefaultWorkspace;
import io.marketops.workspace.Role;
import io.marketops.workspace.Workspace;
import io.marketops.workspace.Workspaces;
import jakarta.annotation.PostConstruct;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/**
 * First-start and every-start set-up: the default workspace, the first admin (password from
 * {@code MARKETOPS_ADMIN_PASSWORD} or generated and printed once), the bootstrap token, and a
 * fresh token for the local CLI in {@code <data dir>/.cli-token} (owner-only).
 */
@Component
class Bootstrap implements DefaultWorkspace {
    private static final Logger log = LoggerFactory.getLogger(Bootstrap.class);
    static final String CLI_TOKEN_NAME = "cli (local launcher)";

    private final Workspaces workspaces;
    private final Users users;
    private final ApiTokens tokens;
    private final AuditLog audit;
    private final PasswordEncoder encoder;
    private final MarketOpsProperties props;
    private Workspace workspace;
    private boolean created;
    private String generatedPassword;

    Bootstrap(Workspaces workspaces, Users users, ApiTokens tokens, AuditLog audit, PasswordEncoder encoder, MarketOpsProperties props) {
        this.workspaces = workspaces;
        this.users = users;
        this.tokens = tokens;
        this.audit = audit;
        this.encoder = encoder;
        this.props = props;
    }

    @PostConstruct
    void run() throws IOException {
        if (workspaces.all().isEmpty()) {
            workspace = props.demo() ? workspaces.create("Demo Brand", "demo-brand", true) : workspaces.create("My Brand", "my-brand", false);
            created = true;
            audit.record(workspace.id(), "system", "workspace.created", "workspace:" + workspace.id(), null, workspace.name());
        } else {
            workspace = workspaces.defaultWorkspace();
        }
        ensureAdmin();
        if (props.bootstrapToken() != null && !props.bootstrapToken().isBlank()) {
            tokens.createWithSecret(workspace.id(), "bootstrap (MARKETOPS_BOOTSTRAP_TOKEN)", Role.ADMIN, "system", null, props.bootstrapToken().trim());
        }
        writeCliToken();
    }

    private void ensureAdmin() {
        String wanted = props.adminPassword();
        var existing = users.byEmail(props.adminEmail());
        if (existing.isEmpty()) {
            String password = wanted == null || wanted.isBlank() ? (generatedPassword = generatePassword()) : wanted;
            long id = users.create(props.adminEmail(), "Admin", password);
            workspaces.addMember(workspace.id(), id, Role.ADMIN);
            audit.record(workspace.id(), "system", "member.added", "user:" + id, null, "role=ADMIN (first admin)");
        } else if (wanted != null && !wanted.isBlank() && !encoder.matches(wanted, existing.get().passwordHash())) {
            users.changePassword(existing.get().id(), wanted);
            audit.record(workspace.id(), "system", "password.reset", "user:" + existing.get().id(), null, "from MARKETOPS_ADMIN_PASSWORD");
        }
    }

    private void writeCliToken() throws IOException {
        tokens.revokeNamed(workspace.id(), CLI_TOKEN_NAME);
        var cli = tokens.create(workspace.id(), CLI_TOKEN_NAME, Role.ADMIN, "system", null);
        Path file = props.dataDir().resolve(".cli-token");
        Files.createDirectories(props.dataDir());
        Files.deleteIfExists(file);
        Files.createFile(file);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system; the data dir's own permissions apply
        }
        Files.writeString(file, cli.secret() + "\n" + props.port() + "\n");
    }

    static String generatePassword() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
        SecureRandom r = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            if (i > 0 && i % 4 == 0) sb.append('-');
            sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    @EventListener
    void on(ApplicationReadyEvent e) {
        if (generatedPassword != null) {
            System.out.printf("Sign in as %s with the password %s (generated now and shown only once; change it under Settings).%n",
                    props.adminEmail(), generatedPassword);
        } else if (props.adminPassword() != null && !props.adminPassword().isBlank()) {
            System.out.printf("Sign in as %s with the password from MARKETOPS_ADMIN_PASSWORD.%n", props.adminEmail());
        } else {
            System.out.printf("Sign in as %s with the password shown at first start (set MARKETOPS_ADMIN_PASSWORD to reset it).%n", props.adminEmail());
        }
        log.debug("default workspace {}", workspace.id());
    }

    @Override
    public Workspace get() {
        return workspace;
    }

    @Override
    public boolean createdThisStart() {
        return created;
    }

    @Override
    public String adminEmail() {
        return props.adminEmail();
    }
}
