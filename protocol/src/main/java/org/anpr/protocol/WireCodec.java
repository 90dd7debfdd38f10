package org.anpr.protocol;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import org.anpr.protocol.ProtocolException.Problem;
import org.anpr.protocol.topic.Topic;
import org.anpr.protocol.topic.TopicKind;
import org.anpr.protocol.v1.ConfigPush;
import org.anpr.protocol.v1.Envelope;
import org.anpr.protocol.v1.GantryStatus;
import org.anpr.protocol.v1.HotlistAlert;
import org.anpr.protocol.v1.HotlistDelta;
import org.anpr.protocol.v1.PlateReadBatch;
import org.anpr.protocol.v1.SectionPassage;
import org.anpr.protocol.v1.SectionViolation;

/**
 * Encodes payloads into schema-versioned envelopes and decodes them back, validating both ways.
 *
 * <p>Thread-safe and allocation-light; share one instance. Decoding bad bytes never throws
 * anything but {@link ProtocolException}.
 */
public final class WireCodec {
    /** Protobuf's default recursion limit is 100; our schema nests 4 deep at most. */
    private static final int RECURSION_LIMIT = 16;

    private final CodecLimits limits;
    private final MessageValidator validator;

    public WireCodec() {
        this(CodecLimits.DEFAULTS);
    }

    public WireCodec(CodecLimits limits) {
        this.limits = limits;
        this.validator = new MessageValidator(limits);
    }

    public CodecLimits limits() {
        return limits;
    }

    public MessageValidator validator() {
        return validator;
    }

    /** Wraps a payload in an envelope of the current schema version. */
    public static Envelope wrap(Message payload, long sentAtMicros) {
        Envelope.Builder env = Envelope.newBuilder().setSchemaVersion(SchemaVersion.CURRENT).setSentAtMicros(sentAtMicros);
        if (payload instanceof PlateReadBatch m) {
            env.setReads(m);
        } else if (payload instanceof HotlistAlert m) {
            env.setAlert(m);
        } else if (payload instanceof SectionPassage m) {
            env.setPassage(m);
        } else if (payload instanceof SectionViolation m) {
            env.setViolation(m);
        } else if (payload instanceof GantryStatus m) {
            env.setStatus(m);
        } else if (payload instanceof HotlistDelta m) {
            env.setHotlistDelta(m);
        } else if (payload instanceof ConfigPush m) {
            env.setConfigPush(m);
        } else {
            throw new IllegalArgumentException("not a wire-contract payload: " + payload.getClass().getName());
        }
        return env.build();
    }

    /** Validates and encodes a payload; a sender never puts an invalid message on the wire. */
    public byte[] encode(Message payload) throws ProtocolException {
        return encode(wrap(payload, System.currentTimeMillis() * 1000));
    }

    public byte[] encode(Envelope envelope) throws ProtocolException {
        validate(envelope);
        int size = envelope.getSerializedSize();
        if (size > limits.maxMessageBytes()) {
            throw new ProtocolException(Problem.OVERSIZE_MESSAGE, "", size + " bytes, at most " + limits.maxMessageBytes());
        }
        return envelope.toByteArray();
    }

    /** Decodes and validates an envelope from untrusted bytes. */
    public Envelope decode(byte[] bytes) throws ProtocolException {
        return decode(bytes, 0, bytes == null ? 0 : bytes.length);
    }

    public Envelope decode(byte[] bytes, int offset, int length) throws ProtocolException {
        if (bytes == null || length == 0) {
            throw new ProtocolException(Problem.EMPTY, "", "message is empty");
        }
        if (length > limits.maxMessageBytes()) {
            throw new ProtocolException(Problem.OVERSIZE_MESSAGE, "", length + " bytes, at most " + limits.maxMessageBytes());
        }
        Envelope envelope;
        try {
            CodedInputStream in = CodedInputStream.newInstance(bytes, offset, length);
            in.setRecursionLimit(RECURSION_LIMIT);
            in.setSizeLimit(length);
            envelope = Envelope.parseFrom(in);
            in.checkLastTagWas(0);
        } catch (InvalidProtocolBufferException e) {
            throw new ProtocolException(Problem.MALFORMED, "", "not a valid envelope (" + e.getMessage() + ")", e);
        } catch (java.io.IOException | RuntimeException e) {
            // Protobuf documents only InvalidProtocolBufferException; anything else from untrusted
            // bytes is still the sender's fault, never the receiver's crash.
            throw new ProtocolException(Problem.MALFORMED, "", "not a valid envelope (" + e + ")", e);
        }
        validate(envelope);
        return envelope;
    }

