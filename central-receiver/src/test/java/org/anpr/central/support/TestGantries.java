package org.anpr.central.support;

import com.google.protobuf.Message;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.anpr.central.auth.PasswordHasher;
import org.anpr.central.config.AuthConfig;
import org.anpr.central.config.MqttConfig;
import org.anpr.central.config.ReceiverConfig;
import org.anpr.central.config.SectionsConfig;
import org.anpr.protocol.ProtocolException;
import org.anpr.protocol.WireCodec;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/** Gantry identities, credentials, configuration and clients for tests against a real receiver. */
public final class TestGantries {
    public static final String ENTRY = "A2-N-km40";
    public static final String EXIT = "A2-N-km52";
    public static final String OTHER = "A12-W-km3";
    public static final WireCodec CODEC = new WireCodec();

    private TestGantries() {
    }

    public static String password(String gantry) {
        return "pw-" + gantry + "-7f3a";
    }

    /** A credentials file for the test gantries; few PBKDF2 iterations keep the tests fast. */
    public static Path credentials(Path dir) throws IOException {
        StringBuilder s = new StringBuilder("# test gantries\n");
        for (String g : new String[] {ENTRY, EXIT, OTHER}) {
            s.append(g).append(':').append(PasswordHasher.hash(password(g).toCharArray(), 1_000)).append('\n');
        }
        Path file = dir.resolve("credentials");
        Files.writeString(file, s, StandardCharsets.UTF_8);
        return file;
    }

    /** The section the sample messages use: {@link #ENTRY} to {@link #EXIT}. */
    public static final String SECTION = "A2-km40-km52";
    /** The test network's sections: the one before {@link #ENTRY}, {@link #SECTION}, and one ending at {@link #OTHER}. */
    public static final List<SectionsConfig.Route> SECTIONS = List.of(
            new SectionsConfig.Route("A2-km28-km40", "A2-N-km28", ENTRY),
            new SectionsConfig.Route(SECTION, ENTRY, EXIT),
            new SectionsConfig.Route("A12-km0-km3", "A12-W-km0", OTHER));

    /** Loopback, a free port, the store in {@code dir}, the test sections configured. */
    public static ReceiverConfig config(Path dir) throws IOException {
        ReceiverConfig d = ReceiverConfig.DEFAULTS;
        return d.withMqtt(new MqttConfig("127.0.0.1", 0, d.mqtt().maxMessageBytes(), 64, 32, 60, 10))
                .withAuth(new AuthConfig(credentials(dir)))
                .withStore(d.store().withDirectory(dir.resolve("data")))
                .withHttp(d.http().withListen("127.0.0.1", 0))
                .withSections(d.sections().withRoutes(SECTIONS));
    }

    public static MqttConnectOptions options(String gantry, boolean clean) {
        MqttConnectOptions o = new MqttConnectOptions();
        o.setUserName(gantry);
        o.setPassword(password(gantry).toCharArray());
        o.setCleanSession(clean);
        o.setConnectionTimeout(5);
        o.setKeepAliveInterval(30);
        o.setAutomaticReconnect(false);
        o.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        return o;
    }

    public static MqttClient client(int port, String clientId) throws MqttException {
        MqttClient c = new MqttClient("tcp://127.0.0.1:" + port, clientId, new MemoryPersistence());
        c.setTimeToWait(10_000);
        return c;
    }

    /** A Paho client of {@code gantry}, connected. */
    public static MqttClient connect(int port, String gantry, boolean clean) throws MqttException {
        MqttClient c = client(port, gantry);
        c.connect(options(gantry, clean));
        return c;
    }

    public static byte[] encode(Message payload) {
        try {
            return CODEC.encode(payload);
        } catch (ProtocolException e) {
            throw new AssertionError(e);
        }
    }

    public static void closeQuietly(MqttClient c) {
        try {
            if (c.isConnected()) {
                c.disconnect(1_000);
            }
        } catch (MqttException ignored) {
            // the test is over
        }
        try {
            c.close(true);
        } catch (MqttException ignored) {
            // the test is over
        }
    }

    /** Polls {@code condition} until true; fails naming {@code what} after {@code timeout}. */
    public static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for: " + what);
            }
            Thread.sleep(20);
        }
    }

    /** For lambdas that throw checked exceptions inside {@link #await}. */
    public interface Check {
        boolean get() throws Exception;
    }

    public static BooleanSupplier unchecked(Check c) {
        return () -> {
            try {
                return c.get();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        };
    }
}
