package org.anpr.edge.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.anpr.edge.config.AgentConfig;
import org.anpr.edge.config.AgentConfigLoader;
import org.anpr.edge.config.ConfigException;
import org.anpr.edge.config.ConfigFile;
import org.anpr.edge.metrics.HealthProbe;
import org.anpr.edge.outbox.Priority;
import org.anpr.edge.testing.Agents;
import org.anpr.edge.testing.Mosquitto;
import org.anpr.edge.testing.Subscriber;
import org.anpr.protocol.WireCodec;
import org.anpr.protocol.sample.SampleMessages;
import org.anpr.protocol.topic.Topic;
import org.anpr.protocol.topic.TopicKind;
import org.anpr.protocol.v1.ConfigPush;
import org.anpr.protocol.v1.Envelope;
import org.anpr.protocol.v1.HotlistDelta;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The wired agent: outbox first, hotlist alerts ahead of reads, downstream topics, reconfiguration. */
class EdgeAgentTest {
    private static final String G = "A2-N-km52";
    private final SampleMessages samples = new SampleMessages(33);
    private final WireCodec codec = new WireCodec();
    @TempDir
    Path dir;

    private String yaml(String uri, long maxBytes) {
        return """
                gantry: { id: %s }
                storage: { dir: "%s" }
                sections:
                  - { id: A2-km40-km52, entry: { gantry: A2-N-km40 }, exit: { gantry: %s }, distanceM: 12000,
                      distanceUncertaintyM: 2, speedLimitKmh: 100, margin: NL }
                outbox: { maxBytes: %d }
                mqtt: { serverUri: "%s", heartbeatSeconds: 1, reconnectMinMillis: 100, reconnectMaxMillis: 500 }
                """.formatted(G, dir.resolve("data"), G, maxBytes, uri);
    }

    @Test
    void hotlistHitRaisesAnAlertThatJumpsTheQueue() throws Exception {
        try (EdgeAgent agent = EdgeAgent.start(AgentConfigLoader.parse(yaml(Agents.deadBrokerUri(), 1 << 30)), HealthProbe.UNKNOWN)) {
            agent.hotlist().apply(HotlistDelta.newBuilder().setFromVersion(0).setToVersion(1)
                    .addUpserts(samples.hotlistEntry("12ABC3")).build());
            agent.onRead(samples.read(G));
            assertTrue(agent.onRead(samples.read(G, "I2A8C3", SampleMessages.BASE_MICROS)).isPresent(), "tolerant hit");
            var items = agent.outbox().next(10, Set.of());
            assertEquals(3, items.size());
            assertEquals(Priority.ALERT, items.get(0).priority());
            assertEquals("12ABC3", Envelope.parseFrom(items.get(0).payload()).getAlert().getEntry().getPlateText());
            assertEquals(1, agent.metrics().alerts.get());
            assertThrows(IllegalArgumentException.class, () -> agent.onRead(samples.read("other-gantry")));
            assertEquals(3, agent.outbox().stats().items(), "a read of another gantry is not stored");
        }
    }

    /** Issue 16: a match read less sure than hotlist.alertMinConfidence is sent as a read, with no alert. */
    @Test
    void aMatchReadUnderTheAlertThresholdRaisesNoAlertButIsStillSent() throws Exception {
        String yaml = yaml(Agents.deadBrokerUri(), 1 << 30);
        try (EdgeAgent agent = EdgeAgent.start(AgentConfigLoader.parse(yaml + "hotlist: { alertMinConfidence: 0.95 }\n"),
                HealthProbe.UNKNOWN)) {
            agent.hotlist().apply(HotlistDelta.newBuilder().setFromVersion(0).setToVersion(1)
                    .addUpserts(samples.hotlistEntry("12ABC3")).build());
            var unsure = samples.read(G, "12ABC3", SampleMessages.BASE_MICROS); // confidence 0.9
            assertTrue(agent.onRead(unsure).isEmpty(), "0.9 < 0.95: no alert");
            assertEquals(0, agent.metrics().alerts.get());
            assertEquals(1, agent.metrics().alertsBelowConfidence.get());
            var items = agent.outbox().next(10, Set.of());
            assertEquals(1, items.size(), "the read itself is stored");
            assertNotEquals(Priority.ALERT, items.get(0).priority(), "a read, not an alert");
            assertTrue(agent.onRead(unsure.toBuilder().setConfidence(0.97f).build()).isPresent(), "0.97: alert");

            agent.reconfigure(AgentConfigLoader.parse(yaml + "hotlist: { alertMinConfidence: 0.5 }\n"));
            assertTrue(agent.onRead(unsure).isPresent(), "applied at run time");
            assertEquals(2, agent.metrics().alerts.get());
        }
        ConfigException e = assertThrows(ConfigException.class,
                () -> AgentConfigLoader.parse(yaml + "hotlist: { alertMinConfidence: 1.5 }\n"));
        assertTrue(e.errors().contains("hotlist.alertMinConfidence: must be within 0.0..1.0, was 1.5"), e.errors().toString());
    }

