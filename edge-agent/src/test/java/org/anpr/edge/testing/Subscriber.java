package org.anpr.edge.testing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.anpr.protocol.WireCodec;
import org.anpr.protocol.topic.Topic;
import org.anpr.protocol.v1.Envelope;
import org.anpr.protocol.v1.PlateRead;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * The centre's side in tests: a Paho client with a persistent session (QoS 1), recording every
 * message it receives, decoded. Reconnects by itself when the broker restarts: with a fresh client
 * per attempt, as the agent's reporter does, because Paho's automatic reconnect can stay stuck in
 * "connect already in progress" (seen here once after a broker restart: 60 s without reconnecting).
 */
public final class Subscriber implements AutoCloseable {
    /** One received message. */
    public record Received(String topic, Envelope envelope, boolean retained) {
    }

    private final List<Received> received = new ArrayList<>();
    private final WireCodec codec = new WireCodec();
    private final String uri;
    private final String clientId;
    private final String filter;
    private final MqttConnectOptions options = new MqttConnectOptions();
    private final Thread reconnector;
    private volatile MqttClient client;
    private volatile boolean closed;

    public Subscriber(String uri, String clientId, String filter, String user, String password) throws MqttException {
        this.uri = uri;
        this.clientId = clientId;
        this.filter = filter;
        options.setCleanSession(false);
        options.setConnectionTimeout(5);
        if (user != null) {
            options.setUserName(user);
            options.setPassword(password.toCharArray());
        }
        client = connect();
        reconnector = new Thread(this::keepConnected, "subscriber-" + clientId);
        reconnector.setDaemon(true);
        reconnector.start();
    }

    public Subscriber(String uri, String clientId, String filter) throws MqttException {
        this(uri, clientId, filter, null, null);
    }

    private MqttClient connect() throws MqttException {
        MqttClient c = new MqttClient(uri, clientId, new MemoryPersistence());
        c.setCallback(new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
                // keepConnected() notices and connects a fresh client
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                Envelope env;
                try {
                    env = codec.decode(Topic.parse(topic), message.getPayload());
                } catch (org.anpr.protocol.ProtocolException e) {
                    return; // e.g. our own garbage on a downstream topic in a negative test
                }
                synchronized (received) {
                    received.add(new Received(topic, env, message.isRetained()));
                }
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
            }
        });
        try {
            c.connect(options);
            c.subscribe(filter, 1); // the session keeps it; subscribing again is harmless
            return c;
        } catch (MqttException e) {
            try {
                c.close(true);
            } catch (MqttException ignored) {
                // it never connected
            }
            throw e;
        }
    }

    private void keepConnected() {
        while (!closed) {
            try {
                Thread.sleep(100);
                MqttClient current = client;
                if (!current.isConnected() && !closed) {
                    try {
                        current.close(true);
                    } catch (MqttException ignored) {
                        // it is gone either way
                    }
                    client = connect();
                }
            } catch (MqttException e) {
                // broker still down: try again
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    public List<Received> received() {
        synchronized (received) {
            return new ArrayList<>(received);
        }
    }

    /** Read ids (hex) of every read received, with duplicates. */
    public List<String> readIds() {
        List<String> ids = new ArrayList<>();
        for (Received r : received()) {
            if (r.envelope().getPayloadCase() == Envelope.PayloadCase.READS) {
                for (PlateRead read : r.envelope().getReads().getReadsList()) {
                    ids.add(HexFormat.of().formatHex(read.getReadId().toByteArray()));
                }
            }
        }
        return ids;
    }

    public Set<String> distinctReadIds() {
        return new HashSet<>(readIds());
    }

    public boolean isConnected() {
        return client.isConnected();
    }

    public void publish(String topic, byte[] payload) throws MqttException {
        client.publish(topic, payload, 1, false);
    }

    /** Waits until {@code condition} holds or the timeout passes; returns whether it holds. */
    public static boolean await(BooleanSupplier condition, long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(25);
        }
        return condition.getAsBoolean();
    }

    @Override
    public void close() throws MqttException {
        closed = true;
        reconnector.interrupt();
        try {
            reconnector.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        MqttClient c = client;
        if (c.isConnected()) {
            c.disconnect(1000);
        }
        c.close(true);
    }

    @Override
    public String toString() {
        return "Subscriber(" + filter + ")";
    }
}
