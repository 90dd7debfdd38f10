package org.anpr.bench.abuse;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.mqtt.MqttEncoder;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttVersion;
import java.nio.charset.StandardCharsets;

/** MQTT packets as bytes, encoded by Netty's own MQTT encoder: what the attackers and storm clients send. */
final class MqttBytes {
    private MqttBytes() {
    }

    static byte[] connect(String clientId, String user, String password) {
        return encode(MqttMessageBuilders.connect().protocolVersion(MqttVersion.MQTT_3_1_1).clientId(clientId).cleanSession(true)
                .keepAlive(60).hasUser(true).username(user).hasPassword(true).password(password.getBytes(StandardCharsets.UTF_8))
                .build());
    }

    /** A fixed header announcing a CONNECT of {@code bytes} (the body is the attacker's to send, or not). */
    static byte[] connectHeader(int bytes) {
        byte[] out = new byte[5];
        out[0] = 0x10;
        int n = bytes;
        int i = 1;
        do {
            int digit = n % 128;
            n /= 128;
            out[i++] = (byte) (n > 0 ? digit | 0x80 : digit);
        } while (n > 0 && i < 5);
        return java.util.Arrays.copyOf(out, i);
    }

    private static byte[] encode(MqttMessage m) {
        EmbeddedChannel ch = new EmbeddedChannel(MqttEncoder.INSTANCE);
        ch.writeOutbound(m);
        ByteBuf b = ch.readOutbound();
        try {
            return ByteBufUtil.getBytes(b);
        } finally {
            b.release();
            ch.finishAndReleaseAll();
        }
    }
}
