package org.anpr.protocol.topic;

import org.anpr.protocol.ProtocolException;
import org.anpr.protocol.ProtocolException.Problem;

/**
 * One topic of the wire contract: {@code anpr/v1/{gantry}/{kind}}.
 *
 * @param gantryId the gantry the topic belongs to (publisher for upstream, recipient for downstream)
 * @param kind     what flows on it
 */
public record Topic(String gantryId, TopicKind kind) {
    public static final String PREFIX = "anpr/v1/";

    public Topic {
        String problem = GantryId.problemWith(gantryId);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        if (kind == null) {
            throw new IllegalArgumentException("topic kind is required");
        }
    }

    public static Topic of(String gantryId, TopicKind kind) {
        return new Topic(gantryId, kind);
    }

    /** Parses a topic name, naming what is wrong when it is not one of the contract's topics. */
    public static Topic parse(String name) throws ProtocolException {
        if (name == null || !name.startsWith(PREFIX)) {
            throw new ProtocolException(Problem.BAD_TOPIC, "", "topic '" + name + "' does not start with " + PREFIX);
        }
        String rest = name.substring(PREFIX.length());
        int slash = rest.indexOf('/');
        if (slash < 0 || rest.indexOf('/', slash + 1) >= 0) {
            throw new ProtocolException(Problem.BAD_TOPIC, "", "topic '" + name + "' is not " + PREFIX + "{gantry}/{kind}");
        }
        String gantry = rest.substring(0, slash);
        String problem = GantryId.problemWith(gantry);
        if (problem != null) {
            throw new ProtocolException(Problem.BAD_TOPIC, "", "topic '" + name + "': " + problem);
        }
        TopicKind kind = TopicKind.bySegment(rest.substring(slash + 1));
        if (kind == null) {
            throw new ProtocolException(Problem.BAD_TOPIC, "", "topic '" + name + "': unknown kind '" + rest.substring(slash + 1) + "'");
        }
        return new Topic(gantry, kind);
    }

    /** The subscription filter for every gantry's topics of one kind, e.g. {@code anpr/v1/+/reads}. */
    public static String filterAllGantries(TopicKind kind) {
        return PREFIX + "+/" + kind.segment();
    }

    /** The topic name as published. */
    public String name() {
        return PREFIX + gantryId + "/" + kind.segment();
    }

    @Override
    public String toString() {
        return name();
    }
}
