package org.anpr.bench.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.anpr.protocol.WireCodec;
import org.anpr.protocol.sample.SampleMessages;
import org.anpr.protocol.topic.Topic;
import org.anpr.protocol.topic.TopicKind;
import org.anpr.protocol.v1.HotlistEntry;
import org.anpr.protocol.v1.PlateReadBatch;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * Live event delivery under load: a gantry of its own publishes hotlisted reads at a steady rate
 * over MQTT while a dispatcher's event stream is open. Each alert's latency is the wall-clock
 * time its event was read by the client minus the event's {@code at} (when the receiver took the
 * read in, before its commit): an upper bound of commit -> client.
 */
final class LiveAlerts implements AutoCloseable {
    static final String GANTRY = "BENCH-LIVE-01";
    static final String PASSWORD = "bench-live-gantry-password";

    private final List<long[]> samples = Collections.synchronizedList(new ArrayList<>()); // {received epoch micros, latency micros}
    private final AtomicLong published = new AtomicLong();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final MqttAsyncClient gantry;

    private LiveAlerts(MqttAsyncClient gantry) {
        this.gantry = gantry;
    }

    /** Opens {@code dispatcher}'s stream, connects the gantry and publishes {@code perSecond} hotlisted reads a second. */
    static LiveAlerts start(ApiSession dispatcher, int mqttPort, List<HotlistEntry> hotlist, double perSecond, long seed)
            throws Exception {
        Set<String> hotPlates = ConcurrentHashMap.newKeySet();
        hotlist.forEach(e -> hotPlates.add(e.getPlateText()));
        MqttAsyncClient client = new MqttAsyncClient("tcp://127.0.0.1:" + mqttPort, GANTRY, new MemoryPersistence());
        LiveAlerts live = new LiveAlerts(client);
        dispatcher.events(e -> {
            if (e.type().equals("alert") && e.data().has("at") && hotPlates.contains(e.data().path("plate").asText())) {
                long receivedMicros = micros(e.received());
                live.samples.add(new long[] {receivedMicros, receivedMicros - micros(Instant.parse(e.data().get("at").asText()))});
            }
        });
        MqttConnectOptions mo = new MqttConnectOptions();
        mo.setUserName(GANTRY);
        mo.setPassword(PASSWORD.toCharArray());
        mo.setCleanSession(true);
        mo.setMaxInflight(1_000); // PUBACKs may be slow under load: never refuse a publish for that
        mo.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        client.connect(mo).waitForCompletion(30_000);
        if (perSecond > 0) {
            SampleMessages messages = new SampleMessages(seed);
            WireCodec codec = new WireCodec();
            String topic = Topic.of(GANTRY, TopicKind.READS).name();
            SplittableRandom r = new SplittableRandom(seed + 3);
            long periodMicros = (long) (1e6 / perSecond);
            live.timer.scheduleAtFixedRate(() -> {
                try {
                    String plate = hotlist.get(r.nextInt(hotlist.size())).getPlateText();
                    MqttMessage m = new MqttMessage(codec.encode(PlateReadBatch.newBuilder()
                            .addReads(messages.read(GANTRY, plate, System.currentTimeMillis() * 1000)).build()));
                    m.setQos(1);
                    client.publish(topic, m);
                    live.published.incrementAndGet();
                } catch (Exception e) {
                    System.err.println("SearchLoad: live publish: " + e);
                }
            }, periodMicros, periodMicros, TimeUnit.MICROSECONDS);
        }
        return live;
    }

    long published() {
        return published.get();
    }

    /** Stops publishing. */
    void stopPublishing() {
        timer.shutdown();
    }

    /** The latencies of alerts received in [{@code fromMicros}, {@code toMicros}] (epoch); {@code outside[0]} counts the rest. */
    Latencies within(long fromMicros, long toMicros, long[] outside) {
        Latencies l = new Latencies();
        synchronized (samples) {
            for (long[] s : samples) {
                if (s[0] >= fromMicros && s[0] <= toMicros) {
                    l.add(s[1] * 1000, 1);
                } else {
                    outside[0]++;
                }
            }
        }
        return l;
    }

    @Override
    public void close() throws Exception {
        timer.shutdownNow();
        gantry.disconnect().waitForCompletion(5_000);
        gantry.close();
    }

    static long micros(Instant t) {
        return t.getEpochSecond() * 1_000_000 + t.getNano() / 1_000;
    }
}
