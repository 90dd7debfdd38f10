package org.anpr.central.support;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttMessage;

/** Collects what a Paho client receives. */
public final class Inbox implements MqttCallback {
    public record Received(String topic, byte[] payload, boolean duplicate) {
    }

    private final BlockingQueue<Received> messages = new LinkedBlockingQueue<>();

    @Override
    public void connectionLost(Throwable cause) {
        // tests look at isConnected()
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        messages.add(new Received(topic, message.getPayload(), message.isDuplicate()));
    }

    @Override
    public void deliveryComplete(IMqttDeliveryToken token) {
        // publishing side: not needed
    }

    /** The next message, or null after {@code seconds}. */
    public Received next(int seconds) throws InterruptedException {
        return messages.poll(seconds, TimeUnit.SECONDS);
    }

    public int size() {
        return messages.size();
    }
}
