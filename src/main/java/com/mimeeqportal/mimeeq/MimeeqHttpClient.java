package com.mimeeqportal.mimeeq;

import com.mimeeqportal.apikey.ApiKey;
import com.mimeeqportal.system.PortalConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * HTTP and nothing else: the JDK's {@link HttpURLConnection} (timeouts from config, the JDK's keep-alive pool,
 * no redirects), the {@code X-API-KEY} header, and the raw answer. Turning answers into the portal's types
 * and outcomes is {@link MimeeqGateway}'s job. The only class that opens HTTP connections.
 *
 * <p>Not the JAX-RS client it once was: Jersey wrapped each call in a request scope and provider lookups that
 * cost about two thirds of the call's CPU in a profile of the lookup page, over the same HttpURLConnection.
 *
 * <p>Retries sit here, around the wire: a GET that ends in a 5xx or a timeout
 * ({@link MimeeqTransportException}) is tried again, after a pause with jitter, up to the {@link Retries} from
 * {@code portal.mimeeq.retries} and the settings beside it; a 4xx is an answer, returned as it is and never
 * retried, and a POST (it creates a short code) never is. Each attempt is bounded by the connect and read
 * timeouts and by {@code portal.mimeeq.call-timeout-ms} over the whole answer. The circuit breaker and the
 * bulkhead are per tenant, in {@link TenantThrottle}, around the whole call with its retries.
 *
 * <p>The retries were MicroProfile Fault Tolerance's {@code @Retry} until a profile of the lookup page put its
 * interceptor at about a twentieth of the portal's CPU, as much as the call itself; a loop does the same.
 */
@ApplicationScoped
public class MimeeqHttpClient {

    /** The default bound on one attempt ({@code portal.mimeeq.call-timeout-ms}). */
    public static final Duration CALL_TIMEOUT = Duration.ofSeconds(15);

    private final Retries retries;
    private final int connectTimeoutMillis;
    private final int readTimeoutMillis;
    private final int maxBodyBytes;
    private final Duration callTimeout;

    @Inject
    public MimeeqHttpClient(PortalConfig config) {
        this(config.mimeeqConnectTimeout(), config.mimeeqReadTimeout(), config.mimeeqMaxResponseBytes(),
                config.mimeeqCallTimeout(), new Retries(config.mimeeqRetries(), config.mimeeqRetryDelay(),
                        config.mimeeqRetryJitter(), config.mimeeqRetryMaxDuration()));
    }

    /** With the default cap of 5 MiB. */
    public MimeeqHttpClient(Duration connectTimeout, Duration readTimeout) {
        this(connectTimeout, readTimeout, 5 * 1024 * 1024);
    }

    public MimeeqHttpClient(Duration connectTimeout, Duration readTimeout, int maxBodyBytes) {
        this(connectTimeout, readTimeout, maxBodyBytes, CALL_TIMEOUT);
    }

    /** Without retries. */
    public MimeeqHttpClient(Duration connectTimeout, Duration readTimeout, int maxBodyBytes, Duration callTimeout) {
        this(connectTimeout, readTimeout, maxBodyBytes, callTimeout, Retries.NONE);
    }

    public MimeeqHttpClient(Duration connectTimeout, Duration readTimeout, int maxBodyBytes, Duration callTimeout,
                            Retries retries) {
        this.retries = retries;
        this.connectTimeoutMillis = Math.toIntExact(connectTimeout.toMillis());
        this.readTimeoutMillis = Math.toIntExact(readTimeout.toMillis());
        this.maxBodyBytes = maxBodyBytes;
        this.callTimeout = callTimeout;
    }

    protected MimeeqHttpClient() {
        this.retries = Retries.NONE;
        this.connectTimeoutMillis = 0;
        this.readTimeoutMillis = 0;
        this.maxBodyBytes = 0;
        this.callTimeout = CALL_TIMEOUT;
    }

