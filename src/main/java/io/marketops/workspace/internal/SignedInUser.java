package io.marketops.workspace.internal;

import io.marketops.workspace.Actor;
import io.marketops.workspace.Actors;
import io.marketops.workspace.Permission;
import io.marketops.workspace.Role;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** A person signed in through the login form, acting in one of their workspaces. */
public record SignedInUser(long userId, String email, String displayName, String passwordHash, String locale,
                           boolean enabled, Actor actor) implements UserDetails, Actors.HasActor, Serializable {

    public SignedInUser inWorkspace(Actor other) {
        return new SignedInUser(userId, email, displayName, passwordHash, locale, enabled, other);
    }

    public SignedInUser withLocale(String tag) {
        return new SignedInUser(userId, email, displayName, passwordHash, tag, enabled, actor);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return authorities(actor.role());
    }

    static List<GrantedAuthority> authorities(Role role) {
        List<GrantedAuthority> list = new ArrayList<>();
        list.add(new SimpleGrantedAuthority("ROLE_" + role.name()));
        for (Permission p : role.permissions()) list.add(new SimpleGrantedAuthority(p.authority()));
        return list;
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }
}
