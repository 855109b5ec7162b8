package com.mimeeqportal.system;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.topic.ITopic;
import java.util.Optional;
import java.util.UUID;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * The only class that touches Hazelcast: Payara Micro's own data grid, bound by Payara at JNDI name
 * {@code payara/Hazelcast} when it runs (not with {@code --nohazelcast}). It carries {@link ClusterBus} notices
 * over one Hazelcast topic; each instance skips its own notices there, which it has already delivered locally.
 */
final class GridTransport {

    static final String JNDI_NAME = "payara/Hazelcast";
    static final String TOPIC = "mimeeq-portal.cluster-bus";

    private GridTransport() {
    }

    /** Payara's running data grid, if there is one. */
    static Optional<HazelcastInstance> grid() {
        try {
            Object found = new InitialContext().lookup(JNDI_NAME);
            if (found instanceof HazelcastInstance grid && grid.getLifecycleService().isRunning()) {
                return Optional.of(grid);
            }
            return Optional.empty();
        } catch (NamingException | LinkageError e) {
            return Optional.empty();
        }
    }

    /** How many members the data grid has, or 0 without one. */
    static int members() {
        return grid().map(grid -> grid.getCluster().getMembers().size()).orElse(0);
    }

    /** Connects {@code bus} to the other instances through the grid; false when no grid runs. */
    static boolean connect(ClusterBus bus) {
        Optional<HazelcastInstance> found = grid();
        if (found.isEmpty()) {
            return false;
        }
        HazelcastInstance grid = found.get();
        ITopic<String> topic = grid.getTopic(TOPIC);
        UUID self = grid.getCluster().getLocalMember().getUuid();
        topic.addMessageListener(message -> {
            if (message.getPublishingMember() == null || !self.equals(message.getPublishingMember().getUuid())) {
                String text = message.getMessageObject();
                int newline = text.indexOf('\n');
                if (newline > 0) {
                    bus.deliver(text.substring(0, newline), text.substring(newline + 1));
                }
            }
        });
        bus.sendToOthersWith((name, message) -> topic.publish(name + "\n" + message));
        return true;
    }
}