    public HttpReply get(URI base, String path, Map<String, String> query, ApiKey key, String correlationId) {
        long started = System.nanoTime();
        for (int attempt = 0; ; attempt++) {
            try {
                return exchange("GET", base, path, query, key, correlationId);
            } catch (MimeeqTransportException failed) {
                Duration pause = retries.pause();
                if (attempt >= retries.max() || since(started).plus(pause).compareTo(retries.maxDuration()) > 0) {
                    throw failed;
                }
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw failed;
                }
            }
        }
    }

    /**
     * How often a failed GET is tried again ({@code max}), after a pause of {@code delay} ± {@code jitter}, and
     * not once {@code maxDuration} has passed since the first attempt began.
     */
    public record Retries(int max, Duration delay, Duration jitter, Duration maxDuration) {

        public static final Retries NONE = new Retries(0, Duration.ZERO, Duration.ZERO, Duration.ZERO);
        public static final Retries DEFAULT = new Retries(2, Duration.ofMillis(150), Duration.ofMillis(100),
                Duration.ofSeconds(30));

        public Retries {
            if (max < 0 || delay.isNegative() || jitter.isNegative() || maxDuration.isNegative()) {
                throw new IllegalArgumentException("Retries need max, delay, jitter and maxDuration ≥ 0: "
                        + max + ", " + delay + ", " + jitter + ", " + maxDuration);
            }
        }

        Duration pause() {
            long jitterMillis = jitter.toMillis();
            Duration pause = jitterMillis == 0 ? delay
                    : delay.plusMillis(ThreadLocalRandom.current().nextLong(-jitterMillis, jitterMillis + 1));
            return pause.isNegative() ? Duration.ZERO : pause;
        }
    }

    /** Not idempotent in Mimeeq's eyes (it creates a short code), so never retried. */
    public HttpReply post(URI base, String path, Map<String, String> query, ApiKey key, String correlationId) {
        return exchange("POST", base, path, query, key, correlationId);
    }

    private HttpReply exchange(String method, URI base, String path, Map<String, String> query, ApiKey key,
                               String correlationId) {
        long started = System.nanoTime();
        HttpReply reply;
        HttpURLConnection connection = null;
        try {
            connection = (HttpURLConnection) target(base, path, query).toURL().openConnection();
            connection.setConnectTimeout(connectTimeoutMillis);
            connection.setReadTimeout(readTimeoutMillis);
            // A redirect would carry X-API-KEY to wherever Location points.
            connection.setInstanceFollowRedirects(false);
            connection.setUseCaches(false);
            connection.setRequestMethod(method);
            connection.setRequestProperty("Accept", "application/json");
            connection.setRequestProperty("X-API-KEY", key.reveal());
            connection.setRequestProperty("X-Correlation-Id", correlationId);
            if (method.equals("POST")) {
                // An empty body, buffered (not streamed): in streaming mode a 401 would arrive as an exception.
                // Typed as text, as the JAX-RS client sent it: untyped, HttpURLConnection calls it a form.
                connection.setRequestProperty("Content-Type", "text/plain; charset=UTF-8");
                connection.setDoOutput(true);
                connection.getOutputStream().close();
            }
            int status = connection.getResponseCode();
            InputStream stream = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
            Optional<String> body = stream == null ? Optional.of("")
                    : bounded(stream, started + callTimeout.toNanos());
            if (body.isEmpty()) {
                // Not read to the end: the connection can't go back to the pool.
                connection.disconnect();
            }
            reply = new HttpReply(status, body.orElse(""), connection.getHeaderField("Retry-After"), since(started),
                    body.isEmpty());
        } catch (IOException e) {
            if (connection != null) {
                connection.disconnect();
            }
            throw new MimeeqTransportException(isTimeout(e) ? MimeeqTransportException.Kind.TIMEOUT
                    : MimeeqTransportException.Kind.UNREACHABLE, since(started));
        }
        if (reply.status() >= 500) {
            throw new MimeeqTransportException(reply);
        }
        return reply;
    }

    /** {@code base} (which may have a path of its own) + {@code path} + the query, each value percent-encoded. */
    static URI target(URI base, String path, Map<String, String> query) {
        StringBuilder url = new StringBuilder(base.toString());
        if (url.isEmpty() || url.charAt(url.length() - 1) != '/') {
            url.append('/');
        }
        url.append(path.startsWith("/") ? path.substring(1) : path);
        char separator = '?';
        for (Map.Entry<String, String> parameter : query.entrySet()) {
            url.append(separator).append(encode(parameter.getKey())).append('=').append(encode(parameter.getValue()));
            separator = '&';
        }
        return URI.create(url.toString());
    }

    private static String encode(String text) {
        // Form encoding writes a space as "+"; in a query string of a URI it is "%20" for every server.
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
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
            if (t instanceof SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static Duration since(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
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
