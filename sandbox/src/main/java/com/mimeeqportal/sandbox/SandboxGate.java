package com.mimeeqportal.sandbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What every call of the emulated API passes before its endpoint answers, in this order: the global rate limit,
 * the API key (401 if unknown), counting the call for the account, the account's latency, its own rate limit (429
 * with {@code Retry-After}), then its injected faults. Endpoint errors thrown as {@link ApiError.ApiException}
 * become their JSON answers here.
 */
@ApplicationScoped
public class SandboxGate {

    /** Blocks the calling thread; a test passes one that only records. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    static final int TOO_MANY_REQUESTS = 429;
    static final String RETRY_AFTER = "Retry-After";

    private final SandboxAccounts accounts;
    private final RequestCounter counter;
    private final Faults faults;
    private final RateLimits rateLimits;
    private final Sleeper sleeper;

    @Inject
    public SandboxGate(SandboxAccounts accounts, RequestCounter counter, Faults faults, RateLimits rateLimits) {
        this(accounts, counter, faults, rateLimits, duration -> Thread.sleep(duration));
    }

    SandboxGate(SandboxAccounts accounts, RequestCounter counter, Faults faults, RateLimits rateLimits,
                Sleeper sleeper) {
        this.accounts = accounts;
        this.counter = counter;
        this.faults = faults;
        this.rateLimits = rateLimits;
        this.sleeper = sleeper;
    }

    /** For CDI's proxy only. */
    protected SandboxGate() {
        this(null, null, null, null, null);
    }

    /** Answers one API call: {@code endpoint}'s answer for the key's account, unless a check or a fault intervenes. */
    public ApiAnswer call(String apiKey, ApiEndpoint endpoint, Function<SandboxAccount, JsonStructure> answer) {
        if (!rateLimits.globalAllows()) {
            return tooManyRequests(FaultSettings.DEFAULT_RETRY_AFTER_SECONDS);
        }
        Optional<SandboxAccount> found = accounts.findByKey(apiKey);
        if (found.isEmpty()) {
            return ApiAnswer.json(Response.Status.UNAUTHORIZED, SandboxJson.invalidApiKey());
        }
        SandboxAccount account = found.get();
        counter.count(account.id(), endpoint);
        FaultSettings settings = faults.current(account.id());
        pause(settings.latencyMs());
        if (settings.rateLimitPerSecond().isPresent()
                && !rateLimits.accountAllows(account.id(), settings.rateLimitPerSecond().getAsInt())) {
            return tooManyRequests(settings.retryAfterSeconds());
        }
        Optional<Faults.Injection> injection = faults.takeNext(account.id());
        if (injection.isPresent() && injection.get() instanceof Faults.Injection.Fail(int status)) {
            ApiAnswer failure = ApiAnswer.json(status, message("Internal server error"));
            return status == TOO_MANY_REQUESTS ? failure.withHeader(RETRY_AFTER, String.valueOf(settings.retryAfterSeconds()))
                    : failure;
        }
        ApiAnswer real = answer(account, answer);
        if (injection.isPresent()) {
            return new ApiAnswer(Response.Status.OK.getStatusCode(), Map.of(), truncated(real.body()));
        }
        return real;
    }

    private static ApiAnswer answer(SandboxAccount account, Function<SandboxAccount, JsonStructure> answer) {
        try {
            return ApiAnswer.json(Response.Status.OK, answer.apply(account));
        } catch (ApiError.ApiException e) {
            return ApiAnswer.json(e.error().status(), SandboxJson.error(e.error()));
        }
    }

    private void pause(int latencyMs) {
        if (latencyMs > 0) {
            try {
                sleeper.sleep(Duration.ofMillis(latencyMs));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Half the body, so it is never valid JSON: an object or array then lacks its closing bracket. */
    static String truncated(String body) {
        return body.substring(0, Math.max(1, body.length() / 2));
    }

    private static ApiAnswer tooManyRequests(int retryAfterSeconds) {
        return ApiAnswer.json(TOO_MANY_REQUESTS, message("Too Many Requests"))
                .withHeader(RETRY_AFTER, String.valueOf(retryAfterSeconds));
    }

    /** The bare {@code {"message": …}} that AWS API Gateway, Mimeeq's front, sends for throttling and 5xx. */
    private static JsonObject message(String message) {
        return Json.createObjectBuilder().add("message", message).build();
    }
}
