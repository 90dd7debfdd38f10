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
 * message it receives, decoded. Reconnects by itself when the broker restarts.
 */
public final class Subscriber implements AutoCloseable {
    /** One received message. */
    public record Received(String topic, Envelope envelope, boolean retained) {
    }

    private final MqttClient client;
    private final List<Received> received = new ArrayList<>();
    private final WireCodec codec = new WireCodec();
    private final String filter;

    public Subscriber(String uri, String clientId, String filter, String user, String password) throws MqttException {
        this.filter = filter;
        client = new MqttClient(uri, clientId, new MemoryPersistence());
        client.setCallback(new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
                // automatic reconnect resubscribes nothing: the session is persistent on the broker
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) throws Exception {
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
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(false);
        o.setAutomaticReconnect(true);
        o.setMaxReconnectDelay(500);
        if (user != null) {
            o.setUserName(user);
            o.setPassword(password.toCharArray());
        }
        client.connect(o);
        client.subscribe(filter, 1);
    }

    public Subscriber(String uri, String clientId, String filter) throws MqttException {
        this(uri, clientId, filter, null, null);
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
        if (client.isConnected()) {
            client.disconnect(1000);
        }
        client.close();
    }

    @Override
    public String toString() {
        return "Subscriber(" + filter + ")";
    }
}
