package org.anpr.central.mqtt;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.DefaultChannelId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.TimeUnit;
import org.anpr.central.auth.CredentialsWatcher;
import org.anpr.central.config.MqttConfig;
import org.anpr.central.config.ReceiverConfig;
import org.anpr.central.hotlist.CentralHotlist;
import org.anpr.central.ingest.GroupCommitWriter;
import org.anpr.central.ingest.Ingestor;
import org.anpr.central.metrics.ReceiverMetrics;
import org.anpr.central.routing.SectionRouter;
import org.anpr.central.store.JdbcHotlistStore;
import org.anpr.central.store.SqliteReadStore;
import org.anpr.central.support.RawMqtt;
import org.anpr.central.support.TestGantries;
import org.anpr.protocol.WireCodec;
import org.anpr.protocol.topic.Topic;
import org.anpr.protocol.topic.TopicKind;

/**
 * Issue 17, item 13: coverage-guided fuzzing of the MQTT packet path (Jazzer): the bytes of one
 * connection, cut into a few reads, go through the receiver's real pipeline (CONNECT size limit,
 * Netty's MQTT decoder, the decode guard, authentication against a real credentials file, the
 * ACL, ingest into a real SQLite store, subscriptions, deliveries, control packets) on an
 * embedded channel. Whatever the bytes, no handler may throw: an exception reaching the pipeline's
 * exception path, or escaping it, is a finding. Password checks run on the calling thread and the
 * harness waits for the store writer, so an input replays the same way every time.
 */
class MqttPacketFuzzTest {
    private static final Harness HARNESS = Harness.create();

    @FuzzTest
    void packets(FuzzedDataProvider data) throws Exception {
        int reads = data.consumeInt(1, 4);
        List<byte[]> chunks = new java.util.ArrayList<>();
        for (int i = 0; i < reads - 1; i++) {
            chunks.add(data.consumeBytes(data.consumeInt(0, 2_048)));
        }
        chunks.add(data.consumeRemainingAsBytes());
        HARNESS.run(chunks);
    }

    /** The harness is not vacuous: a well-behaved session is authenticated, stored and acknowledged through it. */
    @org.junit.jupiter.api.Test
    void aWellBehavedSessionGoesAllTheWayToTheStore() throws Exception {
        String g = TestGantries.ENTRY;
        WireCodec codec = new WireCodec();
        org.anpr.protocol.sample.SampleMessages samples = new org.anpr.protocol.sample.SampleMessages(5);
        java.io.ByteArrayOutputStream first = new java.io.ByteArrayOutputStream();
        first.writeBytes(RawMqtt.connect(g, g, TestGantries.password(g), 30));
        first.writeBytes(RawMqtt.publishQos1(Topic.of(g, TopicKind.READS).name(), 1, codec.encode(samples.batch(g, 1))));
        first.writeBytes(RawMqtt.publishQos1(Topic.of(g, TopicKind.STATUS).name(), 2, codec.encode(samples.status(g))));
        first.writeBytes(RawMqtt.subscribe(3, Topic.of(g, TopicKind.HOTLIST).name(), 1));
        first.writeBytes(new byte[] {(byte) 0xC0, 0}); // PINGREQ
        long committed = HARNESS.metrics.get(ReceiverMetrics.Counter.MESSAGES_COMMITTED);
        List<Integer> written = HARNESS.run(List.of(first.toByteArray(), new byte[] {(byte) 0xE0, 0})); // then DISCONNECT
        // CONNACK, SUBACK and PINGRESP at once; a PUBACK per publish once the store committed it
        org.junit.jupiter.api.Assertions.assertEquals(List.of(2, 4, 4, 9, 13), written.stream().sorted().toList(), "packet types written back");
        org.junit.jupiter.api.Assertions.assertTrue(HARNESS.metrics.get(ReceiverMetrics.Counter.MESSAGES_COMMITTED) >= committed + 2,
                "the read batch and the status were not stored");
    }

    /** One receiver's MQTT side, built once per JVM (a fuzz run is millions of connections). */
    static final class Harness {
        private final MqttServer server;
        private final GroupCommitWriter writer;
        final ReceiverMetrics metrics;

