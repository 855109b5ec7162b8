package com.mimeeqportal.system;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Notices to every instance of the portal, this one included: "tenant X's cached catalog is stale", "the keyset
 * file changed". {@link #publish} runs the topic's subscribers here at once, on the calling thread, and on every
 * other instance of the cluster shortly after, on a thread of the data grid. In single-instance mode (and in
 * plain unit tests) only the first part happens: no Hazelcast is involved.
 *
 * <p>Notices are fire-and-forget. An instance that is down, or starts later, never sees them, so use them only
 * for what is also right after a restart: dropping a cache entry (a new instance starts with an empty cache),
 * re-reading a file (a new instance reads it at start), copying a short-lived limit. Subscribers must be quick
 * and must not throw (a throw is logged and the other subscribers still run). To evict a cache of your own on
 * every instance: {@code bus.subscribe("my-cache.evict", key -> cache.remove(key))} where the cache is built,
 * and {@code bus.publish("my-cache.evict", key)} where it goes stale. docs/clustering.md lists the topics.
 */
@ApplicationScoped
public class ClusterBus {

    private static final Logger LOG = Logger.getLogger(ClusterBus.class.getName());

    private final Map<String, List<Consumer<String>>> subscribers = new ConcurrentHashMap<>();
    /** Sends a notice to the other instances; nothing in single-instance mode. */
    private volatile BiConsumer<String, String> others = (topic, message) -> { };

    /** Runs {@code subscriber} with the message of every notice on {@code topic}, from any instance. */
    public void subscribe(String topic, Consumer<String> subscriber) {
        subscribers.computeIfAbsent(requireTopic(topic), t -> new CopyOnWriteArrayList<>())
                .add(Objects.requireNonNull(subscriber));
    }

    /** Delivers {@code message} to the subscribers of {@code topic} here and on every other instance. */
    public void publish(String topic, String message) {
        deliver(requireTopic(topic), Objects.requireNonNull(message));
        try {
            others.accept(topic, message);
        } catch (RuntimeException e) {
            // The grid is leaving (shutdown) or split; this instance is already served, the others restart clean.
            LOG.log(Level.WARNING, "Cluster notice " + topic + " could not be sent to the other instances", e);
        }
    }

    /** A notice from another instance (or this one): runs the topic's subscribers. */
    void deliver(String topic, String message) {
        for (Consumer<String> subscriber : subscribers.getOrDefault(topic, List.of())) {
            try {
                subscriber.accept(message);
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "A subscriber of cluster notice " + topic + " failed", e);
            }
        }
    }

    /** Cluster mode: from now on notices also go to the other instances through {@code sender}. */
    void sendToOthersWith(BiConsumer<String, String> sender) {
        this.others = Objects.requireNonNull(sender);
    }

    private static String requireTopic(String topic) {
        if (topic == null || topic.isBlank() || topic.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("A cluster notice topic is one non-blank line");
        }
        return topic;
    }
}
