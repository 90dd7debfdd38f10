package org.anpr.edge.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.anpr.edge.config.AgentConfig;
import org.anpr.edge.config.AgentConfigLoader;
import org.anpr.edge.config.ConfigException;
import org.anpr.edge.config.ConfigFile;
import org.anpr.edge.config.ConfigRevisions;
import org.anpr.edge.hotlist.DeltaRejectedException;
import org.anpr.edge.hotlist.Hotlist;
import org.anpr.edge.metrics.AgentMetrics;
import org.anpr.edge.metrics.HealthProbe;
import org.anpr.edge.outbox.Outbox;
import org.anpr.edge.recognition.PlateReadSource;
import org.anpr.edge.report.MqttReporter;
import org.anpr.edge.section.SectionTimer;
import org.anpr.protocol.ProtocolException;
import org.anpr.protocol.WireCodec;
import org.anpr.protocol.topic.Topic;
import org.anpr.protocol.topic.TopicKind;
import org.anpr.protocol.v1.ConfigPush;
import org.anpr.protocol.v1.Envelope;
import org.anpr.protocol.v1.GantryStatus;
import org.anpr.protocol.v1.HotlistAlert;
import org.anpr.protocol.v1.PlateRead;
import org.anpr.protocol.v1.PlateReadBatch;
import org.anpr.protocol.v1.SectionPassage;
import org.anpr.protocol.v1.SectionViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gantry application from a finished read onwards: outbox first, then the hotlist (a hit
 * becomes an alert that jumps the queue), then section timing; the reporter sends the outbox and
 * feeds the centre's hotlist deltas, section entries and configuration pushes back in.
 */
