package com.mimeeqportal.mimeeq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** How Mimeeq's status codes and error bodies are read (docs/mimeeq-api.md, "Errors"). */
class MimeeqReplyTranslationTest {

    private static MimeeqFailure failure(int status, String body, String retryAfter) {
        var reply = new MimeeqHttpClient.HttpReply(status, body, retryAfter, Duration.ofMillis(5));
        var result = MimeeqReplyTranslation.translate(reply, MimeeqReplyTranslation.orMalformed(s -> Optional.of(s)));
        return assertInstanceOf(MimeeqResult.Failed.class, result).failure();
    }

    @ParameterizedTest
    @CsvSource({"400,BAD_REQUEST", "401,INVALID_KEY", "403,FORBIDDEN", "404,NOT_FOUND", "429,RATE_LIMITED",
            "500,UPSTREAM_ERROR", "502,UPSTREAM_ERROR", "503,UPSTREAM_ERROR", "418,UPSTREAM_ERROR"})
    void statusCodesBecomeFailureKinds(int status, MimeeqFailure.Kind kind) {
        assertEquals(kind, failure(status, "", null).kind());
    }

    @Test
    void readsBothErrorBodyShapes() {
        assertEquals("Invalid API Key", failure(401, "{\"status\":401,\"message\":\"Invalid API Key\"}", null)
                .upstreamMessage());
        assertEquals("Quantity must be positive", failure(400,
                "{\"message\":\"Quantity must be positive\",\"code\":\"VALIDATION_ERROR\",\"payload\":[]}", null)
                .upstreamMessage());
        assertNull(failure(500, "<html>Internal server error</html>", null).upstreamMessage());
        assertNull(failure(500, "[1,2]", null).upstreamMessage());
    }

    @Test
    void anInactiveProductIsNotAnUnknownItem() {
        assertEquals(MimeeqFailure.Kind.PRODUCT_INACTIVE,
                failure(404, "{\"status\":404,\"message\":\"Product PROD-1 is inactive\"}", null).kind());
        assertEquals(MimeeqFailure.Kind.PRODUCT_INACTIVE,
                failure(400, "{\"message\":\"Product is INACTIVE\",\"code\":\"X\",\"payload\":[]}", null).kind());
        assertEquals(MimeeqFailure.Kind.NOT_FOUND,
                failure(404, "{\"status\":404,\"message\":\"Short code not found\"}", null).kind());
        assertEquals(MimeeqFailure.Kind.NOT_FOUND, failure(404, "{}", null).kind());
    }

    @Test
    void honoursRetryAfterInSecondsAndBoundsIt() {
        assertEquals(Duration.ofSeconds(2), failure(429, "{}", "2").retryAfter());
        assertEquals(Duration.ofHours(1), failure(429, "{}", "999999").retryAfter());
        assertNull(failure(429, "{}", "Wed, 21 Oct 2015 07:28:00 GMT").retryAfter());
        assertNull(failure(429, "{}", null).retryAfter());
    }

    @Test
    void aSuccessThatCannotBeReadIsMalformed() {
        var reply = new MimeeqHttpClient.HttpReply(200, "not json", null, Duration.ZERO);
        var result = MimeeqReplyTranslation.translate(reply, MimeeqReplyTranslation.orMalformed(ProductListTranslation::translate));
        assertEquals(MimeeqFailure.Kind.MALFORMED_RESPONSE,
                assertInstanceOf(MimeeqResult.Failed.class, result).failure().kind());
    }
}
