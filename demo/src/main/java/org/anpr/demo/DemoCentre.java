package org.anpr.demo;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.anpr.central.Receiver;
import org.anpr.central.api.AddOperatorCommand;
import org.anpr.central.auth.PasswordHasher;
import org.anpr.central.config.AuthConfig;
import org.anpr.central.config.MqttConfig;
import org.anpr.central.config.ReceiverConfig;
import org.anpr.central.config.StoreConfig;
import org.anpr.protocol.v1.HotlistCategory;
import org.anpr.protocol.v1.HotlistEntry;

/**
 * The centre of the demo: a real central receiver with MQTT on a free loopback port, one gantry
 * account, and the operators' console on loopback with one demo account per role.
 */
final class DemoCentre implements AutoCloseable {
    private final Receiver receiver;
    private final int port;

    private DemoCentre(Receiver receiver, int port) {
        this.receiver = receiver;
        this.port = port;
    }

    /** The operators' accounts the demo creates, one per role, all with the password {@link #operatorPassword()}. */
    static final String[] OPERATORS = {"demo-dispatcher:dispatcher", "demo-investigator:investigator", "demo-hotlist:hotlist-manager",
        "demo-admin:admin", "demo-auditor:auditor", "demo-viewer:viewer"};

    /**
     * @param consolePort the operators' console and API port on loopback; when taken, any free one
     */
    static DemoCentre start(Path dir, String gantryId, char[] password, int consolePort, String operatorPassword) throws Exception {
        Files.createDirectories(dir);
        Path credentials = dir.resolve("credentials");
        Files.writeString(credentials, gantryId + ":" + PasswordHasher.hash(password) + "\n");
        MqttConfig d = MqttConfig.DEFAULTS;
        ReceiverConfig config = ReceiverConfig.DEFAULTS
                .withMqtt(new MqttConfig("127.0.0.1", 0, d.maxMessageBytes(), d.maxClientIdLength(),
                        d.maxInflightPerClient(), d.maxKeepAliveSeconds(), d.connectTimeoutSeconds()))
                .withStore(StoreConfig.DEFAULTS.withDirectory(dir))
                .withAuth(new AuthConfig(credentials))
                .withHttp(ReceiverConfig.DEFAULTS.http().withListen("127.0.0.1", consolePort));
        for (String account : OPERATORS) {
            String[] nameRole = account.split(":");
            AddOperatorCommand.run(nameRole[0], nameRole[1], config,
                    new ByteArrayInputStream((operatorPassword + "\n").getBytes(StandardCharsets.UTF_8)), QUIET, QUIET);
        }
        try {
            return started(config);
        } catch (BindException e) {
            return started(config.withHttp(config.http().withListen("127.0.0.1", 0))); // the port is taken: any free one
        }
    }

    private static DemoCentre started(ReceiverConfig config) throws Exception {
        Receiver receiver = new Receiver(config);
        try {
            return new DemoCentre(receiver, receiver.start());
        } catch (Exception e) {
            receiver.close();
            throw e;
        }
    }

    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    /**
     * The open alerts on the console's board, fetched over HTTP as the demo dispatcher sees them
     * (the same API the console uses): plate and category of each.
     */
    List<String> alertBoard(String operatorPassword) throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
        String base = "http://localhost:" + receiver.httpPort();
        String login = "{\"name\":\"demo-dispatcher\",\"password\":\"" + operatorPassword + "\"}";
        http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/api/v1/session"))
                .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString(login)).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());
        String body = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/api/v1/alerts")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        List<String> out = new java.util.ArrayList<>();
        for (com.fasterxml.jackson.databind.JsonNode a : new com.fasterxml.jackson.databind.ObjectMapper().readTree(body).path("items")) {
            out.add(a.path("read").path("plate").asText() + " (" + a.path("entry").path("category").asText() + ", "
                    + a.path("source").asText() + " match)");
        }
        return out;
    }

    /** Where the operators' console is. */
    String consoleUrl() {
        return "http://localhost:" + receiver.httpPort() + "/";
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
                .setReferenceId("DEMO-CASE-1").setInstructions("Stolen in Brussels last night. Follow, do not stop alone.").build();
        return receiver.hotlist().apply(List.of(entry), List.of());
    }

    @Override
    public void close() {
        receiver.close();
    }
}
