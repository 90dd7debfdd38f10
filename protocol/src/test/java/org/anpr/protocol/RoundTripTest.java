package org.anpr.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Message;
import java.util.List;
import java.util.stream.Stream;
import org.anpr.protocol.json.JsonRendering;
import org.anpr.protocol.sample.SampleMessages;
import org.anpr.protocol.topic.Topic;
import org.anpr.protocol.topic.TopicKind;
import org.anpr.protocol.v1.Envelope;
import org.anpr.protocol.v1.PlateRead;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RoundTripTest {
    private static final SampleMessages SAMPLES = new SampleMessages(7);
    private final WireCodec codec = new WireCodec();

    static Stream<Message> everyPayloadType() {
        return Stream.of(
                SAMPLES.batch("A2-N-km40", 3),
                SAMPLES.alert("A2-N-km40"),
                SAMPLES.passage("A2-N-km40", "A2-N-km52"),
                SAMPLES.violation("A2-N-km40", "A2-N-km52"),
                SAMPLES.status("A2-N-km40"),
                SAMPLES.hotlistDelta(41, 42, 5),
                SAMPLES.configPush());
    }

    @ParameterizedTest
    @MethodSource("everyPayloadType")
    void binaryRoundTripKeepsEveryField(Message payload) throws Exception {
        Envelope sent = WireCodec.wrap(payload, SampleMessages.BASE_MICROS);
        Envelope received = codec.decode(codec.encode(sent));
        assertEquals(sent, received);
        assertEquals(SchemaVersion.CURRENT, received.getSchemaVersion());
    }

    @ParameterizedTest
    @MethodSource("everyPayloadType")
    void jsonRoundTripKeepsEveryField(Message payload) throws Exception {
        Envelope sent = WireCodec.wrap(payload, SampleMessages.BASE_MICROS);
        String json = JsonRendering.toJson(sent);
        Envelope back = JsonRendering.fromJson(json, Envelope.newBuilder()).build();
        assertEquals(sent, back);
        // and the parsed JSON is still a valid wire message
        assertEquals(sent, codec.decode(codec.encode(back)));
    }

    @Test
    void jsonShowsIdsAsUuidsAndCanLeaveOutImages() {
        PlateRead read = SAMPLES.read("A2-N-km40");
        String id = org.anpr.protocol.ids.Uuid7.fromBytes(read.getReadId().toByteArray()).toString();
        String full = JsonRendering.toJson(read);
        assertTrue(full.contains("\"readId\":\"" + id + "\""), full);
        assertTrue(full.contains("\"data\":"), "images included by default");
        String light = JsonRendering.toJson(read, false);
        assertFalse(light.contains("\"data\":"), light);
        assertTrue(light.contains("\"width\":96"), "image metadata stays: " + light);
    }

    @Test
    void everyTopicAcceptsItsOwnPayload() throws Exception {
        String g = "A2-N-km40";
        List<Object[]> cases = List.of(
                new Object[] {TopicKind.READS, SAMPLES.batch(g, 2), g},
                new Object[] {TopicKind.ALERTS, SAMPLES.alert(g), g},
                new Object[] {TopicKind.PASSAGES, SAMPLES.passage(g, "A2-N-km52"), g},
                new Object[] {TopicKind.SECTION_ENTRIES, SAMPLES.passage("A2-N-km28", g), g},
                new Object[] {TopicKind.VIOLATIONS, SAMPLES.violation("A2-N-km28", g), g},
                new Object[] {TopicKind.STATUS, SAMPLES.status(g), g},
                new Object[] {TopicKind.HOTLIST, SAMPLES.hotlistDelta(1, 2, 1), g},
                new Object[] {TopicKind.CONFIG, SAMPLES.configPush(), g});
        assertEquals(TopicKind.values().length, cases.size(), "a case per topic kind");
        for (Object[] c : cases) {
            Topic topic = Topic.of((String) c[2], (TopicKind) c[0]);
            Envelope env = codec.decode(topic, codec.encode((Message) c[1]));
            assertEquals(topic.kind().payload(), env.getPayloadCase(), topic.name());
        }
    }
}
