package org.anpr.edge.report;

import java.io.FileOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import org.anpr.edge.outbox.Outbox;
import org.anpr.edge.outbox.OutboxLimits;
import org.anpr.protocol.WireCodec;
import org.anpr.protocol.sample.SampleMessages;
import org.anpr.protocol.topic.Topic;
import org.anpr.protocol.topic.TopicKind;
import org.anpr.protocol.v1.GantryStatus;
import org.anpr.protocol.v1.PlateRead;
import org.anpr.protocol.v1.PlateReadBatch;

/**
 * Child JVM of {@link KillNineTest}: feeds synthetic reads through outbox -> reporter -> broker
 * and appends each read id to a file right after the outbox commit.
 * Args: outbox-file ids-file broker-uri gantry reads interval-ms.
 */
public final class ProducerChild {
    private ProducerChild() {
    }

    public static void main(String[] args) throws Exception {
        Path outboxFile = Path.of(args[0]);
        String gantry = args[3];
        int reads = Integer.parseInt(args[4]);
        long interval = Long.parseLong(args[5]);
        WireCodec codec = new WireCodec();
        Outbox outbox = Outbox.open(outboxFile, OutboxLimits.DEFAULTS, codec);
        MqttReporter reporter = new MqttReporter(gantry, MqttSettings.of(args[2], gantry, null, null).withTiming(1, 100, 1000),
                outbox, codec, () -> GantryStatus.getDefaultInstance());
        reporter.start();
        SampleMessages samples = new SampleMessages(System.nanoTime());
        try (FileOutputStream ids = new FileOutputStream(args[1], true)) {
            System.out.println("ready");
            for (int i = 0; i < reads; i++) {
                PlateRead read = samples.read(gantry);
                outbox.append(Topic.of(gantry, TopicKind.READS), PlateReadBatch.newBuilder().addReads(read).build());
                // written after the commit: every id in the file is durably in the outbox
                ids.write((HexFormat.of().formatHex(read.getReadId().toByteArray()) + "\n").getBytes(StandardCharsets.US_ASCII));
                Thread.sleep(interval);
            }
        }
        System.out.println("produced");
        Thread.sleep(Long.MAX_VALUE); // keep draining until killed
    }
}
