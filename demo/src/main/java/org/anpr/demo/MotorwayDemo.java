package org.anpr.demo;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.anpr.demo.ledger.CommitLog;
import org.anpr.demo.ledger.DemoTally;
import org.anpr.demo.ledger.LiveStream;
import org.anpr.demo.network.DemoGantry;
import org.anpr.demo.network.DemoNetwork;
import org.anpr.demo.network.Roadside;
import org.anpr.demo.traffic.MotorwayTraffic;
import org.anpr.demo.traffic.Sighting;
import org.anpr.edge.section.SectionDefinition;

/**
 * The whole demo composition, running: the centre (receiver, store, hotlist, API and console),
 * the three gantries of the example network (section entry, section exit, city entrance) with
 * their scheduled cameras, the traffic model driving vehicles past them, and an operator's live
 * event stream. {@link #finish} stops it in order and returns what happened as a {@link DemoTally}.
 */
final class MotorwayDemo implements AutoCloseable {
    static final String DISPATCHER = "demo-dispatcher";

    private final DemoCentre centre;
    private final CommitLog log;
    private final DemoNetwork network;
    private final Roadside roadside;
    private final LiveStream live;
    private final ConcurrentLinkedQueue<Sighting> sightings;
    private final String operatorPassword;
    private int leftOnSection = -1;

    private MotorwayDemo(DemoCentre centre, CommitLog log, DemoNetwork network, Roadside roadside,
                         LiveStream live, ConcurrentLinkedQueue<Sighting> sightings, String operatorPassword) {
        this.centre = centre;
        this.log = log;
        this.network = network;
        this.roadside = roadside;
        this.live = live;
        this.sightings = sightings;
        this.operatorPassword = operatorPassword;
    }

    /** Builds and starts everything in {@code dir}; the traffic starts flowing at once. */
    static MotorwayDemo start(DemoOptions options, Path dir, java.util.function.Consumer<String> progress) throws Exception {
        List<char[]> secrets = DemoNetwork.newSecrets();
        int mqttPort = freePort();
        progress.accept("rendering the gantries' configurations from the example profiles (anpr provision render)");
        DemoNetwork network = DemoNetwork.render(DemoNetwork.examples(), dir.resolve("gantries"),
                java.util.Collections.nCopies(secrets.size(), mqttPort), secrets);
        Map<String, char[]> accounts = network.accounts(secrets);
        String operatorPassword = "demo-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(6));
        CommitLog[] log = new CommitLog[1];
        progress.accept("starting the centre");
        DemoCentre centre = DemoCentre.start(dir.resolve("centre"), new DemoCentre.Network(accounts, network.routes(),
                network.signingKeyLines(), network.positionsFile()), mqttPort, options.consolePort(), operatorPassword,
                options.console(), store -> log[0] = new CommitLog(store));
        ConcurrentLinkedQueue<Sighting> sightings = new ConcurrentLinkedQueue<>();
        try {
            LiveStream live = options.console() ? LiveStream.follow(dispatcher(centre, operatorPassword)) : null;
            Roadside roadside = Roadside.start(network, options.traffic(), options.fps(), centre::wanted, sightings::add, progress);
            return new MotorwayDemo(centre, log[0], network, roadside, live, sightings, operatorPassword);
        } catch (Exception e) {
            centre.close();
            throw e;
        }
    }

    /** The demo's dispatcher, signed in to the centre's API. */
    static org.anpr.demo.ledger.OperatorClient dispatcher(DemoCentre centre, String password) throws IOException, InterruptedException {
        return org.anpr.demo.ledger.OperatorClient.signIn(centre.apiBase(), DISPATCHER, password);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    DemoCentre centre() {
        return centre;
    }

    CommitLog log() {
        return log;
    }

    DemoNetwork network() {
        return network;
    }

    List<DemoGantry> gantries() {
        return roadside.gantries();
    }

    MotorwayTraffic traffic() {
        return roadside.traffic();
    }

    /** The operators' live stream, or null with {@code --no-console}. */
    LiveStream live() {
        return live;
    }

    String operatorPassword() {
        return operatorPassword;
    }

    /** Frames dropped under load, over every gantry. */
    long framesDropped() {
        return roadside.framesDropped();
    }

    /** Messages in the gantries' outboxes, not yet acknowledged by the centre. */
    long backlog() {
        return roadside.backlog();
    }

    /**
     * Stops the demo in order: no new vehicles; optionally waits until the vehicles on the section
     * reached its exit; stops capture (the last passages reach the outboxes); waits until the
     * outboxes are empty. Returns the tally; the centre and the agents keep running until {@link #close}.
     *
     * @param sectionWait how long to let vehicles on the section drive on (zero: stop now)
     */
    DemoTally finish(Duration sectionWait, Duration drainWait) throws Exception {
        MotorwayTraffic traffic = roadside.traffic();
        traffic.stopArrivals();
        long deadline = System.nanoTime() + sectionWait.toNanos();
        while (traffic.underway() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        leftOnSection = traffic.underway();
        roadside.stopCapture(Duration.ofSeconds(20));
        deadline = System.nanoTime() + drainWait.toNanos();
        while (backlog() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        Thread.sleep(live != null ? 1_000 : 0); // the last events reach the live stream
        return tally();
    }

    /** What happened so far. */
    DemoTally tally() {
        SectionDefinition s = network.section();
        return new DemoTally(List.copyOf(sightings), log.reads(), log.violations(),
                live != null ? live.events("alert") : List.of(), s.entryGantryId(), s.distanceM());
    }

    /** Vehicles still driving the section when capture stopped (they never reached its exit); -1 while running. */
    int leftOnSection() {
        return leftOnSection;
    }


    @Override
    public void close() throws Exception {
        try {
            if (live != null) {
                live.close();
            }
            roadside.close();
        } finally {
            centre.close();
        }
    }
}
