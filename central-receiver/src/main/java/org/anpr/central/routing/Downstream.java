package org.anpr.central.routing;

import java.util.Set;
import org.anpr.protocol.topic.TopicKind;

/** The way to the gantries: implemented by the MQTT endpoint's session registry. */
public interface Downstream {
    /**
     * Queues {@code message} in the gantry's session when it has subscribed to the message's
     * topic (delivered now if online, on reconnect if its session is persistent).
     *
     * @return false when no session of that gantry subscribes to the topic, or its queue is full
     *         ({@code mqtt.maxQueuedPerSession}): the caller keeps it
     */
    boolean send(String gantryId, OutboundMessage message);

    /** Gantries connected right now and subscribed to their own topic of {@code kind}. */
    Set<String> onlineSubscribers(TopicKind kind);

    /** Whether one gantry is connected and subscribed to its topic of {@code kind}. */
    default boolean isOnlineSubscriber(String gantryId, TopicKind kind) {
        return onlineSubscribers(kind).contains(gantryId);
    }

    /** Hears about gantries becoming able (or unable) to receive. */
    interface Listener {
        /** A gantry's session subscribes to its topic of {@code kind}, or reconnects with it. */
        void onReady(String gantryId, TopicKind kind);

        /** A gantry's connection is gone. */
        default void onOffline(String gantryId) {
        }
    }
}
