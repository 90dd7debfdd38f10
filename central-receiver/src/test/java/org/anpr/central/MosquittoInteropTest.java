package org.anpr.central;

import static org.anpr.central.support.TestGantries.ENTRY;
import static org.anpr.central.support.TestGantries.EXIT;
import static org.anpr.central.support.TestGantries.await;
import static org.anpr.central.support.TestGantries.encode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.anpr.central.support.TestGantries;
import org.anpr.protocol.sample.SampleMessages;
import org.anpr.protocol.topic.Topic;
import org.anpr.protocol.topic.TopicKind;
import org.anpr.protocol.v1.HotlistDelta;
import org.anpr.protocol.v1.PlateReadBatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Interoperability with a second, independent MQTT implementation: Debian's mosquitto clients. */
class MosquittoInteropTest {
    @TempDir
    Path dir;
    Receiver receiver;
    final SampleMessages samples = new SampleMessages(17);

    @BeforeEach
    void start() throws Exception {
        receiver = new Receiver(TestGantries.config(dir));
        receiver.start();
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    private List<String> client(String program, String gantry, String... more) {
        List<String> cmd = new ArrayList<>(List.of(program, "-h", "127.0.0.1", "-p", String.valueOf(receiver.port()),
                "-V", "mqttv311", "-i", gantry, "-u", gantry, "-P", TestGantries.password(gantry), "-q", "1"));
        cmd.addAll(List.of(more));
        return cmd;
    }

    @Test
    void mosquittoPubQos1ReadIsStored() throws Exception {
        PlateReadBatch batch = samples.batch(ENTRY, 3);
        Path file = dir.resolve("reads.bin");
        Files.write(file, encode(batch));
        Process pub = new ProcessBuilder(client("mosquitto_pub", ENTRY, "-t", Topic.of(ENTRY, TopicKind.READS).name(),
                "-f", file.toString())).redirectErrorStream(true).redirectOutput(dir.resolve("pub.log").toFile()).start();
        assertTrue(pub.waitFor(20, TimeUnit.SECONDS), "mosquitto_pub finished");
        assertEquals(0, pub.exitValue(), "mosquitto_pub: " + Files.readString(dir.resolve("pub.log")));
        // mosquitto_pub exits after the PUBACK, which the receiver sends only after the commit.
        assertEquals(3, receiver.store().countReads());
        assertTrue(receiver.store().findRead(batch.getReads(1).getReadId().toByteArray()).isPresent());
    }

    @Test
    void mosquittoPubToAnotherGantrysTopicIsNotStored() throws Exception {
        Path file = dir.resolve("reads.bin");
        Files.write(file, encode(samples.batch(EXIT, 1)));
        Process pub = new ProcessBuilder(client("mosquitto_pub", ENTRY, "-t", Topic.of(EXIT, TopicKind.READS).name(),
                "-f", file.toString())).redirectErrorStream(true).redirectOutput(dir.resolve("pub.log").toFile()).start();
        assertTrue(pub.waitFor(20, TimeUnit.SECONDS));
        assertNotEquals(0, pub.exitValue(), "the connection was closed before a PUBACK");
        assertEquals(0, receiver.store().countReads());
    }

    @Test
    void mosquittoSubReceivesAHotlistDelta() throws Exception {
        File out = dir.resolve("sub.bin").toFile();
        Process sub = new ProcessBuilder(client("mosquitto_sub", EXIT, "-t", Topic.of(EXIT, TopicKind.HOTLIST).name(),
                "-C", "1", "-N", "-W", "20")).redirectOutput(out).redirectError(dir.resolve("sub.err").toFile()).start();
        try {
            await("mosquitto_sub to subscribe", Duration.ofSeconds(10),
                    () -> receiver.sessions().onlineSubscribers(TopicKind.HOTLIST).contains(EXIT));
            receiver.hotlist().apply(List.of(samples.hotlistEntry("33CCC3")), List.of());
            assertTrue(sub.waitFor(20, TimeUnit.SECONDS), "mosquitto_sub got its one message");
            assertEquals(0, sub.exitValue(), Files.readString(dir.resolve("sub.err")));
        } finally {
            sub.destroy();
        }
        byte[] payload = Files.readAllBytes(out.toPath());
        HotlistDelta delta = TestGantries.CODEC.decode(Topic.of(EXIT, TopicKind.HOTLIST), payload).getHotlistDelta();
        assertEquals(1, delta.getToVersion());
        assertEquals("33CCC3", delta.getUpserts(0).getPlateText());
    }
}
