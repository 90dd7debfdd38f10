package org.anpr.central.auth;

import org.anpr.protocol.ProtocolException;
import org.anpr.protocol.topic.Topic;
import org.anpr.protocol.topic.TopicKind.Direction;

/**
 * Who may do what: a gantry publishes only its own upstream topics and subscribes only to its
 * own downstream topics. Wildcards are refused in subscriptions: a gantry has exactly three
 * downstream topics and no business matching anyone else's.
 */
public final class TopicAcl {
    private TopicAcl() {
    }

    /** The parsed topic when {@code gantryId} may publish to {@code name}, else null. */
    public static Topic publishable(String gantryId, String name) {
        Topic topic = parse(name);
        return topic != null && topic.gantryId().equals(gantryId) && topic.kind().direction() == Direction.UPSTREAM ? topic : null;
    }

    /** The parsed topic when {@code gantryId} may subscribe to {@code filter}, else null. */
    public static Topic subscribable(String gantryId, String filter) {
        if (filter == null || filter.indexOf('+') >= 0 || filter.indexOf('#') >= 0) {
            return null;
        }
        Topic topic = parse(filter);
        return topic != null && topic.gantryId().equals(gantryId) && topic.kind().direction() == Direction.DOWNSTREAM ? topic : null;
    }

    private static Topic parse(String name) {
        try {
            return Topic.parse(name);
        } catch (ProtocolException e) {
            return null;
        }
    }
}