    @Test
    void reconfigurationKeepsQueuedDataAndDownstreamTopicsWork() throws Exception {
        try (Mosquitto broker = Mosquitto.start(Files.createDirectories(dir.resolve("broker")));
             Subscriber centre = new Subscriber(broker.uri(), "centre-agent", "anpr/v1/" + G + "/#");
             EdgeAgent agent = EdgeAgent.start(AgentConfigLoader.parse(yaml(Agents.deadBrokerUri(), 1 << 30)), HealthProbe.UNKNOWN)) {
            for (int i = 0; i < 5; i++) {
                agent.onRead(samples.read(G));
            }
            assertEquals(5, agent.outbox().stats().items(), "queued while the broker is unreachable");

            agent.reconfigure(AgentConfigLoader.parse(yaml(broker.uri(), 1 << 30)));
            assertTrue(Subscriber.await(() -> centre.distinctReadIds().size() == 5, 20, TimeUnit.SECONDS), "the queue survived reconfiguration");
            assertTrue(Subscriber.await(() -> agent.outbox().stats().items() == 0, 10, TimeUnit.SECONDS));

            // hotlist delta from the centre, then a read that hits it
            centre.publish(Topic.of(G, TopicKind.HOTLIST).name(), codec.encode(HotlistDelta.newBuilder().setFromVersion(0).setToVersion(3)
                    .addUpserts(samples.hotlistEntry("99XYZ9")).build()));
            assertTrue(Subscriber.await(() -> agent.hotlist().version() == 3, 10, TimeUnit.SECONDS));
            agent.onRead(samples.read(G, "99XYZ9", SampleMessages.BASE_MICROS));
            assertTrue(Subscriber.await(() -> centre.received().stream().anyMatch(m -> m.topic().endsWith("/alerts")), 10, TimeUnit.SECONDS));

            // a passage routed here (exit reads without a passage are pending too), then a rejected delta (wrong from_version): counted, nothing changes
            int pendingBefore = Agents.pendingPassages(agent);
            centre.publish(Topic.of(G, TopicKind.SECTION_ENTRIES).name(), codec.encode(samples.passage("A2-N-km40", G).toBuilder()
                    .setSectionId("A2-km40-km52").setExpiresAtMicros(System.currentTimeMillis() * 1000 + 3_600_000_000L).build()));
            assertTrue(Subscriber.await(() -> Agents.pendingPassages(agent) == pendingBefore + 1, 10, TimeUnit.SECONDS));
            centre.publish(Topic.of(G, TopicKind.HOTLIST).name(), codec.encode(HotlistDelta.newBuilder().setFromVersion(7).setToVersion(8).build()));
            assertTrue(Subscriber.await(() -> agent.metrics().deltasRejected.get() == 1, 10, TimeUnit.SECONDS));
            assertEquals(3, agent.hotlist().version());

            // configuration pushed by an operator: a valid one applies and replaces the gantry's
            // file (it survives a restart), an invalid one is refused and changes neither
            Path file = dir.resolve("gantry.yaml");
            Files.writeString(file, yaml(broker.uri(), 1 << 30));
            agent.keepPushedConfigIn(new ConfigFile(file));
            centre.publish(Topic.of(G, TopicKind.CONFIG).name(), codec.encode(push(1, yaml(broker.uri(), 2L << 30))));
            assertTrue(Subscriber.await(() -> agent.config().outboxLimits().maxBytes() == 2L << 30, 10, TimeUnit.SECONDS));
            assertTrue(Subscriber.await(() -> {
                try {
                    return AgentConfigLoader.load(file).outboxLimits().maxBytes() == 2L << 30;
                } catch (org.anpr.edge.config.ConfigException e) {
                    return false;
                }
            }, 10, TimeUnit.SECONDS), "written to the file (after the running agent took it)");
            centre.publish(Topic.of(G, TopicKind.CONFIG).name(), codec.encode(push(2, "gantry: { id: other }\n")));
            assertTrue(Subscriber.await(() -> agent.metrics().configsRejected.get() == 1, 10, TimeUnit.SECONDS));
            assertEquals(G, agent.config().gantryId());
            assertEquals(yaml(broker.uri(), 2L << 30), Files.readString(file), "the refused one did not reach the file");

            // issue 17, item 3c: a replayed or older revision never rolls the configuration back
            centre.publish(Topic.of(G, TopicKind.CONFIG).name(), codec.encode(push(1, yaml(broker.uri(), 1L << 30))));
            assertTrue(Subscriber.await(() -> agent.metrics().configsRejected.get() == 2, 10, TimeUnit.SECONDS));
            assertEquals(2L << 30, agent.config().outboxLimits().maxBytes());
            assertTrue(agent.status().getDetail().contains("configuration revision 1 refused: not newer than the applied 1"),
                    agent.status().getDetail());
            centre.publish(Topic.of(G, TopicKind.CONFIG).name(), codec.encode(push(3, yaml(broker.uri(), 3L << 30))));
            assertTrue(Subscriber.await(() -> agent.config().outboxLimits().maxBytes() == 3L << 30, 10, TimeUnit.SECONDS));
            // recorded (durably) once applied: what a restarted agent reads back
            assertTrue(Subscriber.await(() -> new org.anpr.edge.config.ConfigRevisions(dir.resolve("data").resolve("config-revision"))
                    .applied() == 3, 10, TimeUnit.SECONDS), "the applied revision survives a restart");
        }
    }

