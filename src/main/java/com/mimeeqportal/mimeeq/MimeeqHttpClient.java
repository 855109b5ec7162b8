package com.mimeeqportal.mimeeq;

import com.mimeeqportal.apikey.ApiKey;
import com.mimeeqportal.system.PortalConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * HTTP and nothing else: one JAX-RS client for the whole application (timeouts from config, closed on
 * shutdown), the {@code X-API-KEY} header, and the raw answer. Turning answers into the portal's types
 * and outcomes is {@link MimeeqGateway}'s job. The only class that imports jakarta.ws.rs.client.
 */
@ApplicationScoped
public class MimeeqHttpClient {

    private final Client client;

    @Inject
    public MimeeqHttpClient(PortalConfig config) {
        this(config.mimeeqConnectTimeout(), config.mimeeqReadTimeout());
    }

    public MimeeqHttpClient(Duration connectTimeout, Duration readTimeout) {
        this.client = ClientBuilder.newBuilder()
                .connectTimeout(connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .build();
    }

    protected MimeeqHttpClient() {
        this.client = null;
    }

    public HttpReply get(URI base, String path, Map<String, String> query, ApiKey key, String correlationId) {
        long started = System.nanoTime();
        WebTarget target = client.target(base).path(path);
        for (Map.Entry<String, String> parameter : query.entrySet()) {
            target = target.queryParam(parameter.getKey(), parameter.getValue());
        }
        try (Response response = target.request(MediaType.APPLICATION_JSON_TYPE)
                .header("X-API-KEY", key.reveal())
                .header("X-Correlation-Id", correlationId)
                .get()) {
            String body = response.hasEntity() ? response.readEntity(String.class) : "";
            return new HttpReply(response.getStatus(), body, response.getHeaderString("Retry-After"), since(started));
        } catch (ProcessingException e) {
            throw new MimeeqTransportException(isTimeout(e) ? MimeeqTransportException.Kind.TIMEOUT
                    : MimeeqTransportException.Kind.UNREACHABLE, since(started));
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

    /** A status, a body and the one header the portal acts on. */
    public record HttpReply(int status, String body, String retryAfter, Duration elapsed) {
    }
}
