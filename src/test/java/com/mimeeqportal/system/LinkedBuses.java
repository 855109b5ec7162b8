package com.mimeeqportal.system;

import java.util.ArrayList;
import java.util.List;

/**
 * A cluster in one JVM, for unit tests: {@code n} {@link ClusterBus}es, one per pretend instance, where a notice
 * published on one reaches the subscribers of all, as the data grid's topic makes it in a real cluster.
 */
public final class LinkedBuses {

    private LinkedBuses() {
    }

    public static List<ClusterBus> of(int n) {
        List<ClusterBus> buses = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            buses.add(new ClusterBus());
        }
        for (ClusterBus bus : buses) {
            bus.sendToOthersWith((topic, message) -> buses.stream().filter(other -> other != bus)
                    .forEach(other -> other.deliver(topic, message)));
        }
        return buses;
    }
}