    /**
     * Decodes a message received on {@code topic}: the payload must be the topic's kind and
     * belong to the topic's gantry.
     */
    public Envelope decode(Topic topic, byte[] bytes) throws ProtocolException {
        Envelope envelope = decode(bytes);
        TopicKind kind = topic.kind();
        if (envelope.getPayloadCase() != kind.payload()) {
            throw new ProtocolException(Problem.WRONG_PAYLOAD_FOR_TOPIC, "payload",
                    "topic " + topic + " carries " + kind.payload() + ", got " + envelope.getPayloadCase());
        }
        String misowned = misowned(envelope, kind, topic.gantryId());
        if (misowned != null) {
            throw new ProtocolException(Problem.INVALID_VALUE, misowned.substring(0, misowned.indexOf(' ')),
                    misowned.substring(misowned.indexOf(' ') + 1));
        }
        return envelope;
    }

    /**
     * The first gantry id in the payload that the topic's gantry may not speak for, as
     * {@code "field message"}, or null. Every read counts, not only the first of a batch: a gantry
     * speaks only for itself (its reads, alerts, entry passages, violations as the exit, its status);
     * the entry read a passage carries is the entry gantry's; the passage routed to an exit gantry
     * names it.
     */
    private static String misowned(Envelope envelope, TopicKind kind, String gantry) {
        return switch (kind) {
            case READS -> {
                for (int i = 0; i < envelope.getReads().getReadsCount(); i++) {
                    String r = notOf(envelope.getReads().getReads(i).getGantryId(), gantry, "reads.reads[" + i + "].gantry_id");
                    if (r != null) {
                        yield r;
                    }
                }
                yield null;
            }
            case ALERTS -> notOf(envelope.getAlert().getRead().getGantryId(), gantry, "alert.read.gantry_id");
            case PASSAGES -> first(notOf(envelope.getPassage().getEntryGantryId(), gantry, "passage.entry_gantry_id"),
                    notOf(envelope.getPassage().getRead().getGantryId(), envelope.getPassage().getEntryGantryId(), "passage.read.gantry_id"));
            case SECTION_ENTRIES -> first(notOf(envelope.getPassage().getExitGantryId(), gantry, "passage.exit_gantry_id"),
                    notOf(envelope.getPassage().getRead().getGantryId(), envelope.getPassage().getEntryGantryId(), "passage.read.gantry_id"));
            case VIOLATIONS -> notOf(envelope.getViolation().getExitRead().getGantryId(), gantry, "violation.exit_read.gantry_id");
            case STATUS -> notOf(envelope.getStatus().getGantryId(), gantry, "status.gantry_id");
            case HOTLIST, CONFIG -> null;
        };
    }

    private static String notOf(String claimed, String owner, String field) {
        return claimed.equals(owner) ? null : field + " message of gantry '" + claimed + "' where only gantry '" + owner + "' may speak";
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }

    private void validate(Envelope env) throws ProtocolException {
        if (env.getSchemaVersion() == 0) {
            throw new ProtocolException(Problem.MISSING_FIELD, "schema_version", "required field is missing");
        }
        if (!SchemaVersion.isSupported(env.getSchemaVersion())) {
            throw new ProtocolException(Problem.UNSUPPORTED_SCHEMA_VERSION, "schema_version",
                    "schema version " + env.getSchemaVersion() + " is not supported (this build reads " + SchemaVersion.CURRENT + ")");
        }
        switch (env.getPayloadCase()) {
            case READS -> validator.validate(env.getReads(), "reads");
            case ALERT -> validator.validate(env.getAlert(), "alert");
            case PASSAGE -> validator.validate(env.getPassage(), "passage");
            case VIOLATION -> validator.validate(env.getViolation(), "violation");
            case STATUS -> validator.validate(env.getStatus(), "status");
            case HOTLIST_DELTA -> validator.validate(env.getHotlistDelta(), "hotlist_delta");
            case CONFIG_PUSH -> validator.validate(env.getConfigPush(), "config_push");
            case PAYLOAD_NOT_SET -> throw env.getUnknownFields().asMap().isEmpty()
                    ? new ProtocolException(Problem.MISSING_FIELD, "payload", "envelope carries no payload")
                    : new ProtocolException(Problem.UNKNOWN_PAYLOAD, "payload",
                            "payload type unknown to this build (fields " + env.getUnknownFields().asMap().keySet() + ")");
        }
    }
}
