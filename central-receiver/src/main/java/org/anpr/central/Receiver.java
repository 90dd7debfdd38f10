package org.anpr.central;

import io.netty.handler.ssl.SslContext;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Clock;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.anpr.central.api.OperatorApi;
import org.anpr.central.auth.CredentialsWatcher;
import org.anpr.central.config.ReceiverConfig;
import org.anpr.central.fleet.FleetView;
import org.anpr.central.hotlist.CentralHotlist;
import org.anpr.central.hotlist.HotlistDistributor;
import org.anpr.central.ingest.GroupCommitWriter;
import org.anpr.central.ingest.Ingestor;
import org.anpr.central.metrics.PrometheusEndpoint;
import org.anpr.central.metrics.ReceiverMetrics;
import org.anpr.central.mqtt.MqttServer;
import org.anpr.central.mqtt.SessionRegistry;
import org.anpr.central.mqtt.TlsContexts;
import org.anpr.central.retention.RetentionJob;
import org.anpr.central.routing.SectionRouter;
import org.anpr.central.store.ReadStore;
import org.anpr.central.store.JdbcHotlistStore;
import org.anpr.central.store.Stores;
import org.anpr.protocol.CodecLimits;
import org.anpr.protocol.WireCodec;

/** The central receiver, wired: store, hotlist, ingest, routing, MQTT endpoint, retention. */
public final class Receiver implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Receiver.class);

    private final ReceiverConfig config;
    private final ReceiverMetrics metrics = new ReceiverMetrics();
    private final ReadStore store;
    private final JdbcHotlistStore hotlistStore;
    private final CentralHotlist hotlist;
    private final SessionRegistry sessions;
    private final GroupCommitWriter writer;
    private final Ingestor ingestor;
    private final SectionRouter router;
    private final FleetView fleet;
    private final MqttServer server;
    private final CredentialsWatcher credentials;
    private final PrometheusRegistry metricsRegistry;
    private PrometheusEndpoint metricsEndpoint;
    private final RetentionJob retention;
    private final OperatorApi api;
    private volatile MqttServer lagTarget;
    private int port = -1;
    private int tlsPort = -1;
    private int httpPort = -1;

    public Receiver(ReceiverConfig config) throws Exception {
        this(config, UnaryOperator.identity());
    }

    /** @param decorateStore wraps the configured read store (tests hold commits with it) */
    public Receiver(ReceiverConfig config, UnaryOperator<ReadStore> decorateStore) throws Exception {
        this.config = config;
        // What can fail on bad input is read before any file is opened: nothing to clean up then.
        org.anpr.central.violation.ViolationEvidence violationEvidence = org.anpr.central.violation.ViolationEvidence.load(
                config.sections().signingKeysFile(), config.sections().requireSignatures());
        this.credentials = new CredentialsWatcher(config.auth().credentialsFile(), config.tls().crlFile(),
                config.tls().crlFile() == null ? java.util.List.of() : TlsContexts.trustedCertificates(config.tls()));
        SslContext sslContext = config.tls().enabled() ? TlsContexts.server(config.tls()) : null;
        Stores stores = Stores.open(config.store());
        this.store = decorateStore.apply(stores.reads());
        WireCodec codec = new WireCodec(CodecLimits.DEFAULTS);
        this.hotlistStore = stores.hotlist();
        this.hotlist = new CentralHotlist(hotlistStore, config.hotlist().deltaHistoryVersions(),
                config.hotlist().maxEntriesPerChunk(), codec);
        this.sessions = new SessionRegistry(config.mqtt().maxInflightPerClient(), config.mqtt().maxQueuedPerSession(), metrics);
        // The writer tells the server to pause reads; the server exists only later, hence the indirection.
        this.writer = new GroupCommitWriter(store, config.store().maxBatch(), config.store().highWaterMark(),
                config.store().lowWaterMark(), lagging -> {
                    MqttServer s = lagTarget;
                    if (s != null) {
                        s.storeLagging(lagging);
                    }
                }, metrics);
        this.router = new SectionRouter(sessions, writer, store.pendingDeliveries(), config.sections());
        violationEvidence.anchor(store.latestViolations());
        this.ingestor = new Ingestor(codec, hotlist, writer, router, violationEvidence, config.retention(), metrics);
        HotlistDistributor distributor = new HotlistDistributor(hotlist, sessions, metrics);
        ingestor.addCommitListener(router);
        ingestor.addCommitListener(distributor);
        sessions.addListener(router);
        sessions.addListener(distributor);
        this.fleet = new FleetView(store);
        fleet.markAllOffline();
        this.server = new MqttServer(config.mqtt(), sslContext, credentials, sessions, ingestor, metrics);
        this.lagTarget = server;
        credentials.onChange(w -> server.revalidate());
        this.retention = new RetentionJob(store, config.retention(), Clock.systemUTC(), router::dropExpired);
        OperatorApi operatorApi = null;
        if (config.http().enabled()) {
            try {
                operatorApi = new OperatorApi(config, config.http().tls() ? TlsContexts.https(config.tls()) : null,
                        Clock.systemUTC(), hotlist);
                OperatorApi live = operatorApi;
                ingestor.addCommitListener((gantry, topic, envelope, payload) -> live.committed());
            } catch (Exception e) {
                closeParts();
                throw e;
            }
        }
        this.api = operatorApi;
        this.metricsRegistry = PrometheusEndpoint.registry(metrics, Map.of(
                "store_queued_publishes", new PrometheusEndpoint.Gauge("publishes waiting for the store writer", writer::queued),
                "store_lagging", new PrometheusEndpoint.Gauge("1 while socket reads are paused for the store", () -> writer.lagging() ? 1 : 0),
                "mqtt_connections", new PrometheusEndpoint.Gauge("open MQTT connections, authenticated or not", server::connectionCount),
                "gantries_online", new PrometheusEndpoint.Gauge("gantries connected now", sessions::onlineCount),
                "mqtt_sessions", new PrometheusEndpoint.Gauge("MQTT sessions kept, online or not", sessions::sessionCount),
                "passages_held", new PrometheusEndpoint.Gauge("section passages held for exit gantries", router::heldTotal),
                "hotlist_version", new PrometheusEndpoint.Gauge("the central hotlist's version", hotlist::version),
                "hotlist_entries", new PrometheusEndpoint.Gauge("entries on the central hotlist", hotlist::size)));
    }

    /** Starts listening; returns the plain MQTT port (-1 when only TLS is open). */
    public int start() throws InterruptedException {
        if (config.tls().plaintext()) {
            port = server.listen(config.mqtt().port(), false);
        }
        if (config.tls().enabled()) {
            tlsPort = server.listen(config.tls().port(), true);
        }
        if (api != null) {
            httpPort = api.listen();
        }
        if (config.metrics().enabled()) {
            try {
                metricsEndpoint = PrometheusEndpoint.start(config.metrics(), metricsRegistry);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }
        retention.start();
        credentials.start(config.auth().reloadInterval());
        return port;
    }

    public int port() {
        return port;
    }

    public int tlsPort() {
        return tlsPort;
    }

    /** The operators' API port, -1 when {@code http.enabled} is false. */
    public int httpPort() {
        return httpPort;
    }

    /** The operators' API, or null when disabled. */
    public OperatorApi api() {
        return api;
    }

    /** Password checks (key derivations or secret hashes) run so far against the credentials now in force. */
    public long credentialDerivations() {
        return credentials.credentials().derivations();
    }

    public ReceiverConfig config() {
        return config;
    }

    public ReceiverMetrics metrics() {
        return metrics;
    }

    public ReadStore store() {
        return store;
    }

    public CentralHotlist hotlist() {
        return hotlist;
    }

    public SessionRegistry sessions() {
        return sessions;
    }

    public SectionRouter router() {
        return router;
    }

    public FleetView fleet() {
        return fleet;
    }

    public RetentionJob retention() {
        return retention;
    }

    /** The Prometheus endpoint's port, or -1 when it is off. */
    public int metricsPort() {
        return metricsEndpoint == null ? -1 : metricsEndpoint.port();
    }

    public GroupCommitWriter writer() {
        return writer;
    }

    /** Connections first (nothing new arrives), then the writer drains, then the files close. */
    @Override
    public void close() {
        if (metricsEndpoint != null) {
            metricsEndpoint.close();
        }
        if (api != null) {
            api.close();
        }
        closeParts();
        LOG.info("central receiver stopped: connections closed, store writer drained, files closed");
    }

    private void closeParts() {
        credentials.close();
        server.close();
        retention.close();
        writer.close();
        hotlistStore.close();
        store.close();
    }
}
