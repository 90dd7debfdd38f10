package org.anpr.protocol.json;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.anpr.protocol.ProtocolException;
import org.anpr.protocol.ProtocolException.Problem;
import org.anpr.protocol.ids.Uuid7;
import org.anpr.protocol.v1.Image;

/**
 * JSON rendering of wire messages for people and the HTTP API.
 *
 * <p>Protobuf's canonical JSON mapping (lowerCamelCase names), with two readability changes:
 * UUID fields ({@code readId}, {@code alertId}, {@code passageId}, {@code violationId}) are
 * written as UUID strings instead of base64, and image bytes can be left out.
 */
public final class JsonRendering {
    private static final Set<String> UUID_FIELDS = Set.of("readId", "alertId", "passageId", "violationId");
    private static final JsonFormat.Printer PRINTER = JsonFormat.printer().omittingInsignificantWhitespace();
    private static final JsonFormat.Parser PARSER = JsonFormat.parser();

    private JsonRendering() {
    }

    /** Renders a message as compact JSON, images included (base64). */
    public static String toJson(Message message) {
        return toJson(message, true);
    }

    /** Renders a message as compact JSON; without image data, images keep only format and size. */
    public static String toJson(Message message, boolean includeImageData) {
        Message m = includeImageData ? message : withoutImageData(message);
        try {
            JsonElement tree = JsonParser.parseString(PRINTER.print(m));
            rewriteIds(tree, true);
            return tree.toString();
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("message cannot be rendered as JSON: " + e.getMessage(), e);
        }
    }

    /**
     * Parses JSON into {@code builder}. Errors name what is wrong; the builder is left
     * unchanged on failure. Semantic validation is the caller's (see {@code MessageValidator}).
     */
    public static <B extends Message.Builder> B fromJson(String json, B builder) throws ProtocolException {
        try {
            JsonElement tree = JsonParser.parseString(json);
            rewriteIds(tree, false);
            Message.Builder scratch = builder.clone();
            PARSER.merge(tree.toString(), scratch);
            builder.mergeFrom(scratch.build());
            return builder;
        } catch (InvalidProtocolBufferException | RuntimeException e) {
            throw new ProtocolException(Problem.MALFORMED, "", "invalid JSON message: " + e.getMessage(), e);
        }
    }

    /** A copy of {@code message} with the bytes of every nested {@link Image} removed. */
    public static Message withoutImageData(Message message) {
        Message.Builder b = message.toBuilder();
        if (message instanceof Image) {
            return ((Image.Builder) b).setData(ByteString.EMPTY).build();
        }
        for (Map.Entry<FieldDescriptor, Object> e : message.getAllFields().entrySet()) {
            FieldDescriptor f = e.getKey();
            if (f.getJavaType() != FieldDescriptor.JavaType.MESSAGE || f.isMapField()) {
                continue;
            }
            if (f.isRepeated()) {
                int n = message.getRepeatedFieldCount(f);
                for (int i = 0; i < n; i++) {
                    b.setRepeatedField(f, i, withoutImageData((Message) message.getRepeatedField(f, i)));
                }
            } else {
                b.setField(f, withoutImageData((Message) e.getValue()));
            }
        }
        return b.build();
    }

    private static void rewriteIds(JsonElement node, boolean toUuid) {
        if (node.isJsonArray()) {
            node.getAsJsonArray().forEach(child -> rewriteIds(child, toUuid));
        } else if (node.isJsonObject()) {
            JsonObject obj = node.getAsJsonObject();
            for (String key : obj.keySet()) {
                JsonElement value = obj.get(key);
                boolean idField = UUID_FIELDS.contains(key) || UUID_FIELDS.contains(snakeToCamel(key));
                if (idField && value.isJsonPrimitive() && value.getAsJsonPrimitive().isString()) {
                    obj.addProperty(key, toUuid ? base64ToUuid(value.getAsString()) : uuidToBase64(value.getAsString()));
                } else {
                    rewriteIds(value, toUuid);
                }
            }
        }
    }

    private static String base64ToUuid(String b64) {
        byte[] bytes = Base64.getDecoder().decode(b64);
        return bytes.length == 16 ? Uuid7.fromBytes(bytes).toString() : b64;
    }

    private static String uuidToBase64(String text) {
        if (text.length() == 36 && text.charAt(8) == '-') {
            return Base64.getEncoder().encodeToString(Uuid7.toBytes(UUID.fromString(text)));
        }
        return text;
    }

    private static String snakeToCamel(String key) {
        int u = key.indexOf('_');
        return u < 0 ? key : key.substring(0, u) + Character.toUpperCase(key.charAt(u + 1)) + key.substring(u + 2);
    }
}
