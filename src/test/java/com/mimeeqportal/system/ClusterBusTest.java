package com.mimeeqportal.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Notices reach every subscriber of their topic, here and on the other instances; nothing else. */
class ClusterBusTest {

    @Test
    void aSingleInstanceDeliversToItsOwnSubscribersAtOnce() {
        ClusterBus bus = new ClusterBus();
        List<String> seen = new CopyOnWriteArrayList<>();
        bus.subscribe("cache-evict", seen::add);
        bus.subscribe("other", message -> seen.add("wrong topic " + message));
        bus.publish("cache-evict", "tenant-1");
        assertEquals(List.of("tenant-1"), seen);
    }

    @Test
    void aFailingSubscriberDoesNotKeepTheOthersFromTheNotice() {
        ClusterBus bus = new ClusterBus();
        List<String> seen = new CopyOnWriteArrayList<>();
        bus.subscribe("cache-evict", message -> {
            throw new IllegalStateException("broken subscriber");
        });
        bus.subscribe("cache-evict", seen::add);
        bus.publish("cache-evict", "tenant-1");
        assertEquals(List.of("tenant-1"), seen);
    }

    @Test
    void inAClusterEveryInstanceGetsTheNoticeOnce() {
        List<ClusterBus> cluster = LinkedBuses.of(3);
        List<String> seen = new CopyOnWriteArrayList<>();
        for (int i = 0; i < cluster.size(); i++) {
            String instance = "instance " + i;
            cluster.get(i).subscribe("cache-evict", message -> seen.add(instance + ": " + message));
        }
        cluster.get(1).publish("cache-evict", "tenant-1");
        assertEquals(List.of("instance 1: tenant-1", "instance 0: tenant-1", "instance 2: tenant-1"), seen);
    }

    @Test
    void aTopicIsOneNonBlankLine() {
        ClusterBus bus = new ClusterBus();
        assertThrows(IllegalArgumentException.class, () -> bus.publish("two\nlines", "x"));
        assertThrows(IllegalArgumentException.class, () -> bus.subscribe(" ", message -> { }));
    }
}
