package org.anpr.bench.ingest;

import java.util.Arrays;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import org.anpr.protocol.sample.SampleMessages;
import org.anpr.protocol.topic.Topic;
import org.anpr.protocol.topic.TopicKind;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * One simulated gantry: its own Paho client and identity, a window of {@code inflight} QoS 1
 * messages awaiting PUBACK, and the publish->PUBACK latencies it saw (recorded on Paho's callback
 * thread, so without contention).
 */
final class LoadGantry {
    private static final BufferedSockets SOCKETS = new BufferedSockets();

    private final String id;
    private final String topic;
    private final MqttAsyncClient client;
    private final Semaphore window;
    private final PayloadTemplate template;
    private final AtomicLong acked;
    private long[] latencies = new long[1 << 12];
    private int recorded;
    private volatile boolean recording;
    private volatile long failures;

    private final IMqttToken connecting;

    /** Starts connecting; {@link #awaitConnected} waits for the CONNACK (so that 200 gantries connect side by side). */
    LoadGantry(String uri, String id, int inflight, int cropBytes, int seed, AtomicLong acked) throws MqttException {
        this.id = id;
        this.topic = Topic.of(id, TopicKind.READS).name();
        this.window = new Semaphore(inflight);
        this.template = new PayloadTemplate(new SampleMessages(seed, cropBytes).read(id));
        this.acked = acked;
        this.client = new MqttAsyncClient(uri, id, new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setUserName(id);
        o.setPassword(LoadOptions.password(id).toCharArray());
        o.setCleanSession(true);
        o.setMaxInflight(inflight);
        o.setKeepAliveInterval(60);
        o.setConnectionTimeout(30);
        o.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        o.setSocketFactory(SOCKETS);
        this.connecting = client.connect(o);
    }

    void awaitConnected() throws MqttException {
        connecting.waitForCompletion(60_000);
    }

    /** Publishes one new read if the window has room; {@code scheduledNanos} is when it was due (rate mode) or now. */
    boolean tryPublish(long scheduledNanos) throws MqttException {
        if (!window.tryAcquire()) {
            return false;
        }
        MqttMessage m = new MqttMessage(template.next());
        m.setQos(1);
        client.publish(topic, m, null, new IMqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) { // the PUBACK: durably committed
                long latency = System.nanoTime() - scheduledNanos;
                acked.incrementAndGet();
                record(latency);
                window.release();
            }

            @Override
            public void onFailure(IMqttToken token, Throwable cause) {
                failures++;
                window.release();
            }
        });
        return true;
    }

    private synchronized void record(long nanos) {
        if (!recording) {
            return;
        }
        if (recorded == latencies.length) {
            latencies = Arrays.copyOf(latencies, recorded * 2);
        }
        latencies[recorded++] = nanos;
    }

    synchronized void startRecording() {
        recorded = 0;
        recording = true;
    }

    synchronized long[] stopRecording() {
        recording = false;
        return Arrays.copyOf(latencies, recorded);
    }

    /** Waits until nothing is in flight (every PUBACK arrived) or {@code timeoutMillis} passed. */
    boolean drain(int inflight, long timeoutMillis) throws InterruptedException {
        if (window.tryAcquire(inflight, timeoutMillis, java.util.concurrent.TimeUnit.MILLISECONDS)) {
            window.release(inflight);
            return true;
        }
        return false;
    }

    long failures() {
        return failures;
    }

    String id() {
        return id;
    }

    void close() {
        try {
            client.disconnect(5_000).waitForCompletion(5_000);
        } catch (MqttException ignored) {
            // the run is over
        }
        try {
            client.close();
        } catch (MqttException ignored) {
            // the run is over
        }
    }
}
