package com.mimeeqportal.user;

import com.mimeeqportal.identity.Role;
import com.mimeeqportal.identity.TenantId;
import com.mimeeqportal.identity.Username;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Users that exist from the first start (the operator; in demo mode the demo people too). Each is
 * created once, with the configured password or a generated one that is announced once and never again,
 * and must be changed at the first sign-in.
 *
 * <p>Their passwords are hashed (600,000 iterations, about a second of CPU each) once the portal is ready
 * ({@link #createAnnounced}), not during its start, whose CPU they would share: the start announces the lines at
 * once, and a sign-in that comes while its user is still being created waits for it ({@link #awaitCreation})
 * instead of being told the name is unknown.
 */
@ApplicationScoped
public class InitialUsers {

    private static final Logger LOG = Logger.getLogger(InitialUsers.class.getName());
    /** Far more than three hashes take on a busy machine; a sign-in that waits longer is told what anyone is. */
    static final Duration CREATION_WAIT = Duration.ofSeconds(60);

    private final Users users;
    private final Map<Username, CompletableFuture<Void>> creating = new ConcurrentHashMap<>();
    private final Queue<Thread> announced = new ConcurrentLinkedQueue<>();

    @Inject
    public InitialUsers(Users users) {
        this.users = users;
    }

    protected InitialUsers() {
        this.users = null;
    }

    /**
     * Announces the user if missing, to be created by {@link #createAnnounced} on a thread of its own (so the
     * initial users of a first start are hashed side by side, and after the start rather than within it); gives at
     * once the line to print at start-up when the user is being created now.
     *
     * @param passwordProperty the configuration property the password may come from, named in the line
     */
    public Optional<String> ensure(TenantId tenant, String name, Role role, Optional<String> configuredPassword,
                                   String passwordProperty) {
        Username username = new Username(name);
        if (users.findForSignIn(username).isPresent()) {
            return Optional.empty();
        }
        char[] password = configuredPassword.map(String::toCharArray).orElseGet(GeneratedPasswords::next);
        String shown = configuredPassword.isPresent() ? "(password from " + passwordProperty + ")" : new String(password);
        CompletableFuture<Void> created = new CompletableFuture<>();
        creating.put(username, created);
        announced.add(Thread.ofPlatform().name("initial-user-" + name).unstarted(() -> {
            try {
                // A generated password has been printed in the log, so it is one-time: it must be replaced at the
                // first sign-in. A configured one was chosen by whoever runs the portal and is theirs to keep.
                create(tenant, username, password, role, configuredPassword.isEmpty());
                created.complete(null);
            } catch (RuntimeException | Error e) {
                created.completeExceptionally(e);
            } finally {
                creating.remove(username, created);
            }
        }));
        return Optional.of(String.format("  %-22s %-14s %s", name, role, shown));
    }

    /** Starts creating the users announced so far, each on a thread of its own; called when the start is done. */
    public void createAnnounced() {
        for (Thread creation = announced.poll(); creation != null; creation = announced.poll()) {
            creation.start();
        }
    }

    private void create(TenantId tenant, Username username, char[] password, Role role, boolean oneTimePassword) {
        try {
            users.create(tenant, username, password, role, oneTimePassword);
        } catch (RuntimeException e) {
            if (users.findForSignIn(username).isPresent()) {
                // Instances of a cluster started together: another one created the user first (a unique name).
                LOG.warning("User " + username.value() + " was created by another instance starting at the same"
                        + " time; the password this instance printed for it does not apply, that instance's does.");
                return;
            }
            // The portal runs on; the user is missing, so the next start tries again with a new password.
            LOG.log(Level.SEVERE, "User " + username.value() + " could not be created; the next start will try again", e);
            throw e;
        }
    }

    /**
     * Returns once {@code username} is no longer being created at start-up (at once for everybody else), waiting
     * at most {@link #CREATION_WAIT}: a sign-in straight after the start finds the user the start announced.
     */
    public void awaitCreation(Username username) {
        CompletableFuture<Void> pending = creating.get(username);
        if (pending == null) {
            return;
        }
        try {
            pending.get(CREATION_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // Logged where it failed; the sign-in goes on and finds no such user.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
