package com.mimeeqportal.apikey;

import com.mimeeqportal.identity.Actor;
import com.mimeeqportal.identity.Role;
import com.mimeeqportal.identity.SignedInUser;
import com.mimeeqportal.identity.TenantId;
import com.mimeeqportal.identity.Username;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A re-encryption's progress and who started it, as the instance running it stores it in its lease (JSON in
 * {@code cluster_lease.state}): every instance's operator page shows it, and the instance that takes over after
 * the runner died resumes on behalf of the same operator.
 */
record ReencryptionReport(Reencryption progress, String byId, String by) {

    /** Failed tenants are listed by name up to this many; the rest are counted with their reason only. */
    private static final int NAMED_FAILURES = 200;

    static ReencryptionReport of(Reencryption progress, Actor actor) {
        return new ReencryptionReport(progress, actor.user().userId(), actor.name());
    }

    /** The operator who started the run, as the actor of a run resumed by another instance. */
    Actor actor() {
        return new Actor(new SignedInUser(byId, new Username(by), TenantId.SYSTEM, "", Role.OPERATOR), null, null);
    }

    String toJson() {
        JsonArrayBuilder failed = Json.createArrayBuilder();
        int i = 0;
        for (Reencryption.FailedTenant tenant : progress.failed()) {
            JsonObjectBuilder one = Json.createObjectBuilder().add("reason", tenant.reason());
            if (i++ < NAMED_FAILURES) {
                one.add("tenantId", tenant.tenantId()).add("tenantName", tenant.tenantName());
            }
            failed.add(one);
        }
        JsonObjectBuilder json = Json.createObjectBuilder().add("state", progress.state().name())
                .add("total", progress.total()).add("moved", progress.moved()).add("skipped", progress.skipped())
                .add("failed", failed).add("byId", byId).add("by", by);
        if (progress.startedAt() != null) {
            json.add("startedAt", progress.startedAt().toString());
        }
        if (progress.endedAt() != null) {
            json.add("endedAt", progress.endedAt().toString());
        }
        return json.build().toString();
    }

    static ReencryptionReport parse(String text) {
        JsonObject json;
        try (var reader = Json.createReader(new StringReader(text))) {
            json = reader.readObject();
        }
        List<Reencryption.FailedTenant> failed = new ArrayList<>();
        for (JsonValue value : json.getJsonArray("failed")) {
            JsonObject one = value.asJsonObject();
            failed.add(new Reencryption.FailedTenant(one.getString("tenantId", ""), one.getString("tenantName", "?"),
                    one.getString("reason")));
        }
        Reencryption progress = new Reencryption(Reencryption.State.valueOf(json.getString("state")),
                json.getInt("total"), json.getInt("moved"), json.getInt("skipped"), failed,
                instant(json, "startedAt"), instant(json, "endedAt"));
        return new ReencryptionReport(progress, json.getString("byId"), json.getString("by"));
    }

    private static Instant instant(JsonObject json, String name) {
        return json.containsKey(name) ? Instant.parse(json.getString(name)) : null;
    }
}
