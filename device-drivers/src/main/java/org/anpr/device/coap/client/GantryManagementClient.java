package org.anpr.device.coap.client;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import org.anpr.device.coap.api.ClockInfo;
import org.anpr.device.coap.api.ConfigResult;
import org.anpr.device.coap.api.GantryStatus;
import org.anpr.device.coap.api.GpioSelfTest;
import org.anpr.device.coap.api.HotlistInfo;
import org.anpr.device.coap.api.ManagementJson;
import org.anpr.device.coap.api.TestCapture;
import org.anpr.device.coap.dtls.DtlsEndpoints;
import org.anpr.device.coap.dtls.PskCredential;
import org.anpr.device.coap.dtls.X509Credentials;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapHandler;
import org.eclipse.californium.core.CoapObserveRelation;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.exception.ConnectorException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The technician tool's side of the gantry management channel (CoAP over DTLS with the gantry's
 * PSK, or a certificate). Blocking calls; one DTLS session is reused for all of them.
 */
public final class GantryManagementClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GantryManagementClient.class);

    /**
     * @param requestTimeout          how long a call waits for its response (default 10 s)
     * @param handshakeRetransmission initial DTLS handshake retransmission timeout (default 1 s)
     * @param handshakeRetries        DTLS flight retransmissions before the handshake fails (default 3)
     * @param maxResponseBytes        largest response accepted, e.g. a test-shot JPEG (default 8 MiB)
     */
    public record Settings(Duration requestTimeout, Duration handshakeRetransmission, int handshakeRetries,
                           int maxResponseBytes) {
        public Settings {
            Objects.requireNonNull(requestTimeout, "requestTimeout");
            Objects.requireNonNull(handshakeRetransmission, "handshakeRetransmission");
            if (requestTimeout.toMillis() < 1) {
                throw new IllegalArgumentException("requestTimeout must be >= 1 ms, was " + requestTimeout);
            }
            if (handshakeRetransmission.toMillis() < 1) {
                throw new IllegalArgumentException("handshakeRetransmission must be >= 1 ms, was "
                        + handshakeRetransmission);
            }
            if (handshakeRetries < 0 || handshakeRetries > 10) {
                throw new IllegalArgumentException("handshakeRetries must be in [0, 10], was " + handshakeRetries);
            }
            if (maxResponseBytes < 1024) {
                throw new IllegalArgumentException("maxResponseBytes must be >= 1024, was " + maxResponseBytes);
            }
        }

        public static Settings defaults() {
            return new Settings(Duration.ofSeconds(10), Duration.ofSeconds(1), 3, 8 * 1024 * 1024);
        }
    }

    /** A running observation; closing it cancels the relation at the gantry. */
    public interface Observation extends AutoCloseable {
        @Override
        void close();
    }

    private final String baseUri;
    private final Settings settings;
    private final CoapEndpoint endpoint;

    /** A client authenticating with the gantry's pre-shared key. */
    public GantryManagementClient(InetSocketAddress gantry, PskCredential credential, Settings settings)
            throws IOException {
        this(gantry, settings, cfg -> DtlsEndpoints.client(credential, cfg, settings.handshakeRetransmission(),
                settings.handshakeRetries()));
    }

    /** A client authenticating with a certificate (the gantry must trust its issuer). */
    public GantryManagementClient(InetSocketAddress gantry, X509Credentials credential, Settings settings)
            throws IOException {
        this(gantry, settings, cfg -> DtlsEndpoints.client(credential, cfg, settings.handshakeRetransmission(),
                settings.handshakeRetries()));
    }

    private GantryManagementClient(InetSocketAddress gantry, Settings settings,
                                   Function<Configuration, CoapEndpoint> endpointFactory) throws IOException {
        Objects.requireNonNull(gantry, "gantry");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.baseUri = "coaps://" + hostLiteral(gantry) + ":" + gantry.getPort();
        Configuration cfg = DtlsEndpoints.configuration();
        cfg.set(CoapConfig.MAX_RESOURCE_BODY_SIZE, settings.maxResponseBytes());
        this.endpoint = endpointFactory.apply(cfg);
        endpoint.start();
    }

    public GantryStatus status() throws ManagementException {
        return json(call("status", CoapClient::get), GantryStatus.class);
    }

    public byte[] config() throws ManagementException {
        return call("config", CoapClient::get).getPayload();
    }

    /** Pushes a config. A rejection by the gantry's validation is a result, not an exception. */
    public ConfigResult applyConfig(byte[] config) throws ManagementException {
        CoapResponse r = send("config", c -> c.put(config, MediaTypeRegistry.APPLICATION_OCTET_STREAM));
        if (r.getCode() == ResponseCode.BAD_REQUEST) {
            return ConfigResult.rejected(r.getResponseText().isBlank() ? "rejected without reason" : r.getResponseText());
        }
        check(r, "config");
        return ConfigResult.accepted();
    }

    public HotlistInfo hotlistInfo() throws ManagementException {
        return json(call("hotlist", CoapClient::get), HotlistInfo.class);
    }

    public ClockInfo clock() throws ManagementException {
        return json(call("clock", CoapClient::get), ClockInfo.class);
    }

    public TestCapture testCapture() throws ManagementException {
        return json(call("test/capture", c -> c.post(new byte[0], MediaTypeRegistry.UNDEFINED)), TestCapture.class);
    }

    public GpioSelfTest gpioSelfTest() throws ManagementException {
        return json(call("test/gpio", c -> c.post(new byte[0], MediaTypeRegistry.UNDEFINED)), GpioSelfTest.class);
    }

    /**
     * Observes {@code /status}; {@code onStatus} gets the first state and every notification.
     * Close the returned handle to cancel the observation at the gantry.
     */
    public Observation observeStatus(Consumer<GantryStatus> onStatus) throws ManagementException {
        CoapClient client = client("status");
        CoapObserveRelation relation;
        try {
            relation = client.observeAndWait(new CoapHandler() {
                @Override
                public void onLoad(CoapResponse response) {
                    if (!response.isSuccess()) {
                        LOG.warn("/status notification with error {}", response.getCode());
                        return;
                    }
                    try {
                        onStatus.accept(ManagementJson.decode(response.getPayload(), GantryStatus.class));
                    } catch (IOException e) {
                        LOG.warn("ignoring undecodable /status notification: {}", e.getMessage());
                    }
                }

                @Override
                public void onError() {
                    LOG.warn("/status observation failed");
                }
            });
        } catch (ConnectorException | IOException e) {
            client.shutdown();
            throw new ManagementException("observe /status failed: " + e.getMessage(), null, e);
        }
        Response first = relation.getCurrentResponse();
        if (first == null || !first.isSuccess()) {
            relation.proactiveCancel();
            client.shutdown();
            if (first != null) {
                check(first.getCode(), first.getPayloadString(), "status");
            }
            throw new ManagementException("no response to the /status observation", null, null);
        }
        return () -> {
            relation.proactiveCancel();
            client.shutdown();
        };
    }

    @Override
    public void close() {
        endpoint.destroy();
    }

    @FunctionalInterface
    private interface Exchange {
        CoapResponse run(CoapClient client) throws ConnectorException, IOException;
    }

    private CoapResponse call(String path, Exchange exchange) throws ManagementException {
        CoapResponse r = send(path, exchange);
        check(r, path);
        return r;
    }

    private CoapResponse send(String path, Exchange exchange) throws ManagementException {
        CoapClient client = client(path);
        try {
            CoapResponse r = exchange.run(client);
            if (r == null) {
                throw new ManagementException("no response from " + baseUri + "/" + path
                        + " (timeout, unreachable, or DTLS handshake failed)", null, null);
            }
            return r;
        } catch (ConnectorException | IOException e) {
            if (e instanceof ManagementException m) {
                throw m;
            }
            throw new ManagementException(path + " failed: " + e.getMessage(), null, e);
        } finally {
            client.shutdown();
        }
    }

    private CoapClient client(String path) {
        CoapClient c = new CoapClient(baseUri + "/" + path);
        c.setEndpoint(endpoint);
        c.setTimeout(settings.requestTimeout().toMillis());
        return c;
    }

    private static void check(CoapResponse r, String path) throws ManagementException {
        check(r.getCode(), r.getResponseText(), path);
    }

    private static void check(ResponseCode code, String text, String path) throws ManagementException {
        if (!code.isSuccess()) {
            String c = code.codeClass + "." + String.format("%02d", code.codeDetail);
            throw new ManagementException(path + ": " + c + " " + code.name()
                    + (text == null || text.isBlank() ? "" : " (" + text + ")"), c, null);
        }
    }

    private static <T> T json(CoapResponse r, Class<T> type) throws ManagementException {
        try {
            return ManagementJson.decode(r.getPayload(), type);
        } catch (IOException e) {
            throw new ManagementException("bad " + type.getSimpleName() + " payload: " + e.getMessage(), null, e);
        }
    }

    private static String hostLiteral(InetSocketAddress a) {
        String host = a.getAddress() != null ? a.getAddress().getHostAddress() : a.getHostString();
        return host.contains(":") ? "[" + host + "]" : host;
    }
}
