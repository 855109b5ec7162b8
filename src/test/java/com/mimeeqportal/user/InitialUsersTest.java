package com.mimeeqportal.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mimeeqportal.identity.Role;
import com.mimeeqportal.identity.TenantId;
import com.mimeeqportal.identity.Username;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The users of a first start are announced at once and created after it; whoever needs one waits for it. */
class InitialUsersTest {

    private final CreatingUsers users = new CreatingUsers();
    private final InitialUsers initialUsers = new InitialUsers(users);

    @Test
    void theLineIsGivenAtOnceAndTheUserExistsOnceAwaited() throws Exception {
        CountDownLatch hashed = new CountDownLatch(1);
        users.beforeCreate = hashed;
        Optional<String> line = initialUsers.ensure(TenantId.SYSTEM, "operator", Role.OPERATOR, Optional.empty(),
                "portal.demo.operator-password");
        assertTrue(line.isPresent(), "announced while the hash is still to come");
        Thread.sleep(200);
        assertEquals(0, users.creations, "nothing is hashed before the start is done");
        initialUsers.createAnnounced();
        assertTrue(users.created.isEmpty());
        String password = line.get().trim().split("\\s+")[2];
        assertEquals(20, password.length(), "a generated password is shown: " + line.get());
        try (ExecutorService waiting = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<?> awaited = waiting.submit(() -> initialUsers.awaitCreation(new Username("operator")));
            Thread.sleep(200);
            assertFalse(awaited.isDone());
            hashed.countDown();
            awaited.get();
        }
        User operator = users.created.get("operator");
        assertTrue(operator.mustChangePassword(), "a printed password must be replaced at the first sign-in");
        assertEquals(password, users.passwords.get("operator"));
    }

    @Test
    void aUserThatExistsIsLeftAloneAndNotAnnounced() {
        users.created.put("admin@demo.example", new User(new Username("admin@demo.example"), "hash",
                Role.ACCOUNT_ADMIN, Instant.now()));
        assertEquals(Optional.empty(), initialUsers.ensure(TenantId.random(), "admin@demo.example",
                Role.ACCOUNT_ADMIN, Optional.empty(), "portal.demo.admin-password"));
        initialUsers.awaitCreation(new Username("admin@demo.example"));
        assertEquals(0, users.creations);
    }

    @Test
    void aConfiguredPasswordIsNotPrintedNorOneTimeAndAFailedCreationLetsTheWaiterGoOn() {
        Optional<String> line = initialUsers.ensure(TenantId.random(), "sales@demo.example", Role.SALES,
                Optional.of("chosen-Passw0rd"), "portal.demo.sales-password");
        initialUsers.createAnnounced();
        assertTrue(line.orElseThrow().contains("(password from portal.demo.sales-password)"), line.get());
        assertFalse(line.get().contains("chosen-Passw0rd"));
        initialUsers.awaitCreation(new Username("sales@demo.example"));
        assertFalse(users.created.get("sales@demo.example").mustChangePassword());

        users.failing = true;
        initialUsers.ensure(TenantId.random(), "other@demo.example", Role.SALES, Optional.empty(), "none");
        initialUsers.createAnnounced();
        initialUsers.awaitCreation(new Username("other@demo.example"));
        assertFalse(users.created.containsKey("other@demo.example"), "the sign-in goes on and finds no such user");
    }

    private static final class CreatingUsers extends Users {
        final Map<String, User> created = new ConcurrentHashMap<>();
        final Map<String, String> passwords = new ConcurrentHashMap<>();
        volatile CountDownLatch beforeCreate = new CountDownLatch(0);
        volatile boolean failing;
        volatile int creations;

        @Override
        public Optional<User> findForSignIn(Username username) {
            return Optional.ofNullable(created.get(username.value()));
        }

        @Override
        public User create(TenantId tenant, Username username, char[] password, Role role, boolean oneTimePassword) {
            creations++;
            try {
                beforeCreate.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            if (failing) {
                throw new IllegalStateException("the database is gone");
            }
            User user = new User(username, "hash", role, Instant.now());
            if (oneTimePassword) {
                user.requirePasswordChange();
            }
            passwords.put(username.value(), new String(password));
            created.put(username.value(), user);
            return user;
        }
    }
}
