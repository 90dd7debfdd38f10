package org.anpr.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.anpr.protocol.ProtocolException.Problem;
import org.anpr.protocol.topic.Topic;
import org.anpr.protocol.topic.TopicKind;
import org.junit.jupiter.api.Test;

class TopicTest {
    @Test
    void buildsAndParsesEveryKind() throws Exception {
        for (TopicKind kind : TopicKind.values()) {
            Topic topic = Topic.of("A2-N_km40.1", kind);
            assertEquals("anpr/v1/A2-N_km40.1/" + kind.segment(), topic.name());
            assertEquals(topic, Topic.parse(topic.name()));
        }
        assertEquals("anpr/v1/G7/section-entries", Topic.of("G7", TopicKind.SECTION_ENTRIES).name());
        assertEquals("anpr/v1/+/reads", Topic.filterAllGantries(TopicKind.READS));
        assertTrue(TopicKind.STATUS.retained());
        assertEquals(TopicKind.Direction.DOWNSTREAM, TopicKind.HOTLIST.direction());
    }

    @Test
    void rejectsForeignAndMalformedTopics() {
        for (String bad : new String[] {"", "anpr/v2/G1/reads", "anpr/v1/G1", "anpr/v1/G1/reads/x", "anpr/v1//reads",
                "anpr/v1/+/reads", "anpr/v1/#", "anpr/v1/G1/unknown", "anpr/v1/-G1/reads"}) {
            ProtocolException e = assertThrows(ProtocolException.class, () -> Topic.parse(bad), bad);
            assertEquals(Problem.BAD_TOPIC, e.problem());
        }
        assertThrows(ProtocolException.class, () -> Topic.parse(null));
    }

    @Test
    void gantryIdsCannotInjectTopicLevels() {
        assertThrows(IllegalArgumentException.class, () -> Topic.of("G1/reads", TopicKind.READS));
        assertThrows(IllegalArgumentException.class, () -> Topic.of("+", TopicKind.READS));
        assertThrows(IllegalArgumentException.class, () -> Topic.of("x".repeat(65), TopicKind.READS));
    }
}
