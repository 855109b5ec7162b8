package com.mimeeqportal.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** When a full heap is a reason to restart, and when it is only what the last collection, long ago, saw. */
class ApplicationLivenessTest {

    private static final long NOW = 600_000;

    @Test
    void aHeapFullAfterARecentCollectionIsExhausted() {
        assertTrue(ApplicationLiveness.heapExhausted(0.99, OptionalLong.of(NOW - 5_000), NOW));
        assertTrue(ApplicationLiveness.heapExhausted(0.95, OptionalLong.of(NOW - 60_000), NOW));
    }

    @Test
    void aFullHeapSeenByACollectionLongAgoIsNotExhaustedForEver() {
        // As after a storm of 60,000 connections: the last full collection found the old generation full, the
        // objects died later, and no collection has run since because nothing pressed for one.
        assertFalse(ApplicationLiveness.heapExhausted(1.0, OptionalLong.of(NOW - 61_000), NOW));
        assertFalse(ApplicationLiveness.heapExhausted(1.0, OptionalLong.empty(), NOW));
    }

    @Test
    void aHeapWithRoomIsNotExhaustedHoweverRecentTheCollection() {
        assertFalse(ApplicationLiveness.heapExhausted(0.94, OptionalLong.of(NOW), NOW));
    }

    @Test
    void theOldGenerationsCollectorIsFoundInThisJvm() {
        System.gc();
        OptionalLong last = ApplicationLiveness.lastOldCollectionEnd(ManagementFactory.getGarbageCollectorMXBeans());
        assertTrue(last.isPresent(), "a full collection just ran");
        assertTrue(ManagementFactory.getRuntimeMXBean().getUptime() - last.getAsLong() < 60_000);
    }
}
