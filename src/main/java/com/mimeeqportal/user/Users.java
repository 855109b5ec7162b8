package com.mimeeqportal.user;

import com.mimeeqportal.identity.Role;
import com.mimeeqportal.identity.TenantId;
import com.mimeeqportal.identity.Username;
import com.mimeeqportal.input.InvalidInputException;
import com.mimeeqportal.system.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.hibernate.Session;

/** People: creating them in their tenant, and finding them at sign-in (before any tenant is known). */
@ApplicationScoped
public class Users {

    private final Database database;
    private final PasswordHasher hasher;

    @Inject
    public Users(Database database) {
        this(database, new PasswordHasher());
    }

    public Users(Database database, PasswordHasher hasher) {
        this.database = database;
        this.hasher = hasher;
    }

    protected Users() {
        this.database = null;
        this.hasher = null;
    }

    public User create(TenantId tenant, Username username, char[] password, Role role) {
        return create(tenant, username, password, role, false);
    }

    /** @param oneTimePassword whether the password was made for the user, who must replace it at sign-in */
    public User create(TenantId tenant, Username username, char[] password, Role role, boolean oneTimePassword) {
        if (tenant.isSystem() != (role == Role.OPERATOR)) {
            throw new IllegalArgumentException("Operators belong to the system tenant, everyone else to a customer tenant");
        }
        if (findForSignIn(username).isPresent()) {
            throw new InvalidInputException("username", "validation.username.taken");
        }
        // Hashed outside the transaction, and only for a name that is free: the hash is the expensive part.
        String hash = hasher.hash(password);
        return database.inTenant(tenant, session -> {
            User user = new User(username, hash, role, Instant.now());
            if (oneTimePassword) {
                user.requirePasswordChange();
            }
            session.persist(user);
            return user;
        });
    }

    /** Usernames are unique across tenants, so sign-in looks in all of them. */
    public Optional<User> findForSignIn(Username username) {
        return database.asSystem(session ->
                session.createSelectionQuery("from User u where u.username = :username", User.class)
                        .setParameter("username", username.value())
                        .uniqueResultOptional());
    }

    /** Checks a password; when the user does not exist a decoy hash is checked so timing tells nothing. */
    public Optional<User> authenticate(Username username, char[] password) {
        Optional<User> user = findForSignIn(username);
        return passwordMatches(user, password) ? user : Optional.empty();
    }

    /** The expensive part of a sign-in: the same work whether or not {@code user} exists. */
    public boolean passwordMatches(Optional<User> user, char[] password) {
        boolean matches = hasher.verify(password, user.map(User::passwordHash).orElse(hasher.decoy()));
        return matches && user.isPresent();
    }

    /** Any user by id, across tenants: for checking a signed-in session against its user. */
    public Optional<User> find(String id) {
        return database.asSystem(session -> find(session, id));
    }

    /** As above, in a system transaction of the caller's. */
    public Optional<User> find(Session session, String id) {
        return Optional.ofNullable(session.find(User.class, id));
    }

    /** A user of {@code tenant} by id; another tenant's id finds nothing. */
    public Optional<User> find(TenantId tenant, String id) {
        return database.inTenant(tenant, session -> owned(tenant, session.find(User.class, id)));
    }

    public List<User> all(TenantId tenant) {
        return database.inTenant(tenant, session ->
                session.createSelectionQuery("from User u order by u.username", User.class).getResultList());
    }

    /**
     * Runs {@code change} on a user of {@code tenant} whose row is locked for the transaction, so that
     * concurrent sign-in failures and admin actions apply one after another instead of failing on the
     * version check. Empty when the tenant has no such user.
     */
    public <T> Optional<T> change(TenantId tenant, String id, Function<User, T> change) {
        return database.inTenant(tenant, session ->
                owned(tenant, session.find(User.class, id, LockModeType.PESSIMISTIC_WRITE)).map(change));
    }

    /** Like {@link #change}, with {@code rule} run first over the tenant's enabled admins, locked the same way. */
    public <T> Optional<T> changeGuardingAdmins(TenantId tenant, String id, AdminGuard<T> change) {
        return database.inTenant(tenant, session -> {
            List<User> admins = session.createSelectionQuery(
                            "from User u where u.role = :role and u.enabled = true order by u.id", User.class)
                    .setParameter("role", Role.ACCOUNT_ADMIN)
                    .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                    .getResultList();
            return owned(tenant, session.find(User.class, id, LockModeType.PESSIMISTIC_WRITE))
                    .map(user -> change.apply(user, admins));
        });
    }

    /** A change that needs to see the tenant's enabled admins (to keep at least one). */
    @FunctionalInterface
    public interface AdminGuard<T> {
        T apply(User user, List<User> enabledAdmins);
    }

    /**
     * The tenant filter covers queries; a load by id is checked here as well, so that another tenant's id
     * finds nothing whatever Hibernate's filtering of loads does.
     */
    private static Optional<User> owned(TenantId tenant, User user) {
        return Optional.ofNullable(user).filter(u -> u.tenantId().equals(tenant));
    }

    /** Hashes a new password; the hash is the only form in which it is kept. */
    public String hash(char[] password) {
        return hasher.hash(password);
    }
}
