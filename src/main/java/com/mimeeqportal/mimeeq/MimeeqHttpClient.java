package com.mimeeqportal.mimeeq;

import com.mimeeqportal.apikey.ApiKey;
import com.mimeeqportal.system.PortalConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.eclipse.microprofile.faulttolerance.Retry;

/**
 * HTTP and nothing else: one JAX-RS client for the whole application (timeouts from config, closed on
 * shutdown), the {@code X-API-KEY} header, and the raw answer. Turning answers into the portal's types
 * and outcomes is {@link MimeeqGateway}'s job. The only class that imports jakarta.ws.rs.client.
 *
 * <p>Retries (MicroProfile Fault Tolerance) sit here, around the wire: they hold no state shared between
 * tenants, so a per-method annotation is right for them. Each attempt is bounded by the connect and read
 * timeouts and by {@code portal.mimeeq.call-timeout-ms} over the whole answer. A 5xx or a timeout throws
 * {@link MimeeqTransportException}, which is what GETs are retried on (with jitter); a 4xx is an answer,
 * returned as it is and never retried. The circuit breaker and the bulkhead are per tenant, in
 * {@link TenantThrottle}, around the whole call with its retries. Every number can be overridden with
 * MicroProfile Config ({@code com.mimeeqportal.mimeeq.MimeeqHttpClient/get/Retry/maxRetries=…}), see
 * docs/configuration.md.
 */
@ApplicationScoped
public class MimeeqHttpClient {

    /** Jersey's switch for redirects; a redirect would carry X-API-KEY to wherever Location points. */
    static final String FOLLOW_REDIRECTS = "jersey.config.client.followRedirects";

    /** The default bound on one attempt ({@code portal.mimeeq.call-timeout-ms}). */
    public static final Duration CALL_TIMEOUT = Duration.ofSeconds(15);

    private final Client client;
    private final int maxBodyBytes;
    private final Duration callTimeout;

    @Inject
    public MimeeqHttpClient(PortalConfig config) {
        this(config.mimeeqConnectTimeout(), config.mimeeqReadTimeout(), config.mimeeqMaxResponseBytes(),
                config.mimeeqCallTimeout());
    }

    /** With the default cap of 5 MiB. */
    public MimeeqHttpClient(Duration connectTimeout, Duration readTimeout) {
        this(connectTimeout, readTimeout, 5 * 1024 * 1024);
    }

    public MimeeqHttpClient(Duration connectTimeout, Duration readTimeout, int maxBodyBytes) {
        this(connectTimeout, readTimeout, maxBodyBytes, CALL_TIMEOUT);
    }

    public MimeeqHttpClient(Duration connectTimeout, Duration readTimeout, int maxBodyBytes, Duration callTimeout) {
        this.client = ClientBuilder.newBuilder()
                .connectTimeout(connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .property(FOLLOW_REDIRECTS, false)
                .build();
        this.maxBodyBytes = maxBodyBytes;
        this.callTimeout = callTimeout;
    }

    protected MimeeqHttpClient() {
        this.client = null;
        this.maxBodyBytes = 0;
        this.callTimeout = CALL_TIMEOUT;
    }

    @Retry(maxRetries = 2, delay = 150, jitter = 100, maxDuration = 30_000, retryOn = MimeeqTransportException.class)
    public HttpReply get(URI base, String path, Map<String, String> query, ApiKey key, String correlationId) {
        return exchange(base, path, query, key, correlationId, Invocation.Builder::get);
    }

    /** Not idempotent in Mimeeq's eyes (it creates a short code), so never retried. */
    public HttpReply post(URI base, String path, Map<String, String> query, ApiKey key, String correlationId) {
        return exchange(base, path, query, key, correlationId, request -> request.post(Entity.text("")));
    }

    private HttpReply exchange(URI base, String path, Map<String, String> query, ApiKey key, String correlationId,
                               Function<Invocation.Builder, Response> method) {
        long started = System.nanoTime();
        WebTarget target = client.target(base).path(path);
        for (Map.Entry<String, String> parameter : query.entrySet()) {
            target = target.queryParam(parameter.getKey(), parameter.getValue());
        }
        Invocation.Builder request = target.request(MediaType.APPLICATION_JSON_TYPE)
                .header("X-API-KEY", key.reveal())
                .header("X-Correlation-Id", correlationId);
        HttpReply reply;
        try (Response response = method.apply(request)) {
            Optional<String> body = response.hasEntity()
                    ? bounded(response.readEntity(InputStream.class), started + callTimeout.toNanos()) : Optional.of("");
            reply = new HttpReply(response.getStatus(), body.orElse(""), response.getHeaderString("Retry-After"),
                    since(started), body.isEmpty());
        } catch (ProcessingException | IOException e) {
            throw new MimeeqTransportException(isTimeout(e) ? MimeeqTransportException.Kind.TIMEOUT
                    : MimeeqTransportException.Kind.UNREACHABLE, since(started));
        }
        if (reply.status() >= 500) {
            throw new MimeeqTransportException(reply);
        }
        return reply;
    }

    /**
     * The body as text, or empty when it is longer than the cap: an answer no endpoint of Mimeeq gives, which
     * must not fill the heap. Reading stops one byte past the cap, whatever Content-Length claimed, and at the
     * attempt's deadline: an upstream that trickles its answer a byte at a time passes every read timeout.
     *
     * <p>The deadline is checked here rather than with Fault Tolerance's {@code @Timeout}: in Payara that
     * schedules a task on a managed executor for every call, and capturing the task's context scans the class
     * path with a ServiceLoader each time, a tenth of the portal's CPU under lookup load (a JFR profile).
     */
    private Optional<String> bounded(InputStream in, long deadlineNanos) throws IOException {
        try (in; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            byte[] chunk = new byte[8192];
            for (int read; (read = in.read(chunk, 0, Math.min(chunk.length, maxBodyBytes + 1 - out.size()))) > 0; ) {
                out.write(chunk, 0, read);
                if (out.size() > maxBodyBytes) {
                    return Optional.empty();
                }
                if (System.nanoTime() - deadlineNanos > 0) {
                    throw new SocketTimeoutException("The answer took longer than " + callTimeout.toMillis() + " ms");
                }
            }
            return Optional.of(out.toString(StandardCharsets.UTF_8));
        }
    }

    private static boolean isTimeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SocketTimeoutException || t instanceof HttpTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static Duration since(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }

    @PreDestroy
    void close() {
        client.close();
    }

    /**
     * A status, a body and the one header the portal acts on. {@code oversized}: the body was over the cap and
     * was not kept; the answer counts as malformed.
     */
    public record HttpReply(int status, String body, String retryAfter, Duration elapsed, boolean oversized) {

        public HttpReply(int status, String body, String retryAfter, Duration elapsed) {
            this(status, body, retryAfter, elapsed, false);
        }
    }
}
