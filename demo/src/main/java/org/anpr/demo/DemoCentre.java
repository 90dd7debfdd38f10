package org.anpr.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.anpr.central.Receiver;
import org.anpr.central.auth.PasswordHasher;
import org.anpr.central.config.AuthConfig;
import org.anpr.central.config.MqttConfig;
import org.anpr.central.config.ReceiverConfig;
import org.anpr.central.config.StoreConfig;
import org.anpr.protocol.v1.HotlistCategory;
import org.anpr.protocol.v1.HotlistEntry;

/** The centre of the demo: a real central receiver on a free loopback port, with one gantry account. */
final class DemoCentre implements AutoCloseable {
    private final Receiver receiver;
    private final int port;

    private DemoCentre(Receiver receiver, int port) {
        this.receiver = receiver;
        this.port = port;
    }

    static DemoCentre start(Path dir, String gantryId, char[] password) throws Exception {
        Files.createDirectories(dir);
        Path credentials = dir.resolve("credentials");
        Files.writeString(credentials, gantryId + ":" + PasswordHasher.hash(password) + "\n");
        MqttConfig d = MqttConfig.DEFAULTS;
        ReceiverConfig config = ReceiverConfig.DEFAULTS
                .withMqtt(new MqttConfig("127.0.0.1", 0, d.maxMessageBytes(), d.maxClientIdLength(),
                        d.maxInflightPerClient(), d.maxKeepAliveSeconds(), d.connectTimeoutSeconds()))
                .withStore(StoreConfig.DEFAULTS.withDirectory(dir))
                .withAuth(new AuthConfig(credentials))
                .withHttp(ReceiverConfig.DEFAULTS.http().withEnabled(false));
        Receiver receiver = new Receiver(config);
        try {
            return new DemoCentre(receiver, receiver.start());
        } catch (Exception e) {
            receiver.close();
            throw e;
        }
    }

    int port() {
        return port;
    }

    Receiver receiver() {
        return receiver;
    }

    /** Puts a plate on the national hotlist as a stolen vehicle; returns the new list version. */
    long wanted(String plate) throws Exception {
        HotlistEntry entry = HotlistEntry.newBuilder()
                .setEntryId("demo-1").setPlateText(plate)
                .setCategory(HotlistCategory.HOTLIST_CATEGORY_STOLEN_VEHICLE).setPriority(1)
                .setReferenceId("DEMO-CASE-1").build();
        return receiver.hotlist().apply(List.of(entry), List.of());
    }

    @Override
    public void close() {
        receiver.close();
    }
}
