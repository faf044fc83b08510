package io.marketops.workspace.web;

import io.marketops.core.InvalidRequest;
import io.marketops.core.NotFound;
import io.marketops.core.PageQuery;
import io.marketops.core.PageResult;
import io.marketops.workspace.Actor;
import io.marketops.workspace.Actors;
import io.marketops.workspace.AuditLog;
import io.marketops.workspace.Role;
import io.marketops.workspace.Workspace;
import io.marketops.workspace.Workspaces;
import io.marketops.workspace.internal.ApiTokens;
import io.marketops.workspace.internal.Users;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.*;

import java.time.Instant;
import java.util.Locale;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Workspace", description = "The caller, members and their roles, API tokens, audit log")
class WorkspaceApi {
    private final Workspaces workspaces;
    private final Users users;
    private final ApiTokens tokens;
    private final AuditLog audit;

    WorkspaceApi(Workspaces workspaces, Users users, ApiTokens tokens, AuditLog audit) {
        this.workspaces = workspaces;
        this.users = users;
        this.tokens = tokens;
        this.audit = audit;
    }

    record Me(String name, String role, Workspace workspace, java.util.List<String> permissions) {
    }

    @GetMapping("/me")
    @Operation(summary = "Who the token or session acts as, in which workspace, with which permissions")
    Me me() {
        Actor a = Actors.require();
        return new Me(a.name(), a.role().name().toLowerCase(Locale.ROOT), workspaces.get(a.workspaceId()),
                a.role().permissions().stream().map(p -> p.authority()).sorted().toList());
    }

    @GetMapping("/workspace")
    @Operation(summary = "The caller's workspace")
    Workspace workspace() {
        return workspaces.get(Actors.workspace());
    }

    record MemberView(long userId, String email, String displayName, String role, Instant since, Instant lastLoginAt) {
        static MemberView of(Users.Member m) {
            return new MemberView(m.userId(), m.email(), m.displayName(), m.role().name().toLowerCase(Locale.ROOT), m.since(), m.lastLoginAt());
        }
    }

    @GetMapping("/members")
    @PreAuthorize("hasAuthority('workspace.read')")
    @Operation(summary = "Members of the workspace; q searches e-mail and name; sort by email, name, role or createdAt")
    PageResult<MemberView> members(@RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
                                   @RequestParam(required = false) Integer size, @RequestParam(required = false) String sort) {
        return users.members(Actors.workspace(), q, PageQuery.parse(page, size, sort, Users.sortFields(), "email")).map(MemberView::of);
    }

    record NewMember(@NotBlank String email, String displayName, @NotBlank String password, @NotBlank String role) {
    }

    @PostMapping("/members")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('members.manage')")
    @Operation(summary = "Creates an account (or adds an existing one) with a role in this workspace")
    MemberView addMember(@Valid @RequestBody NewMember body) {
        Role role = Role.parse(body.role());
        var ws = Actors.workspace();
        long id = users.byEmail(body.email()).map(Users.User::id).orElseGet(() -> users.create(body.email(), body.displayName(), body.password()));
        workspaces.addMember(ws, id, role);
        audit.record("member.added", "user:" + id, "role=" + role.name());
        return users.members(ws, body.email(), new PageQuery(1, 1, "email", false)).items().stream().findFirst().map(MemberView::of).orElseThrow();
    }

    record RoleChange(@NotBlank String role) {
    }

    @PatchMapping("/members/{userId}")
    @PreAuthorize("hasAuthority('members.manage')")
    @Operation(summary = "Changes a member's role")
    MemberView changeRole(@PathVariable long userId, @Valid @RequestBody RoleChange body) {
        var ws = Actors.workspace();
        Role old = users.roleIn(ws, userId).orElseThrow(() -> new NotFound("member", userId));
        Role role = Role.parse(body.role());
        if (old == Role.ADMIN && role != Role.ADMIN && users.countAdmins(ws) <= 1) {
            throw new InvalidRequest("role", "this is the last admin of the workspace; make someone else admin first");
        }
        workspaces.addMember(ws, userId, role);
        audit.record("member.role_changed", "user:" + userId, old.name() + " -> " + role.name());
        return users.members(ws, null, new PageQuery(1, PageQuery.MAX_SIZE, "email", false)).items().stream()
                .filter(m -> m.userId() == userId).findFirst().map(MemberView::of).orElseThrow();
    }

    @DeleteMapping("/members/{userId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAuthority('members.manage')")
    @Operation(summary = "Removes a member from the workspace (the account stays)")
    void removeMember(@PathVariable long userId) {
        var ws = Actors.workspace();
        Role old = users.roleIn(ws, userId).orElseThrow(() -> new NotFound("member", userId));
        if (old == Role.ADMIN && users.countAdmins(ws) <= 1) throw new InvalidRequest("userId", "cannot remove the last admin");
        users.removeMember(ws, userId);
        audit.record("member.removed", "user:" + userId, "role was " + old.name());
    }

    record TokenView(long id, String name, String prefix, String role, String createdBy, Instant createdAt, Instant lastUsedAt,
                     Instant expiresAt, Instant revokedAt, String token) {
        static TokenView of(ApiTokens.Token t, String secret) {
            return new TokenView(t.id(), t.name(), t.prefix() + "…", t.role().name().toLowerCase(Locale.ROOT), t.createdBy(), t.createdAt(),
                    t.lastUsedAt(), t.expiresAt(), t.revokedAt(), secret);
        }
    }

    @GetMapping("/tokens")
    @PreAuthorize("hasAuthority('tokens.manage')")
    @Operation(summary = "API tokens of the workspace (secrets are never shown again)")
    PageResult<TokenView> tokens(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                                 @RequestParam(required = false) String sort) {
        return tokens.list(Actors.workspace(), PageQuery.parse(page, size, sort, ApiTokens.sortFields(), "createdAt,desc"))
                .map(t -> TokenView.of(t, null));
    }

    record NewToken(@NotBlank String name, String role, Instant expiresAt) {
    }

    @PostMapping("/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('tokens.manage')")
    @Operation(summary = "Creates a token; the answer's 'token' field is the secret, shown only this once")
    TokenView createToken(@Valid @RequestBody NewToken body) {
        Role role = body.role() == null ? Role.VIEWER : Role.parse(body.role());
        if (body.expiresAt() != null && body.expiresAt().isBefore(Instant.now())) throw new InvalidRequest("expiresAt", "lies in the past");
        var created = tokens.create(Actors.workspace(), body.name(), role, Actors.require().name(), body.expiresAt());
        audit.record("token.created", "token:" + created.token().id(), "role=" + role.name() + " name=" + body.name());
        return TokenView.of(created.token(), created.secret());
    }

    @DeleteMapping("/tokens/{id}")
    @PreAuthorize("hasAuthority('tokens.manage')")
    @Operation(summary = "Revokes a token at once")
    TokenView revokeToken(@PathVariable long id) {
        var t = tokens.revoke(Actors.workspace(), id);
        audit.record("token.revoked", "token:" + id, t.name());
        return TokenView.of(t, null);
    }

    @GetMapping("/audit")
    @PreAuthorize("hasAuthority('audit.read')")
    @Operation(summary = "Audit log, newest first; q matches actor, action or target; from/to are ISO instants")
    PageResult<AuditLog.AuditEntry> auditLog(@RequestParam(required = false) String q, @RequestParam(required = false) String action,
                                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
                                             @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        var pq = PageQuery.parse(page, size, "at,desc", java.util.Set.of("at"), "at,desc");
        return audit.search(Actors.workspace(), new AuditLog.AuditFilter(q, action, from, to), pq);
    }
}
