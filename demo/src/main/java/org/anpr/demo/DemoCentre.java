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
    private int wantedEntries;

    private DemoCentre(Receiver receiver, int port) {
        this.receiver = receiver;
        this.port = port;
    }

    /** The operators' accounts the demo creates, one per role, all with the password {@link #operatorPassword()}. */
    static final String[] OPERATORS = {"demo-dispatcher:dispatcher", "demo-investigator:investigator", "demo-hotlist:hotlist-manager",
        "demo-admin:admin", "demo-auditor:auditor", "demo-viewer:viewer"};

    /**
     * What the centre is told about the network.
     *
     * @param gantries     each gantry's id and MQTT secret (stored as a salted hash of a machine secret; a short
     *                     password as PBKDF2)
     * @param routes       the speed sections ({@code sections.routes})
     * @param signingKeys  the exit gantries' public keys ({@code sections.signingKeysFile} lines)
     * @param positions    the gantries' positions and names for the map ({@code http.gantriesFile})
     */
    record Network(java.util.Map<String, char[]> gantries, List<org.anpr.central.config.SectionsConfig.Route> routes,
                   List<String> signingKeys, Path positions) {
    }

    /** A centre for one gantry and no section, with MQTT on any free port (the provisioning tests). */
    static DemoCentre start(Path dir, String gantryId, char[] password, int consolePort, String operatorPassword) throws Exception {
        return start(dir, new Network(java.util.Map.of(gantryId, password), List.of(), List.of(), null), 0, consolePort,
                operatorPassword, true, java.util.function.UnaryOperator.identity());
    }

    /**
     * @param mqttPort    the plain MQTT port on loopback (0 = any free one)
     * @param consolePort the operators' console and API port on loopback; when taken, any free one
     * @param console     serve the console and the API at all
     * @param decorate    wraps the store (the demo's commit log)
     */
    static DemoCentre start(Path dir, Network network, int mqttPort, int consolePort, String operatorPassword, boolean console,
                            java.util.function.UnaryOperator<org.anpr.central.store.ReadStore> decorate) throws Exception {
        Files.createDirectories(dir);
        Path credentials = writeCredentials(dir, network.gantries());
        Path keys = writeSigningKeys(dir, network.signingKeys());
        MqttConfig d = MqttConfig.DEFAULTS;
        ReceiverConfig config = ReceiverConfig.DEFAULTS
                .withMqtt(new MqttConfig("127.0.0.1", mqttPort, d.maxMessageBytes(), d.maxClientIdLength(),
                        d.maxInflightPerClient(), d.maxKeepAliveSeconds(), d.connectTimeoutSeconds()))
                .withStore(StoreConfig.DEFAULTS.withDirectory(dir))
                .withAuth(new AuthConfig(credentials))
                .withSections(org.anpr.central.config.SectionsConfig.DEFAULTS.withRoutes(network.routes()).withSigning(keys, false))
                .withHttp(ReceiverConfig.DEFAULTS.http().withListen("127.0.0.1", consolePort).withGantriesFile(network.positions())
                        .withEnabled(console));
        addOperators(config, operatorPassword);
        try {
            return started(config, decorate);
        } catch (BindException e) {
            return started(config.withHttp(config.http().withListen("127.0.0.1", 0)), decorate); // the port is taken: any free one
        }
    }

    /**
     * The centre's {@code auth.credentialsFile} in {@code dir}: each gantry's secret as a salted hash
     * (a machine secret as SHA-256, a short password as PBKDF2).
     */
    static Path writeCredentials(Path dir, java.util.Map<String, char[]> gantries) throws java.io.IOException {
        StringBuilder lines = new StringBuilder();
        gantries.forEach((id, secret) -> lines.append(id).append(':').append(secret.length >= PasswordHasher.MIN_SECRET_CHARS
                ? PasswordHasher.hashSecret(secret) : PasswordHasher.hash(secret)).append('\n'));
        return Files.writeString(dir.resolve("credentials"), lines);
    }

    /** The centre's {@code sections.signingKeysFile} in {@code dir}, or null without keys. */
    static Path writeSigningKeys(Path dir, List<String> lines) throws java.io.IOException {
        return lines.isEmpty() ? null : Files.writeString(dir.resolve("signing-keys"), String.join("\n", lines) + "\n");
    }

    /** The demo's {@link #OPERATORS}, one per role, in the store of {@code config}, all with {@code password}. */
    static void addOperators(ReceiverConfig config, String password) {
        for (String account : OPERATORS) {
            String[] nameRole = account.split(":");
            AddOperatorCommand.run(nameRole[0], nameRole[1], config,
                    new ByteArrayInputStream((password + "\n").getBytes(StandardCharsets.UTF_8)), QUIET, QUIET);
        }
    }

    private static DemoCentre started(ReceiverConfig config,
                                      java.util.function.UnaryOperator<org.anpr.central.store.ReadStore> decorate) throws Exception {
        Receiver receiver = new Receiver(config, decorate);
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
        List<String> out = new java.util.ArrayList<>();
        for (com.fasterxml.jackson.databind.JsonNode a : org.anpr.demo.ledger.OperatorClient.signIn(apiBase(), "demo-dispatcher",
                operatorPassword).get("/api/v1/alerts").path("items")) {
            out.add(a.path("read").path("plate").asText() + " (" + a.path("entry").path("category").asText() + ", "
                    + a.path("source").asText() + " match)");
        }
        return out;
    }

    /** Where the operators' console is. */
    String consoleUrl() {
        return apiBase() + "/";
    }

    /** The console's and the API's origin. */
    String apiBase() {
        return "http://localhost:" + receiver.httpPort();
    }

    int port() {
        return port;
    }

    Receiver receiver() {
        return receiver;
    }

    /**
     * Puts plates on the national hotlist, each with a category, a priority and instructions as a
     * hotlist manager would; returns the new list version.
     */
    long wanted(List<org.anpr.ocr.synth.PlateTruth> plates) throws Exception {
        HotlistCategory[] categories = {HotlistCategory.HOTLIST_CATEGORY_STOLEN_VEHICLE, HotlistCategory.HOTLIST_CATEGORY_WANTED_PERSON,
            HotlistCategory.HOTLIST_CATEGORY_STOLEN_VEHICLE, HotlistCategory.HOTLIST_CATEGORY_UNINSURED};
        List<HotlistEntry> entries = new java.util.ArrayList<>();
        for (org.anpr.ocr.synth.PlateTruth p : plates) {
            int n = ++wantedEntries;
            HotlistCategory category = categories[n % categories.length];
            entries.add(HotlistEntry.newBuilder()
                    .setEntryId("demo-" + n).setPlateText(p.text())
                    .setCategory(category).setPriority(category == HotlistCategory.HOTLIST_CATEGORY_UNINSURED ? 3 : 1)
                    .setReferenceId("DEMO-CASE-" + n).setInstructions(category == HotlistCategory.HOTLIST_CATEGORY_WANTED_PERSON
                            ? "Driver wanted for questioning. Do not approach; report direction." : "Follow, do not stop alone.")
                    .build());
        }
        return receiver.hotlist().apply(entries, List.of());
    }

    @Override
    public void close() {
        receiver.close();
    }
}
