package org.anpr.central;

import static org.anpr.central.support.TestGantries.ENTRY;
import static org.anpr.central.support.TestGantries.encode;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.anpr.central.config.ReceiverConfig;
import org.anpr.central.store.StoreWrite.AlertSource;
import org.anpr.central.support.PostgresCluster;
import org.anpr.central.support.TestGantries;
import org.anpr.protocol.sample.SampleMessages;
import org.anpr.protocol.topic.Topic;
import org.anpr.protocol.topic.TopicKind;
import org.anpr.protocol.v1.PlateRead;
import org.anpr.protocol.v1.PlateReadBatch;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The whole receiver on the PostgreSQL profile: a Paho gantry's reads are in PostgreSQL when PUBACK comes. */
class PostgresIngestTest {
    @RegisterExtension
    static final PostgresCluster CLUSTER = new PostgresCluster();

    @TempDir
    Path dir;

    @Test
    void readsAndAlertsArriveInPostgresqlOnceEvenWhenRepublished() throws Exception {
        ReceiverConfig base = TestGantries.config(dir);
        ReceiverConfig config = base.withStore(base.store().withPostgresql(CLUSTER.newDatabase()));
        SampleMessages samples = new SampleMessages(31, 2048);
        PlateReadBatch batch = samples.batch(ENTRY, 20);
        try (Receiver receiver = new Receiver(config)) {
            receiver.start();
            MqttClient gantry = TestGantries.connect(receiver.port(), ENTRY, true);
            try {
                String reads = Topic.of(ENTRY, TopicKind.READS).name();
                gantry.publish(reads, encode(batch), 1, false); // returns after PUBACK
                assertEquals(20, receiver.store().countReads(), "committed before PUBACK");
                gantry.publish(reads, encode(batch), 1, false);
                assertEquals(20, receiver.store().countReads(), "redelivery deduplicated");
                byte[] alert = encode(samples.alert(ENTRY));
                gantry.publish(Topic.of(ENTRY, TopicKind.ALERTS).name(), alert, 1, false);
                gantry.publish(Topic.of(ENTRY, TopicKind.ALERTS).name(), alert, 1, false);
                assertEquals(1, receiver.store().countAlerts(AlertSource.EDGE));
                assertEquals(21, receiver.store().countReads(), "the alert's read is stored too, once");
                PlateRead first = batch.getReads(0);
                assertEquals(first, receiver.store().findRead(first.getReadId().toByteArray()).orElseThrow());
            } finally {
                TestGantries.closeQuietly(gantry);
            }
        }
        try (Receiver again = new Receiver(config)) {
            assertEquals(21, again.store().countReads(), "durable across a restart");
        }
    }
}
