package com.mimeeqportal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mimeeqportal.web.ApplicationLiveness.OldCollection;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When a full heap is a reason to restart, and when it is only what the last collection, long ago, saw. */
class ApplicationLivenessTest {

    private static final long NOW = 600_000;
    /** The test JVM's old generation holds something after a collection, and is nowhere near full. */
    private static final double HEAP_ROOM = 0.9;

    @Test
    void aHeapFullAfterARecentCollectionIsExhausted() {
        assertTrue(ApplicationLiveness.heapExhausted(Optional.of(new OldCollection(NOW - 5_000, 0.99)), NOW));
        assertTrue(ApplicationLiveness.heapExhausted(Optional.of(new OldCollection(NOW - 60_000, 0.95)), NOW));
    }

    @Test
    void aFullHeapSeenByACollectionLongAgoIsNotExhaustedForEver() {
        // As after a storm of 60,000 connections: the last full collection found the old generation full, the
        // objects died later, and no collection has run since because nothing pressed for one.
        assertFalse(ApplicationLiveness.heapExhausted(Optional.of(new OldCollection(NOW - 61_000, 1.0)), NOW));
        assertFalse(ApplicationLiveness.heapExhausted(Optional.empty(), NOW));
    }

    @Test
    void aHeapWithRoomIsNotExhaustedHoweverRecentTheCollection() {
        assertFalse(ApplicationLiveness.heapExhausted(Optional.of(new OldCollection(NOW, 0.94)), NOW));
    }

    @Test
    void onlyTheOldGenerationsFigureCounts() {
        Map<String, MemoryUsage> afterGc = Map.of(
                "Eden Space", new MemoryUsage(0, 100, 100, 100),
                "Tenured Gen", new MemoryUsage(0, 300, 400, 400),
                "Metaspace", new MemoryUsage(0, 90, 100, -1));
        assertEquals(0.75, ApplicationLiveness.oldGenerationShare(afterGc), 1e-9);
        assertEquals(0.5, ApplicationLiveness.oldGenerationShare(Map.of("G1 Old Gen", new MemoryUsage(0, 50, 80, 100))),
                1e-9);
    }

    @Test
    void theOldGenerationsCollectionIsFoundInThisJvm() {
        System.gc();
        Optional<OldCollection> last = ApplicationLiveness.lastOldCollection(
                ManagementFactory.getGarbageCollectorMXBeans());
        assertTrue(last.isPresent(), "a full collection just ran");
        assertTrue(ManagementFactory.getRuntimeMXBean().getUptime() - last.get().endMillis() < 60_000);
        assertTrue(last.get().usedShare() > 0 && last.get().usedShare() < HEAP_ROOM, "share: " + last.get());
    }
}
