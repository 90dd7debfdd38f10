package org.anpr.device.coap.server;

import java.net.InetSocketAddress;
import java.util.Collection;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.anpr.device.coap.api.GantryManagement;
import org.anpr.device.coap.dtls.DtlsEndpoints;
import org.anpr.device.coap.dtls.PskCredential;
import org.anpr.device.coap.dtls.X509Credentials;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.config.Configuration;

/**
 * The gantry's CoAP management server over DTLS (PSK). Resources:
 * <pre>
 * /status        GET, observable   GantryStatus JSON
 * /config        GET, PUT          opaque config bytes; PUT validated and applied, or 4.00 + reason
 * /hotlist       GET               HotlistInfo JSON
 * /clock         GET               ClockInfo JSON
 * /test/capture  POST              TestCapture JSON (JPEG base64 + recognition)
 * /test/gpio     POST              GpioSelfTest JSON
 * </pre>
 * A peer without a valid key (or trusted certificate) never gets past the DTLS handshake; an authenticated peer is limited
 * by a token bucket (4.29).
 */
public final class ManagementServer implements AutoCloseable {

    private final ManagementServerConfig config;
    private final CoapServer server;
    private final CoapEndpoint endpoint;
    private final CoapResource status;
    private final ScheduledExecutorService notifier;

    /** A server accepting technician tools that hold one of the {@code accepted} PSKs. */
    public ManagementServer(GantryManagement gantry, Collection<PskCredential> accepted,
                            ManagementServerConfig config) {
        this(gantry, accepted, null, config);
    }

    /**
     * A server accepting PSK clients and, with {@code x509} set, clients whose certificate is
     * trusted by {@code x509.trusted()}; the server presents {@code x509}'s certificate to them.
     */
    public ManagementServer(GantryManagement gantry, Collection<PskCredential> accepted, X509Credentials x509,
                            ManagementServerConfig config) {
        Objects.requireNonNull(gantry, "gantry");
        this.config = Objects.requireNonNull(config, "config");
        Configuration cfg = DtlsEndpoints.configuration();
        // block1 (PUT /config in blocks) is reassembled only up to this size, then 4.13
        cfg.set(CoapConfig.MAX_RESOURCE_BODY_SIZE, config.maxConfigBytes());
        this.endpoint = DtlsEndpoints.server(config.bind(), accepted, x509, cfg);

        this.server = new CoapServer(cfg);
        server.addEndpoint(endpoint);
        this.status = JsonResource.observable("status", gantry::status);
        CoapResource test = new CoapResource("test");
        test.add(JsonResource.post("capture", gantry::testCapture), JsonResource.post("gpio", gantry::gpioSelfTest));
        server.add(status,
                new ConfigResource(gantry, config.maxConfigBytes()),
                JsonResource.get("hotlist", gantry::hotlistInfo),
                JsonResource.get("clock", gantry::clock),
                test);
        RateLimiter<InetSocketAddress> limiter =
                new RateLimiter<>(config.rateBurst(), config.ratePerSecond(), System::nanoTime);
        server.setMessageDeliverer(new RateLimitingDeliverer(server.getRoot(), cfg, limiter));

        this.notifier = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "coap-status-notifier");
            t.setDaemon(true);
            return t;
        });
    }

    public synchronized ManagementServer start() {
        server.start();
        long ms = config.statusNotifyInterval().toMillis();
        notifier.scheduleAtFixedRate(this::notifyStatusChanged, ms, ms, TimeUnit.MILLISECONDS);
        return this;
    }

    /** The bound address; with port 0 in the config, the ephemeral port chosen at start. */
    public InetSocketAddress address() {
        return endpoint.getAddress();
    }

    /** Pushes the current status to all /status observers now (e.g. on a new fault). */
    public void notifyStatusChanged() {
        status.changed();
    }

    @Override
    public synchronized void close() {
        notifier.shutdownNow();
        server.destroy();
    }
}
