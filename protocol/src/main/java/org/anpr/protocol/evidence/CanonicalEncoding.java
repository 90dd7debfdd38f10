package org.anpr.protocol.evidence;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The bytes a violation's digest is taken over: defined here, field by field, so that they do not
 * depend on a protobuf library's serialiser (whose "deterministic" output is promised stable only
 * within one version and one language). Unknown fields never count.
 *
 * <p>A message is its set fields in field-number order, each as {@code number (u32) || value};
 * a repeated field is {@code number || count (u32) || values}, a map's entries sorted by their
 * encoded key. Values: integers and enums as i64 (sign-extended), booleans as one byte, doubles
 * and floats as their IEEE-754 bits (u64 / u32), strings as UTF-8 and bytes each as
 * {@code length (u32) || bytes}, messages as {@code length (u32) || the message}. All big-endian.
 * "Set" is protobuf 3's presence: a scalar at its default value is absent.
 */
public final class CanonicalEncoding {
    private CanonicalEncoding() {
    }

    /** The canonical bytes of {@code m}, leaving out its top-level fields numbered in {@code exclude}. */
    public static byte[] of(Message m, Set<Integer> exclude) {
        Out out = new Out();
        message(out, m, exclude);
        return out.toByteArray();
    }

    private static void message(Out out, Message m, Set<Integer> exclude) {
        List<FieldDescriptor> fields = new ArrayList<>(m.getAllFields().keySet());
        fields.sort(Comparator.comparingInt(FieldDescriptor::getNumber));
        for (FieldDescriptor f : fields) {
            if (exclude.contains(f.getNumber())) {
                continue;
            }
            out.u32(f.getNumber());
            Object v = m.getField(f);
            if (f.isRepeated()) {
                List<?> values = (List<?>) v;
                out.u32(values.size());
                List<byte[]> encoded = new ArrayList<>(values.size());
                for (Object e : values) {
                    Out one = new Out();
                    value(one, f, e);
                    encoded.add(one.toByteArray());
                }
                if (f.isMapField()) {
                    encoded.sort(Arrays::compareUnsigned); // an entry starts with its key: sorted by key
                }
                encoded.forEach(out::raw);
            } else {
                value(out, f, v);
            }
        }
    }

    private static void value(Out out, FieldDescriptor f, Object v) {
        switch (f.getJavaType()) {
            case INT, LONG -> out.i64(((Number) v).longValue());
            case ENUM -> out.i64(((com.google.protobuf.Descriptors.EnumValueDescriptor) v).getNumber());
            case BOOLEAN -> out.u8((Boolean) v ? 1 : 0);
            case DOUBLE -> out.i64(Double.doubleToLongBits((Double) v));
            case FLOAT -> out.u32(Float.floatToIntBits((Float) v));
            case STRING -> out.block(((String) v).getBytes(StandardCharsets.UTF_8));
            case BYTE_STRING -> out.block(((ByteString) v).toByteArray());
            case MESSAGE -> {
                Out inner = new Out();
                message(inner, (Message) v, Set.of());
                out.block(inner.toByteArray());
            }
        }
    }

    private static final class Out extends ByteArrayOutputStream {
        void u8(int b) {
            write(b);
        }

        void u32(int v) {
            write(v >>> 24);
            write(v >>> 16);
            write(v >>> 8);
            write(v);
        }

        void i64(long v) {
            u32((int) (v >>> 32));
            u32((int) v);
        }

        void block(byte[] b) {
            u32(b.length);
            raw(b);
        }

        void raw(byte[] b) {
            write(b, 0, b.length);
        }
    }
}
