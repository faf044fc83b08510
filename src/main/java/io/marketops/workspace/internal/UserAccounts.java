package io.marketops.workspace.internal;

import io.marketops.workspace.Actor;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Loads a person for the login form, acting in their first workspace. */
@Service
class UserAccounts implements UserDetailsService {
    private final Users users;

    UserAccounts(Users users) {
        this.users = users;
    }

    @Override
    public SignedInUser loadUserByUsername(String email) {
        Users.User u = users.byEmail(email).orElseThrow(() -> new UsernameNotFoundException("no such user"));
        var memberships = users.memberships(u.id());
        if (memberships.isEmpty()) throw new UsernameNotFoundException("user belongs to no workspace");
        var m = memberships.get(0);
        return new SignedInUser(u.id(), u.email(), u.displayName(), u.passwordHash(), u.locale(), u.enabled(),
                new Actor(u.id(), null, m.workspaceId(), m.role(), u.email()));
    }
}