public final class EdgeAgent implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EdgeAgent.class);
    private static final String SOFTWARE_VERSION = "0.1.0";

    private final WireCodec codec = new WireCodec();
    private final AgentMetrics metrics = new AgentMetrics();
    private final HealthProbe health;
    private final Outbox outbox;
    private final Hotlist hotlist;
    private final SectionTimer sections;
    private final ScheduledExecutorService jobs;
    private final List<Consumer<HotlistAlert>> alertListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<PlateRead>> storedListeners = new CopyOnWriteArrayList<>();
    private volatile AgentConfig config;
    private volatile ConfigFile configFile;
    private volatile MqttReporter reporter;
    private final ConfigRevisions revisions;
    private volatile String lastConfigRefusal;
    private volatile boolean storageFailing;

    private EdgeAgent(AgentConfig config, HealthProbe health) throws SQLException, ProtocolException {
        this.config = config;
        this.health = health;
        this.outbox = store("outbox.file", config.outboxFile(), () -> Outbox.open(config.outboxFile(), config.outboxLimits(), codec));
        try {
            this.hotlist = store("hotlist.file", config.hotlistFile(), () -> Hotlist.open(config.hotlistFile()));
            this.revisions = new ConfigRevisions(config.outboxFile().toAbsolutePath().resolveSibling("config-revision"));
            this.sections = store("storage.dir (sections.db)", config.sectionsFile(), () -> SectionTimer.open(config.sectionsFile(),
                    config.gantryId(), config.sections(), config.sectionSettings(), new OutboxSink()));
        } catch (SQLException | ProtocolException | RuntimeException e) {
            outbox.close();
            throw e;
        }
        this.jobs = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "edge-jobs");
            t.setDaemon(true);
            return t;
        });
        jobs.scheduleWithFixedDelay(this::expirePassages, 1, 60, TimeUnit.SECONDS);
    }

    private interface StoreOpener<T> {
        T open() throws SQLException, ProtocolException;
    }

    /**
     * Opens one of the agent's SQLite stores; a file that is not an SQLite database (a path pointing
     * at the wrong file) is named with the setting that chose it instead of SQLite's bare SQLITE_NOTADB.
     */
    private static <T> T store(String setting, java.nio.file.Path file, StoreOpener<T> opener) throws SQLException, ProtocolException {
        try {
            return opener.open();
        } catch (SQLException e) {
            if (e.getErrorCode() == 26 || String.valueOf(e.getMessage()).contains("SQLITE_NOTADB")) { // 26: SQLITE_NOTADB
                throw new SQLException(setting + ": " + file + " is not an SQLite database, so not one of the agent's stores"
                        + " (point it at a new path, or at the file this agent wrote)", e);
            }
            throw e;
        }
    }

    /** Opens the stores (re-sending whatever a previous run left unacknowledged) and connects. */
    public static EdgeAgent start(AgentConfig config, HealthProbe health) throws SQLException, ProtocolException {
        EdgeAgent agent = new EdgeAgent(config, health);
        synchronized (agent) {
            agent.reporter = agent.newReporter(config);
            agent.reporter.start();
        }
        return agent;
    }

    /**
     * Called with every hotlist alert this gantry raises, after it is durable in the outbox (e.g.
     * an {@code AlertBeacon} on a GPIO output). Listeners run on the reading thread: keep them short.
     */
    public void onAlert(Consumer<HotlistAlert> listener) {
        alertListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Tells {@code listener} of every read once it is durable in the outbox (a local display, a test's bookkeeping). */
    public void onStored(Consumer<PlateRead> listener) {
        storedListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Configurations pushed over MQTT then replace {@code file} as well as the running
     * configuration (through {@link ConfigFile#replace}), so that they survive a restart. Without
     * a file (tests, embedded use) a push changes only the running agent.
     */
    public void keepPushedConfigIn(ConfigFile file) {
        this.configFile = file;
    }

    /**
     * Feeds reads from a source into {@link #onRead}; a read that cannot be stored is logged. A
     * plate on the hotlist is read out as soon as it is recognised, not when the vehicle has left.
     */
    public void attach(PlateReadSource source) {
        source.emitEarlyWhen(plate -> hotlist.index().containsExact(plate, System.currentTimeMillis() * 1000));
        source.start(read -> {
            try {
                onRead(read);
            } catch (ProtocolException | SQLException e) {
                LOG.error("read {} not stored: {}", read.getPlateText(), e.getMessage());
            }
        });
    }

    /**
     * One finished read of this gantry. The hotlist is matched first, and an alert is raised (its
     * listeners, e.g. the beacon, told) even when nothing can be stored: a full disk must never
     * silence a wanted vehicle. Durable in the outbox when this returns normally; returns the alert
     * it raised, if any.
     *
     * @throws SQLException the read (or its alert) could not be stored: counted in
     *                      {@link AgentMetrics#readsLost}, and {@link #storageFailing()} is true until a store succeeds
     */
    public Optional<HotlistAlert> onRead(PlateRead read) throws ProtocolException, SQLException {
        String g = config.gantryId();
        if (!g.equals(read.getGantryId())) {
            // the receiver would reject it on this gantry's topic; a wiring bug, not bad data
            throw new IllegalArgumentException("read of gantry '" + read.getGantryId() + "' fed to gantry '" + g + "'");
        }
        metrics.readsIn.incrementAndGet();
        Optional<HotlistAlert> alert = hotlist.alertFor(read); // reading the hotlist needs no free space
        double minConfidence = config.alertMinConfidence();
        if (alert.isPresent() && read.getConfidence() < minConfidence) {
            metrics.alertsBelowConfidence.incrementAndGet();
            LOG.info("hotlist match for {} read at confidence {} under hotlist.alertMinConfidence {}: no alert (the read is sent)",
                    read.getPlateText(), read.getConfidence(), minConfidence);
            alert = Optional.empty();
        }
        SQLException failure = null;
        if (alert.isPresent()) {
            metrics.alerts.incrementAndGet();
            try {
                outbox.append(Topic.of(g, TopicKind.ALERTS), alert.get());
            } catch (SQLException e) {
                failure = e;
                metrics.alertsNotStored.incrementAndGet();
                LOG.error("ALERT for {} (entry {}) could not be stored: {}; raised all the same", read.getPlateText(),
                        alert.get().getEntry().getEntryId(), e.getMessage());
            }
            tell(alertListeners, alert.get(), "alert");
        }
        try {
            outbox.append(Topic.of(g, TopicKind.READS), PlateReadBatch.newBuilder().addReads(read).build());
        } catch (SQLException e) {
            failure = failure == null ? e : failure;
        }
        if (failure != null) {
            metrics.readsLost.incrementAndGet();
            storageFailing = true;
            throw failure;
        }
        storageFailing = false;
        tell(storedListeners, read, "read");
        sections.onRead(read);
        return alert;
    }

    /** A listener that fails is logged; the others and the read go on. */
    private static <T> void tell(List<Consumer<T>> listeners, T item, String what) {
        for (Consumer<T> l : listeners) {
            try {
                l.accept(item);
            } catch (RuntimeException e) {
                LOG.error("{} listener failed: {}", what, e.toString());
            }
        }
    }

    /** Whether the last read could not be stored (a full disk): the {@code disk:FULL} fault. */
    public boolean storageFailing() {
        return storageFailing;
    }

    /**
     * Applies a new configuration without losing queued data: the outbox stays open; the MQTT
     * connection is replaced only when its settings changed. The gantry id, the file locations,
     * cameras and recognition, the management endpoint, the alert output, the metrics endpoint and the clock source need a
     * restart: a change to them is refused, naming them.
     */
    public synchronized void reconfigure(AgentConfig next) throws ConfigException {
        AgentConfig now = config;
        List<String> fixed = new java.util.ArrayList<>();
        if (!now.gantryId().equals(next.gantryId())) {
            fixed.add("gantry.id: cannot change at run time (restart the agent)");
        }
        if (!now.outboxFile().equals(next.outboxFile()) || !now.hotlistFile().equals(next.hotlistFile())
                || !now.sectionsFile().equals(next.sectionsFile())) {
            fixed.add("storage: file locations cannot change at run time (restart the agent)");
        }
        // the capture side (CameraRig) is built once at start; it has no in-place reconfiguration yet
        if (!now.cameras().equals(next.cameras()) || !now.recognition().equals(next.recognition())) {
            fixed.add("cameras, recognition: cannot change at run time (restart the agent)");
        }
        if (!now.evidence().equals(next.evidence())) {
            fixed.add("evidence: the images a read carries are set when capture starts (restart the agent)");
        }
        // built once around the agent (AgentRuntime): refused rather than reported applied and ignored,
        // so that a revoked technician key is never believed revoked while the endpoint still takes it
        if (!Objects.equals(now.management(), next.management())) {
            fixed.add("management: the technicians' endpoint (keys, address, port, loopbacks) cannot change at run time"
                    + " (restart the agent)");
        }
        if (!Objects.equals(now.alertOutput(), next.alertOutput())) {
            fixed.add("alertOutput: cannot change at run time (restart the agent)");
        }
        if (!Objects.equals(now.metrics(), next.metrics())) {
            fixed.add("metrics: the Prometheus endpoint cannot change at run time (restart the agent)");
        }
        if (!now.clockSource().equals(next.clockSource())) {
            fixed.add("clock.source: cannot change at run time (restart the agent)");
        }
        if (!fixed.isEmpty()) {
            throw new ConfigException(fixed);
        }
        outbox.setLimits(next.outboxLimits());
        sections.reconfigure(next.sections(), next.sectionSettings());
        config = next;
        if (!Objects.equals(now.mqtt(), next.mqtt())) {
            reporter.close();
            reporter = newReporter(next);
            reporter.start();
        }
        LOG.info("reconfigured");
    }

    public AgentConfig config() {
        return config;
    }

    public Outbox outbox() {
        return outbox;
    }

    public Hotlist hotlist() {
        return hotlist;
    }

    public SectionTimer sections() {
        return sections;
    }

    public AgentMetrics metrics() {
        return metrics;
    }

    public synchronized MqttReporter reporter() {
        return reporter;
    }

    private MqttReporter newReporter(AgentConfig c) {
        return new MqttReporter(c.gantryId(), c.mqtt(), outbox, codec, this::status)
                .on(TopicKind.HOTLIST, this::onHotlistDelta)
                .on(TopicKind.SECTION_ENTRIES, env -> sections.onPassage(env.getPassage()))
                // applied off the MQTT callback thread: replacing the connection from inside its own
                // callback would deadlock Paho
                .on(TopicKind.CONFIG, env -> jobs.execute(() -> onConfigPush(env)));
    }

    private void onHotlistDelta(Envelope env) throws SQLException {
        try {
            hotlist.apply(env.getHotlistDelta());
        } catch (DeltaRejectedException e) {
            // acknowledged anyway: redelivering it would be rejected forever; the centre sees the
            // version in the heartbeat and sends a snapshot
            metrics.deltasRejected.incrementAndGet();
            LOG.warn("hotlist delta rejected: {}", e.getMessage());
        }
    }

    private void onConfigPush(Envelope env) {
        ConfigPush push = env.getConfigPush();
        ConfigFile file = configFile;
        long applied = revisions.applied();
        if (push.getRevision() <= applied) {
            // a replayed or stale push would roll the configuration back
            LOG.warn(refuseConfig(push, "refused: not newer than the applied " + applied));
            return;
        }
        try {
            if (file == null) {
                reconfigure(AgentConfigLoader.parse(push.getDocument().toString(StandardCharsets.UTF_8)));
            } else {
                file.replace(push.getDocument().toByteArray(), this::reconfigure);
            }
            revisions.record(push.getRevision());
            lastConfigRefusal = null;
            LOG.info("configuration revision {} by {} applied{}", push.getRevision(), push.getIssuedBy(),
                    file == null ? "" : " and written to " + file.path());
        } catch (ConfigException e) {
            refuseConfig(push, "refused: " + String.join("; ", e.errors()));
            LOG.warn("configuration revision {} rejected: {}", push.getRevision(), e.getMessage());
        } catch (IOException e) {
            LOG.error(refuseConfig(push, e.getMessage()));
        }
    }

    /** Keeps why a push was not applied (for the status) and counts it; returns the line. */
    private String refuseConfig(ConfigPush push, String why) {
        String line = "configuration revision " + push.getRevision() + " " + why;
        lastConfigRefusal = line; // before the count: whoever sees the count sees the reason
        metrics.configsRejected.incrementAndGet();
        return line;
    }

    GantryStatus status() {
        GantryStatus.Builder s = GantryStatus.newBuilder()
                .setFramesPerSecond(health.framesPerSecond())
                .setFramesIn(health.framesIn())
                .setFramesDropped(health.framesDropped())
                .setReadsOut(metrics.readsIn.get())
                .setDiskFreeBytes(config.outboxFile().toAbsolutePath().getParent().toFile().getUsableSpace())
                .setClockSync(health.clockSync())
                .setClockOffsetMicros(health.clockOffsetMicros())
                .setHotlistVersion(hotlist.version())
                .setSoftwareVersion(SOFTWARE_VERSION)
                .setUptimeSeconds(metrics.uptimeSeconds());
        health.temperatureC().ifPresent(t -> s.setTemperatureC((float) t));
        health.cabinetDoorOpen().ifPresent(s::setCabinetDoorOpen);
        try {
            s.putQueueDepths("section_pending", sections.pendingCount());
        } catch (SQLException e) {
            LOG.debug("pending count unavailable: {}", e.getMessage());
        }
        List<String> detail = new java.util.ArrayList<>();
        var shed = outbox.stats();
        if (shed.overviewsShed() + shed.cropsShed() > 0) {
            detail.add("outbox shed " + shed.overviewsShed() + " overviews, " + shed.cropsShed() + " crops");
        }
        if (storageFailing) {
            detail.add("disk:FULL, " + metrics.readsLost.get() + " read(s) lost");
        }
        String refusal = lastConfigRefusal;
        if (refusal != null) {
            detail.add(refusal);
        }
        MqttReporter r = reporter;
        if (r != null && r.failedDownstream() > 0) {
            detail.add(r.failedDownstream() + " downstream message(s) could not be applied");
        }
        if (!detail.isEmpty()) {
            s.setDetail(String.join("; ", detail));
        }
        return s.build();
    }

    private void expirePassages() {
        try {
            metrics.sectionExpired.addAndGet(sections.expire(System.currentTimeMillis() * 1000));
        } catch (SQLException | RuntimeException e) {
            LOG.warn("expiring passages failed: {}", e.getMessage());
        }
    }

    @Override
    public synchronized void close() throws SQLException {
        jobs.shutdownNow();
        if (reporter != null) {
            reporter.close();
        }
        sections.close();
        hotlist.close();
        outbox.close();
    }

    /** Section passages and violations go to the outbox like everything else. */
    private final class OutboxSink implements SectionTimer.Sink {
        @Override
        public void passage(SectionPassage passage) throws ProtocolException, SQLException {
            outbox.append(Topic.of(config.gantryId(), TopicKind.PASSAGES), passage);
            metrics.passages.incrementAndGet();
        }

        @Override
        public void violation(SectionViolation violation) throws ProtocolException, SQLException {
            outbox.append(Topic.of(config.gantryId(), TopicKind.VIOLATIONS), violation);
            metrics.violations.incrementAndGet();
        }
    }
}