        private Harness(MqttServer server, GroupCommitWriter writer, ReceiverMetrics metrics) {
            this.server = server;
            this.writer = writer;
            this.metrics = metrics;
        }

        static Harness create() {
            try {
                Path dir = Files.createTempDirectory("mqtt-fuzz");
                ReceiverConfig config = TestGantries.config(dir);
                ReceiverMetrics metrics = new ReceiverMetrics();
                WireCodec codec = new WireCodec();
                SqliteReadStore store = new SqliteReadStore(Files.createDirectories(dir.resolve("data")));
                CentralHotlist hotlist = new CentralHotlist(JdbcHotlistStore.sqlite(dir.resolve("data").resolve("hotlist.db")), 100, 100,
                        codec);
                GroupCommitWriter writer = new GroupCommitWriter(store, 100, 10_000, 1_000, lagging -> { }, metrics);
                SessionRegistry sessions = new SessionRegistry(8, 100, metrics);
                SectionRouter router = new SectionRouter(sessions, writer, List.of(), config.sections());
                Ingestor ingestor = new Ingestor(codec, hotlist, writer, router,
                        org.anpr.central.violation.ViolationEvidence.NONE, config.retention(), metrics);
                CredentialsWatcher credentials = new CredentialsWatcher(config.auth().credentialsFile(), null, List.of());
                MqttConfig mqtt = config.mqtt().withMaxConnectBytes(4_096).withMaxMessageBytes(64 << 10);
                MqttServer server = new MqttServer(mqtt, null, credentials, sessions, ingestor, metrics, new CallerRuns());
                return new Harness(server, writer, metrics);
            } catch (Exception e) {
                throw new IllegalStateException("fuzz harness: " + e, e);
            }
        }

        /** One connection receiving {@code chunks}, one socket read each; returns the types of the packets written back. */
        List<Integer> run(List<byte[]> chunks) throws Exception {
            EmbeddedChannel ch = new EmbeddedChannel(DefaultChannelId.newInstance(), false, false);
            server.initConnection(ch, false);
            ExceptionRecorder recorder = new ExceptionRecorder();
            ch.pipeline().addBefore("control", "recorder", recorder);
            ch.register();
            List<Integer> written = new java.util.ArrayList<>();
            try {
                for (int i = 0; i < chunks.size() && ch.isActive(); i++) {
                    ch.writeInbound(Unpooled.wrappedBuffer(chunks.get(i)));
                    settle(ch, written);
                }
                ch.close();
                settle(ch, written);
                ch.checkException(); // what escaped the pipeline
                if (recorder.first != null) {
                    throw new AssertionError("a handler threw: " + recorder.first, recorder.first);
                }
                return written;
            } finally {
                ch.finishAndReleaseAll();
            }
        }

        /** Lets the store writer finish what this input queued, then runs what it handed back to the channel. */
        private void settle(EmbeddedChannel ch, List<Integer> written) throws InterruptedException {
            // tasks run on the channel may queue store writes, whose completion queues tasks again
            for (int round = 0; round < 3; round++) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (writer.queued() > 0 && System.nanoTime() < deadline) {
                    Thread.sleep(0, 100_000);
                }
                ch.runPendingTasks();
            }
            for (Object m; (m = ch.readOutbound()) != null; ) {
                if (m instanceof io.netty.buffer.ByteBuf b && b.isReadable()) {
                    written.add(b.getUnsignedByte(b.readerIndex()) >> 4); // the MQTT packet type
                }
                io.netty.util.ReferenceCountUtil.release(m);
            }
        }
    }

    /** Records the first exception that reaches the end of the receiver's handlers, then lets it on. */
    private static final class ExceptionRecorder extends ChannelInboundHandlerAdapter {
        Throwable first;

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (first == null) {
                first = cause;
            }
            ctx.fireExceptionCaught(cause);
        }
    }

    /** Runs each task on the calling thread (the password check of a CONNECT). */
    private static final class CallerRuns extends AbstractExecutorService {
        @Override
        public void execute(Runnable r) {
            r.run();
        }

        @Override
        public void shutdown() {
        }

        @Override
        public List<Runnable> shutdownNow() {
            return List.of();
        }

        @Override
        public boolean isShutdown() {
            return false;
        }

        @Override
        public boolean isTerminated() {
            return false;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return true;
        }
    }
}
