package org.anpr.edge.report;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.anpr.edge.outbox.Outbox;
import org.anpr.protocol.ProtocolException;
import org.anpr.protocol.WireCodec;
import org.anpr.protocol.topic.Topic;
import org.anpr.protocol.topic.TopicKind;
import org.anpr.protocol.v1.GantryState;
import org.anpr.protocol.v1.GantryStatus;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the outbox to the broker (QoS 1, several messages in flight) and deletes each message
 * only on its PUBACK; publishes the retained status heartbeat with an OFFLINE last will; receives
 * the centre's hotlist deltas, section entries and configuration pushes.
 *
 * <p>Reconnects with its own loop (exponential backoff with jitter, a fresh Paho client each
 * time) instead of Paho's automatic reconnect: Paho's has no jitter, so thousands of gantries
 * would reconnect in lock-step after a central outage, and it would replay its own in-memory
 * in-flight copies on top of the outbox's. Here the outbox is the only source of truth: after a
 * reconnect everything unacknowledged is simply sent again (the receiver deduplicates by id).
 */
public final class MqttReporter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MqttReporter.class);

    private final String gantryId;
    private final MqttSettings settings;
    private final Outbox outbox;
    private final WireCodec codec;
    private final Supplier<GantryStatus> status;
    private final Map<TopicKind, DownstreamHandler> handlers = new EnumMap<>(TopicKind.class);
    private final Semaphore wake = new Semaphore(0);
    private final ConcurrentLinkedQueue<long[]> acked = new ConcurrentLinkedQueue<>();
    private final Set<Long> inflight = new HashSet<>(); // outbox items in flight; reporter thread only
    private int messagesInFlight; // reporter thread only
    private final ReadBatcher batcher;
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong rejectedDownstream = new AtomicLong();
    private final AtomicLong failedDownstream = new AtomicLong();
    private final AtomicLong connects = new AtomicLong();
    private volatile int peakInflight;
    private final Runnable wakeUp = wake::release;
    private volatile boolean running;
    private volatile boolean lost;
    private volatile MqttAsyncClient client;
    private Thread thread;

    /**
     * @param status supplies the current health; the reporter sets gantry id, time, state and
     *               outbox backlog itself
     */
    public MqttReporter(String gantryId, MqttSettings settings, Outbox outbox, WireCodec codec, Supplier<GantryStatus> status) {
        this.gantryId = gantryId;
        this.settings = settings;
        this.outbox = outbox;
        this.codec = codec;
        this.status = status;
        this.batcher = new ReadBatcher(codec, settings.maxReadsPerMessage());
    }

    /** Registers the handler of a downstream topic (hotlist, section-entries, config); before {@link #start}. */
    public MqttReporter on(TopicKind kind, DownstreamHandler handler) {
        if (kind.direction() != TopicKind.Direction.DOWNSTREAM) {
            throw new IllegalArgumentException(kind + " is not a downstream topic");
        }
        handlers.put(kind, handler);
        return this;
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        outbox.onAppend(wakeUp);
        thread = new Thread(this::run, "mqtt-reporter-" + gantryId);
        thread.setDaemon(true);
        thread.start();
    }

    public boolean isConnected() {
        MqttAsyncClient c = client;
        return c != null && c.isConnected() && !lost;
    }

    /** Messages published (including re-sends after a reconnect). */
    public long published() {
        return published.get();
    }

    /** Outbox items acknowledged by the broker and deleted (a batch of reads counts each read's item). */
    public long acknowledged() {
        return acknowledged.get();
    }

    /** Downstream messages that decoded but whose handler failed (acknowledged all the same). */
    public long failedDownstream() {
        return failedDownstream.get();
    }

    /** Downstream messages that failed validation and were dropped. */
    public long rejectedDownstream() {
        return rejectedDownstream.get();
    }

    /** Most messages ever in flight at once: above 1 when a backlog drained with a window. */
    public int peakInflight() {
        return peakInflight;
    }

    /** Successful connections so far. */
    public long connects() {
        return connects.get();
    }

    private void run() {
        int attempt = 0;
        long nextHeartbeat = System.nanoTime();
        long connectedAt = System.nanoTime();
        while (running) {
            try {
                if (client == null) {
                    if (!connect()) {
                        sleepBackoff(attempt++);
                        continue;
                    }
                    connectedAt = System.nanoTime();
                    nextHeartbeat = connectedAt;
                }
                flushAcks();
                if (lost) {
                    dropClient();
                    // a connection that dies at once (flapping link, broker kicking us) backs off
                    // like a failed connect; one that lived a while starts over at the minimum
                    boolean stable = System.nanoTime() - connectedAt > TimeUnit.SECONDS.toNanos(10);
                    attempt = stable ? 0 : attempt + 1;
                    sleepBackoff(attempt);
                    continue;
                }
                if (System.nanoTime() - nextHeartbeat >= 0) {
                    publishStatus(GantryState.GANTRY_STATE_ONLINE, false);
                    nextHeartbeat = System.nanoTime() + TimeUnit.SECONDS.toNanos(settings.heartbeatSeconds());
                }
                sendMore();
                wake.tryAcquire(500, TimeUnit.MILLISECONDS);
                wake.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (SQLException | RuntimeException e) {
                LOG.error("reporter loop failed; retrying", e);
                sleepQuietly(1000);
            }
        }
    }

    private void sendMore() throws SQLException {
        int room = settings.maxInflight() - messagesInFlight;
        if (room <= 0) {
            return;
        }
        for (ReadBatcher.Outgoing m : batcher.next(outbox, room, inflight)) {
            try {
                MqttMessage msg = new MqttMessage(m.payload());
                msg.setQos(1);
                for (long seq : m.seqs()) {
                    inflight.add(seq);
                }
                messagesInFlight++;
                client.publish(m.topic().name(), msg, m.seqs(), null);
                published.incrementAndGet();
                peakInflight = Math.max(peakInflight, messagesInFlight);
            } catch (MqttException e) {
                for (long seq : m.seqs()) {
                    inflight.remove(seq);
                }
                messagesInFlight--;
                if (e.getReasonCode() != MqttException.REASON_CODE_MAX_INFLIGHT) {
                    LOG.warn("publish failed ({}); reconnecting", e.toString());
                    lost = true;
                }
                return;
            }
        }
    }

    private void flushAcks() throws SQLException {
        List<Long> items = new ArrayList<>();
        int messages = 0;
        for (long[] seqs; (seqs = acked.poll()) != null; messages++) {
            for (long seq : seqs) {
                items.add(seq);
            }
        }
        if (!items.isEmpty()) {
            outbox.ack(items);
            inflight.removeAll(items);
            // a late PUBACK of the previous connection still deletes its items (the broker has
            // them), but that connection's window is already gone
            messagesInFlight = Math.max(0, messagesInFlight - messages);
            acknowledged.addAndGet(items.size());
        }
    }

    private boolean connect() {
        MqttAsyncClient c = null;
        try {
            String clientId = settings.clientId() == null ? gantryId : settings.clientId();
            c = new MqttAsyncClient(settings.serverUri(), clientId, new MemoryPersistence());
            c.setCallback(new Callback());
            lost = false;
            c.connect(options()).waitForCompletion(TimeUnit.SECONDS.toMillis(settings.connectTimeoutSeconds() + 5L));
            List<String> topics = new ArrayList<>();
            for (TopicKind kind : handlers.keySet()) {
                topics.add(Topic.of(gantryId, kind).name());
            }
            if (!topics.isEmpty()) {
                int[] qos = topics.stream().mapToInt(t -> 1).toArray();
                c.subscribe(topics.toArray(new String[0]), qos).waitForCompletion(10_000);
            }
            client = c;
            inflight.clear(); // whatever the old connection had in flight is sent again
            messagesInFlight = 0;
            connects.incrementAndGet();
            LOG.info("connected to {} as {}", settings.serverUri(), clientId);
            return true;
        } catch (MqttException | java.io.IOException | java.security.GeneralSecurityException | ProtocolException e) {
            LOG.info("cannot connect to {}: {}", settings.serverUri(), e.toString());
            closeQuietly(c);
            return false;
        }
    }

    private MqttConnectOptions options() throws java.io.IOException, java.security.GeneralSecurityException, ProtocolException {
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(false); // the broker keeps hotlist deltas for us while we are away
        o.setAutomaticReconnect(false);
        o.setKeepAliveInterval(settings.keepAliveSeconds());
        o.setConnectionTimeout(settings.connectTimeoutSeconds());
        o.setMaxInflight(settings.maxInflight() + 1); // one slot kept free for the heartbeat
        if (settings.username() != null) {
            o.setUserName(settings.username());
            o.setPassword(settings.password() == null ? new char[0] : settings.password().toCharArray());
        }
        if (settings.tls() != null) {
            o.setSocketFactory(TlsSockets.factory(settings.tls()));
        }
        o.setWill(Topic.of(gantryId, TopicKind.STATUS).name(), statusBytes(GantryState.GANTRY_STATE_OFFLINE), 1, true);
        return o;
    }

    private byte[] statusBytes(GantryState state) throws ProtocolException {
        GantryStatus base = status.get();
        long backlog = outbox.stats().items();
        GantryStatus s = base.toBuilder().setGantryId(gantryId).setTimestampMicros(System.currentTimeMillis() * 1000)
                .setState(state == GantryState.GANTRY_STATE_ONLINE && base.getStateValue() > 0 ? base.getState() : state)
                .setOutboxBacklog(backlog).putQueueDepths("outbox", (int) Math.min(Integer.MAX_VALUE, backlog)).build();
        return codec.encode(s);
    }

    /** Publishes the retained status now (also used for the OFFLINE farewell on close). */
    private void publishStatus(GantryState state, boolean wait) {
        MqttAsyncClient c = client;
        if (c == null) {
            return;
        }
        try {
            MqttMessage msg = new MqttMessage(statusBytes(state));
            msg.setQos(1);
            msg.setRetained(true);
            IMqttDeliveryToken t = c.publish(Topic.of(gantryId, TopicKind.STATUS).name(), msg);
            if (wait) {
                t.waitForCompletion(5_000);
            }
        } catch (MqttException | ProtocolException e) {
            LOG.debug("status not published: {}", e.toString());
        }
    }

    private void dropClient() {
        closeQuietly(client);
        client = null;
        inflight.clear();
        messagesInFlight = 0;
    }

    private static void closeQuietly(MqttAsyncClient c) {
        if (c == null) {
            return;
        }
        try {
            if (c.isConnected()) {
                c.disconnectForcibly(100, 1000);
            }
        } catch (MqttException ignored) {
            // already gone
        }
        try {
            c.close(true);
        } catch (MqttException ignored) {
            // nothing left to release
        }
    }

    private void sleepBackoff(int attempt) {
        long cap = Math.min(settings.reconnectMaxMillis(), settings.reconnectMinMillis() << Math.min(attempt, 20));
        // "Equal jitter": at least half the delay, so a fleet spreads out without hammering the broker.
        long delay = cap / 2 + ThreadLocalRandom.current().nextLong(cap / 2 + 1);
        sleepQuietly(delay);
    }

    private void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** Stops sending; publishes an OFFLINE status first when connected. Nothing is lost: the outbox keeps what was not acknowledged. */
    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            if (!running) {
                return;
            }
            running = false;
            t = thread;
        }
        wake.release();
        if (t != null) {
            t.interrupt();
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        publishStatus(GantryState.GANTRY_STATE_OFFLINE, true);
        dropClient();
    }

    private final class Callback implements MqttCallback {
        @Override
        public void connectionLost(Throwable cause) {
            LOG.info("connection lost: {}", String.valueOf(cause));
            lost = true;
            wake.release();
        }

        @Override
        public void messageArrived(String topicName, MqttMessage message) throws Exception {
            Topic topic;
            org.anpr.protocol.v1.Envelope envelope;
            try {
                topic = Topic.parse(topicName);
                envelope = codec.decode(topic, message.getPayload());
            } catch (ProtocolException e) {
                rejectedDownstream.incrementAndGet();
                LOG.warn("dropped a bad message on {}: {}", topicName, e.getMessage());
                return;
            }
            DownstreamHandler h = handlers.get(topic.kind());
            if (h != null) {
                try {
                    h.accept(envelope);
                } catch (Exception | Error e) {
                    // returning normally acknowledges it: thrown, Paho would drop the link and the broker
                    // redeliver the same message for ever
                    failedDownstream.incrementAndGet();
                    LOG.error("a {} message could not be applied (acknowledged, not retried): {}", topic.kind(), e.toString());
                }
            }
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
            if (token.getUserContext() instanceof long[] seqs) {
                acked.add(seqs);
                wake.release();
            }
        }
    }
}