    @Test
    void gantryIdCannotChangeAtRunTime() throws Exception {
        try (EdgeAgent agent = EdgeAgent.start(AgentConfigLoader.parse(yaml(Agents.deadBrokerUri(), 1 << 30)), HealthProbe.UNKNOWN)) {
            AgentConfig other = AgentConfigLoader.parse(yaml(Agents.deadBrokerUri(), 1 << 30).replace(G, "B-1"));
            ConfigException e = assertThrows(ConfigException.class, () -> agent.reconfigure(other));
            assertTrue(e.errors().get(0).startsWith("gantry.id"), e.errors().toString());
        }
    }

    private static ConfigPush push(long revision, String yaml) {
        return ConfigPush.newBuilder().setRevision(revision).setIssuedBy("operator-1").setIssuedAtMicros(SampleMessages.BASE_MICROS)
                .setContentType("application/yaml").setDocument(ByteString.copyFromUtf8(yaml)).build();
    }


    /** Issue 15, item 4: a store path that points at some other file is named with its setting, not a bare SQLITE_NOTADB. */
    @Test
    void aHotlistPathThatIsNotAHotlistDatabaseIsNamed() throws Exception {
        Path notADatabase = Files.writeString(dir.resolve("hotlist.csv"), "plate,country\n12ABC3,BE\n".repeat(50));
        String yaml = yaml(Agents.deadBrokerUri(), 1 << 30) + "hotlist: { file: \"" + notADatabase + "\" }\n";
        java.sql.SQLException e = assertThrows(java.sql.SQLException.class, () -> EdgeAgent.start(AgentConfigLoader.parse(yaml),
                HealthProbe.UNKNOWN).close());
        assertTrue(e.getMessage().startsWith("hotlist.file: " + notADatabase + " is not an SQLite database"), e.getMessage());
        assertEquals("plate,country\n12ABC3,BE\n".repeat(50), Files.readString(notADatabase), "the file was changed");
    }
}
