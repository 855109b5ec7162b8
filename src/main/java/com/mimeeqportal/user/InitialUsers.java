package com.mimeeqportal.user;

import com.mimeeqportal.identity.Role;
import com.mimeeqportal.identity.TenantId;
import com.mimeeqportal.identity.Username;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Users that exist from the first start (the operator; in demo mode the demo people too). Each is
 * created once, with the configured password or a generated one that is announced once and never again,
 * and must be changed at the first sign-in.
 */
@ApplicationScoped
public class InitialUsers {

    private final Users users;

    @Inject
    public InitialUsers(Users users) {
        this.users = users;
    }

    protected InitialUsers() {
        this.users = null;
    }

    /**
     * Creates the user if missing; gives the line to print at start-up when it was created now. The password
     * is hashed (600,000 iterations, about a second of CPU each) on a thread of its own, so the initial users
     * of a first start are hashed side by side, and alongside the rest of the start, rather than one by one.
     *
     * @param passwordProperty the configuration property the password may come from, named in the line
     */
    public CompletableFuture<Optional<String>> ensure(TenantId tenant, String name, Role role,
                                                      Optional<String> configuredPassword, String passwordProperty) {
        Username username = new Username(name);
        if (users.findForSignIn(username).isPresent()) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        char[] password = configuredPassword.map(String::toCharArray).orElseGet(GeneratedPasswords::next);
        String shown = configuredPassword.isPresent() ? "(password from " + passwordProperty + ")" : new String(password);
        return CompletableFuture.supplyAsync(() -> {
            // A generated password has been printed in the log, so it is one-time: it must be replaced at the
            // first sign-in. A configured one was chosen by whoever runs the portal and is theirs to keep.
            try {
                users.create(tenant, username, password, role, configuredPassword.isEmpty());
            } catch (RuntimeException e) {
                // Instances of a cluster started together: another one created the user first (a unique name).
                if (users.findForSignIn(username).isPresent()) {
                    return Optional.<String>empty();
                }
                throw e;
            }
            return Optional.of(String.format("  %-22s %-14s %s", name, role, shown));
        }, work -> Thread.ofPlatform().name("initial-user-" + name).start(work));
    }
}
