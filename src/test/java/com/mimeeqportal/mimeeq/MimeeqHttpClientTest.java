package com.mimeeqportal.mimeeq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mimeeqportal.apikey.ApiKey;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The wire: answers past the size cap and redirects, against a local HTTP server. */
class MimeeqHttpClientTest {

    private HttpServer server;
    private URI base;
    private final AtomicReference<String> keyAtRedirectTarget = new AtomicReference<>();
    private final java.util.concurrent.atomic.AtomicInteger flakyAttempts = new java.util.concurrent.atomic.AtomicInteger();
    private final MimeeqHttpClient client = new MimeeqHttpClient(Duration.ofSeconds(2), Duration.ofSeconds(5), 4096);
    private final ApiKey key = new ApiKey("test-key-0123456789abcdef");

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/big", exchange -> answer(exchange, 200, "[" + "1,".repeat(10_000) + "1]"));
        server.createContext("/small", exchange -> answer(exchange, 200, "[1,2,3]"));
        server.createContext("/echo", exchange -> {
            StringBuilder decoded = new StringBuilder(exchange.getRequestMethod()).append(' ');
            for (String pair : exchange.getRequestURI().getRawQuery().split("&")) {
                String[] parts = pair.split("=", 2);
                decoded.append(java.net.URLDecoder.decode(parts[0].replace("+", "%2B"), StandardCharsets.UTF_8)).append('=')
                        .append(java.net.URLDecoder.decode(parts[1].replace("+", "%2B"), StandardCharsets.UTF_8)).append('|');
            }
            if ("POST".equals(exchange.getRequestMethod())) {
                decoded.append(" type=").append(exchange.getRequestHeaders().getFirst("Content-Type"));
            }
            decoded.append(" key=").append(exchange.getRequestHeaders().getFirst("X-API-KEY"))
                    .append(" correlation=").append(exchange.getRequestHeaders().getFirst("X-Correlation-Id"));
            answer(exchange, 200, decoded.toString());
        });
        server.createContext("/limited", exchange -> {
            exchange.getResponseHeaders().add("Retry-After", "7");
            answer(exchange, 429, "{\"message\":\"slow down\"}");
        });
        server.createContext("/broken", exchange -> answer(exchange, 503, "down"));
        server.createContext("/flaky", exchange -> {
            int attempt = flakyAttempts.incrementAndGet();
            answer(exchange, attempt <= 2 ? 503 : 200, attempt <= 2 ? "down" : "[" + attempt + "]");
        });
        server.createContext("/moved", exchange -> {
            exchange.getResponseHeaders().add("Location", base + "/elsewhere");
            answer(exchange, 302, "");
        });
        server.createContext("/elsewhere", exchange -> {
            keyAtRedirectTarget.set(exchange.getRequestHeaders().getFirst("X-API-KEY"));
            answer(exchange, 200, "{}");
        });
        server.createContext("/trickle", exchange -> {
            // Headers at once, then a byte every 50 ms for 5 s: every read is within the read timeout.
            exchange.sendResponseHeaders(200, 100);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 100; i++) {
                    out.write('1');
                    out.flush();
                    Thread.sleep(50);
                }
            } catch (InterruptedException | IOException e) {
                // The client gave up, as it should.
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        base = URI.create("http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":" + server.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Test
    void anAnswerOverTheCapIsMalformedAndNotKept() {
        MimeeqHttpClient.HttpReply reply = client.get(base, "big", Map.of(), key, "c-1");
        assertTrue(reply.oversized());
        assertEquals("", reply.body());
        var result = MimeeqReplyTranslation.translate(reply, MimeeqReplyTranslation.orMalformed(s -> Optional.of(s)));
        assertEquals(MimeeqFailure.Kind.MALFORMED_RESPONSE, assertInstanceOf(MimeeqResult.Failed.class, result).failure().kind());

        MimeeqHttpClient.HttpReply small = client.get(base, "small", Map.of(), key, "c-2");
        assertFalse(small.oversized());
        assertEquals("[1,2,3]", small.body());
    }

    @Test
    void aRedirectIsNotFollowedSoTheKeyGoesNowhereElse() {
        MimeeqHttpClient.HttpReply reply = client.get(base, "moved", Map.of(), key, "c-3");
        assertEquals(302, reply.status());
        assertEquals(null, keyAtRedirectTarget.get(), "the key was not sent to the redirect's target");
    }

    @Test
    void anAnswerTrickledPastTheCallTimeoutIsATimeoutThoughEveryReadWasInTime() {
        MimeeqHttpClient patient = new MimeeqHttpClient(Duration.ofSeconds(2), Duration.ofSeconds(2), 4096,
                Duration.ofMillis(500));
        long started = System.nanoTime();
        MimeeqTransportException e = assertThrows(MimeeqTransportException.class,
                () -> patient.post(base, "trickle", Map.of(), key, "c-4"));
        assertEquals(MimeeqTransportException.Kind.TIMEOUT, e.kind());
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(millis < 2_000, "given up after " + millis + " ms, not after the whole 5 s answer");
    }

    @Test
    void theQueryArrivesAsSentWithTheKeyInItsHeader() {
        Map<String, String> query = new java.util.LinkedHashMap<>();
        query.put("configurationCode", "a+b/c==");
        query.put("shortCode", "ŻÓŁW 1&2=3");
        MimeeqHttpClient.HttpReply reply = client.post(base, "echo", query, key, "c-5");
        assertEquals(200, reply.status());
        assertEquals("POST configurationCode=a+b/c==|shortCode=ŻÓŁW 1&2=3| type=text/plain; charset=UTF-8 key="
                        + key.reveal() + " correlation=c-5",
                reply.body());
        assertEquals(URI.create(base + "/v1/echo?a=b%20c"),
                MimeeqHttpClient.target(URI.create(base + "/v1/"), "/echo", Map.of("a", "b c")));
    }

    @Test
    void aClientErrorIsAnAnswerWithItsBodyAndRetryAfter() {
        MimeeqHttpClient.HttpReply reply = client.get(base, "limited", Map.of(), key, "c-6");
        assertEquals(429, reply.status());
        assertEquals("{\"message\":\"slow down\"}", reply.body());
        assertEquals("7", reply.retryAfter());
        MimeeqTransportException e = assertThrows(MimeeqTransportException.class,
                () -> client.get(base, "broken", Map.of(), key, "c-7"));
        assertEquals(503, e.reply().status());
        assertEquals("down", e.reply().body());
    }

    @Test
    void aGetIsTriedAgainAfterA5xxAndAPostNever() {
        MimeeqHttpClient retrying = new MimeeqHttpClient(Duration.ofSeconds(2), Duration.ofSeconds(2), 4096,
                Duration.ofSeconds(5), new MimeeqHttpClient.Retries(2, Duration.ofMillis(20), Duration.ofMillis(10),
                Duration.ofSeconds(10)));
        MimeeqHttpClient.HttpReply reply = retrying.get(base, "flaky", Map.of(), key, "c-8");
        assertEquals(200, reply.status());
        assertEquals("[3]", reply.body(), "two 503s, then the answer");

        flakyAttempts.set(0);
        assertThrows(MimeeqTransportException.class, () -> retrying.post(base, "flaky", Map.of(), key, "c-9"));
        assertEquals(1, flakyAttempts.get(), "a POST creates a short code: never sent twice");

        assertEquals(429, retrying.get(base, "limited", Map.of(), key, "c-10").status(), "a 4xx is an answer");
    }

    @Test
    void retriesStopAtTheirCountAndTheirTime() {
        MimeeqHttpClient once = new MimeeqHttpClient(Duration.ofSeconds(2), Duration.ofSeconds(2), 4096,
                Duration.ofSeconds(5), new MimeeqHttpClient.Retries(1, Duration.ofMillis(10), Duration.ZERO,
                Duration.ofSeconds(10)));
        assertThrows(MimeeqTransportException.class, () -> once.get(base, "flaky", Map.of(), key, "c-11"));
        assertEquals(2, flakyAttempts.get(), "one retry");

        flakyAttempts.set(0);
        MimeeqHttpClient brief = new MimeeqHttpClient(Duration.ofSeconds(2), Duration.ofSeconds(2), 4096,
                Duration.ofSeconds(5), new MimeeqHttpClient.Retries(5, Duration.ofMillis(200), Duration.ZERO,
                Duration.ofMillis(100)));
        assertThrows(MimeeqTransportException.class, () -> brief.get(base, "flaky", Map.of(), key, "c-12"));
        assertEquals(1, flakyAttempts.get(), "no retry that would end past maxDuration");
    }
}
