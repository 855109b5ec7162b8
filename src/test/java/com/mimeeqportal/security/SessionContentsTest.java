package com.mimeeqportal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mimeeqportal.identity.Role;
import com.mimeeqportal.identity.SignedInUser;
import com.mimeeqportal.identity.TenantId;
import com.mimeeqportal.identity.Username;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * What the portal keeps in a session travels through the data grid in a cluster (docs/clustering.md): it must
 * serialize, come back equal, and stay small.
 */
class SessionContentsTest {

    @Test
    void theSignedInUserAndTheSessionStampSurviveSerializationAndAreSmall() throws Exception {
        SignedInUser user = new SignedInUser("5a0e6a4e-9c1f-4b7e-9a43-0c5d6f7e8a9b",
                new Username("a.long-name.of-an-admin@furniture-company.example"),
                new TenantId("977c0baa-a42e-4fc2-a9a5-a41ca8e6efb3"), "Büro Schmidt GmbH", Role.ACCOUNT_ADMIN);
        SessionStamp stamp = new SessionStamp(7, Instant.parse("2026-12-01T10:00:00Z"));
        String csrf = "x".repeat(43);

        assertEquals(user, roundTrip(user));
        assertEquals(stamp, roundTrip(stamp));
        int size = serialized(user).length + serialized(stamp).length + serialized(csrf).length;
        assertTrue(size < 2_048, "a session's own attributes take " + size + " bytes");
    }

    private static Object roundTrip(Serializable value) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(serialized(value)))) {
            return in.readObject();
        }
    }

    private static byte[] serialized(Serializable value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        return bytes.toByteArray();
    }
}
