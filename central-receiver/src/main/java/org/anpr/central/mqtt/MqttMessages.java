package org.anpr.central.mqtt;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttPublishVariableHeader;
import io.netty.handler.codec.mqtt.MqttQoS;

/** The few MQTT packets the server sends. */
final class MqttMessages {
    private MqttMessages() {
    }

    static MqttMessage connAck(MqttConnectReturnCode code, boolean sessionPresent) {
        return MqttMessageBuilders.connAck().returnCode(code).sessionPresent(sessionPresent).build();
    }

    static MqttMessage pubAck(int packetId) {
        return MqttMessageBuilders.pubAck().packetId(packetId).build();
    }

    static MqttMessage pingResp() {
        return new MqttMessage(new MqttFixedHeader(MqttMessageType.PINGRESP, false, MqttQoS.AT_MOST_ONCE, false, 0));
    }

    /**
     * A QoS 1 PUBLISH. The payload buffer wraps {@code payload} and belongs to the message: the
     * encoder releases it once written, so every (re)send builds a fresh one.
     */
    static MqttPublishMessage publish(String topic, byte[] payload, int packetId, boolean dup) {
        return new MqttPublishMessage(new MqttFixedHeader(MqttMessageType.PUBLISH, dup, MqttQoS.AT_LEAST_ONCE, false, 0),
                new MqttPublishVariableHeader(topic, packetId), Unpooled.wrappedBuffer(payload));
    }
}
