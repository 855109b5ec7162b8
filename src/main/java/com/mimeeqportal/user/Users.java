package com.mimeeqportal.user;

import com.mimeeqportal.system.Database;
import com.mimeeqportal.tenant.TenantId;
import com.mimeeqportal.web.InvalidInputException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;

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
        if (tenant.isSystem() != (role == Role.OPERATOR)) {
            throw new IllegalArgumentException("Operators belong to the system tenant, everyone else to a customer tenant");
        }
        String hash = hasher.hash(password);
        if (findForSignIn(username).isPresent()) {
            throw new InvalidInputException("username", "validation.username.taken");
        }
        return database.inTenant(tenant, session -> {
            User user = new User(username, hash, role, Instant.now());
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
        boolean matches = hasher.verify(password, user.map(User::passwordHash).orElse(hasher.decoy()));
        return matches ? user : Optional.empty();
    }
}
