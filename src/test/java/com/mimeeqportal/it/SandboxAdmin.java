package com.mimeeqportal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * The sandbox's admin hooks, as tests use them: an account's key (as a customer copies it from Mimeeq),
 * fault injection, and the count of API requests that reached the sandbox. Loopback only.
 */
public final class SandboxAdmin {

    private final URI admin;
    private final HttpClient http = HttpClient.newHttpClient();

    public SandboxAdmin(URI portalBase) {
        this.admin = URI.create(Fixtures.sandboxUrl(portalBase) + "/_admin/");
    }

    /** The sandbox's own base URL, as the portal calls it, ending in {@code /}. */
    public URI api() {
        return admin.resolve("..");
    }

    public String key(String account) {
        return json(send(HttpRequest.newBuilder(admin.resolve("accounts/" + account + "/key")).GET())).getString("apiKey");
    }

    public String regenerateKey(String account) {
        return json(send(HttpRequest.newBuilder(admin.resolve("accounts/" + account + "/regenerate-key"))
                .POST(HttpRequest.BodyPublishers.noBody()))).getString("apiKey");
    }

    public void faults(String account, String settingsJson) {
        send(HttpRequest.newBuilder(admin.resolve("accounts/" + account + "/faults"))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(settingsJson)));
    }

    public void clearFaults(String account) {
        send(HttpRequest.newBuilder(admin.resolve("accounts/" + account + "/faults")).DELETE());
    }

    public int requests(String account) {
        return json(send(HttpRequest.newBuilder(admin.resolve("accounts/" + account + "/requests")).GET())).getInt("total");
    }

    public void resetRequests(String account) {
        send(HttpRequest.newBuilder(admin.resolve("accounts/" + account + "/requests")).DELETE());
    }

    private String send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(2, response.statusCode() / 100, response.body());
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonObject json(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }
}
