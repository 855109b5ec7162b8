package com.mimeeqportal.mimeeq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Every price shape of docs/mimeeq-api.md, "Price" and "Decisions". */
class PriceTranslationTest {

    /**
     * A real-looking payload from Mimeeq's browser-SDK docs: strings and numbers mixed, open-ended last level
     * (docs/mimeeq-api.md, "Reading replies").
     */
    private static final String STANDARD = """
            {"price":338,"unitPrice":338,"currency":"EUR","deliveryTime":25,"vatType":"VAT_INCL","oneTimePrice":15,
             "levels":[{"quantityMin":"1","quantityMax":4,"discount":0,"price":338,"pricePart":0},
                       {"quantityMin":"5","quantityMax":9,"discount":0.2,"price":270,"pricePart":0},
                       {"quantityMin":"10","discount":0.27,"price":248,"pricePart":0}],
             "itemMasters":[{"code":"IM-1","deliveryTime":25,"dimensions":{"width":80}}],
             "groups":{"min":300},"somethingNew":true}
            """;

    @Test
    void readsAStandardPriceWithLevelsAndExtraFields() {
        PriceQuote quote = ok(PriceTranslation.translate(STANDARD));
        assertEquals(new BigDecimal("338"), quote.price());
        assertEquals(new BigDecimal("338"), quote.unitPrice());
        assertEquals("EUR", quote.currency());
        assertEquals("VAT_INCL", quote.vatType());
        assertEquals(new BigDecimal("15"), quote.oneTimePrice());
        assertEquals(new BigDecimal("25"), quote.deliveryTime());
        assertEquals(3, quote.levels().size());
        assertEquals(new BigDecimal("5"), quote.levels().get(1).quantityMin());
        assertTrue(quote.levels().get(2).openEnded());
    }

    @Test
    void picksTheActiveLevelAtTheBoundaries() {
        PriceQuote quote = ok(PriceTranslation.translate(STANDARD));
        assertEquals(new BigDecimal("338"), quote.activeLevel(new Quantity(4)).orElseThrow().price());
        assertEquals(new BigDecimal("270"), quote.activeLevel(new Quantity(5)).orElseThrow().price());
        assertEquals(new BigDecimal("270"), quote.activeLevel(new Quantity(9)).orElseThrow().price());
        assertEquals(new BigDecimal("248"), quote.activeLevel(new Quantity(10)).orElseThrow().price());
        assertEquals(new BigDecimal("248"), quote.activeLevel(new Quantity(1_000_000)).orElseThrow().price());
    }

    @Test
    void readsAModularPriceWithComponentsAndNumbersAsStrings() {
        PriceQuote quote = ok(PriceTranslation.translate("""
                {"price":"1200.50","currency":"PLN","components":[
                  {"unitPrice":"100","totalPrice":"200","quantity":"2","shortCode":"ABC123"},
                  {"unitPrice":1000.5,"totalPrice":1000.5,"quantity":1,"shortCode":"XYZ789"}]}
                """));
        assertEquals(new BigDecimal("1200.50"), quote.price());
        assertTrue(quote.levels().isEmpty());
        assertEquals(2, quote.components().size());
        assertEquals("ABC123", quote.components().get(0).shortCode());
        assertEquals(new BigDecimal("2"), quote.components().get(0).quantity());
        assertNull(quote.oneTimePrice());
    }

    @Test
    void aTwoHundredWithErrorsIsAFailureNotAZeroPrice() {
        MimeeqResult<PriceQuote> result = PriceTranslation.translate("""
                {"price":0,"levels":[],"currency":"EUR",
                 "errors":[{"code":"PRICING_SOURCE_REQUIRED","message":"A pricing source is required"}]}
                """);
        MimeeqFailure failure = assertInstanceOf(MimeeqResult.Failed.class, result).failure();
        assertEquals(MimeeqFailure.Kind.PRICING_REJECTED, failure.kind());
        assertEquals("A pricing source is required", failure.upstreamMessage());
        MimeeqFailure bare = assertInstanceOf(MimeeqResult.Failed.class,
                PriceTranslation.translate("{\"price\":0,\"errors\":[\"no source\"]}")).failure();
        assertEquals("no source", bare.upstreamMessage());
    }

    @Test
    void somethingWithoutAPriceIsMalformed() {
        for (String body : new String[] {"{}", "[]", "{\"price\":\"abc\"}", "<html>", ""}) {
            MimeeqFailure failure = assertInstanceOf(MimeeqResult.Failed.class, PriceTranslation.translate(body)).failure();
            assertEquals(MimeeqFailure.Kind.MALFORMED_RESPONSE, failure.kind(), body);
        }
    }

    private static PriceQuote ok(MimeeqResult<PriceQuote> result) {
        return (PriceQuote) assertInstanceOf(MimeeqResult.Ok.class, result).value();
    }
}
