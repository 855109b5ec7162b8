package com.mimeeqportal.demo;

import com.mimeeqportal.apikey.ApiKey;
import com.mimeeqportal.tenant.MimeeqBaseUrl;
import jakarta.json.Json;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Reads a Mimeeq sandbox account's API key the way a customer copies one from Mimeeq's admin panel: from the
 * sandbox's admin hook {@code GET <base URL>/_admin/accounts/<account>/key}, which answers callers on the sandbox's
 * own machine only. This address is all the portal knows of the sandbox, a separate application. In demo mode the
 * sandbox is deployed before the portal, so it answers while the portal starts; should it still be deploying, a
 * refused connection or a 404 is tried again for a few seconds.
 */
final class DemoAccountKey {

    private static final Logger LOG = Logger.getLogger(DemoAccountKey.class.getName());
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final Duration PAUSE = Duration.ofMillis(500);

    private DemoAccountKey() {
    }

    /** The account's current key, or empty (logged, with why) if the sandbox did not give it. */
    static Optional<ApiKey> read(MimeeqBaseUrl sandbox, String account) {
        URI hook = URI.create(sandbox.value() + "/_admin/accounts/" + account + "/key");
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build()) {
            while (true) {
                String problem;
                try {
                    HttpResponse<String> answer = http.send(HttpRequest.newBuilder(hook).timeout(TIMEOUT).GET().build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (answer.statusCode() == 200) {
                        return Optional.of(new ApiKey(apiKey(answer.body())));
                    }
                    problem = "HTTP " + answer.statusCode();
                    if (answer.statusCode() != 404) {
                        return nothing(hook, problem);
                    }
                } catch (IOException e) {
                    problem = e.toString();
                } catch (RuntimeException e) {
                    return nothing(hook, "an unreadable answer (" + e.getClass().getSimpleName() + ")");
                }
                if (System.nanoTime() > deadline) {
                    return nothing(hook, problem);
                }
                Thread.sleep(PAUSE);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return nothing(hook, "interrupted");
        }
    }

    private static String apiKey(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readObject().getString("apiKey");
        }
    }

    private static Optional<ApiKey> nothing(URI hook, String problem) {
        LOG.warning(() -> "Demo mode: the demo tenant has no API key yet. The Mimeeq sandbox's admin hook " + hook
                + " gave none (" + problem + "). Deploy the sandbox there, or set portal.demo.mimeeq-base-url to"
                + " where it runs, and restart; or paste the account's key at /admin/api-key as the demo admin.");
        return Optional.empty();
    }
}
