package org.anpr.edge.kura;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.anpr.edge.testing.Mosquitto;
import org.anpr.edge.testing.Subscriber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;

/**
 * The built bundle (not classes from the test classpath) in a real framework — Felix, and Kura
 * 5's own Equinox runtime in the second failsafe run — configured as Kura configures it: a first
 * configuration refused (no component), registration and metatype as Kura's configuration service
 * sees them, reads published to a real
 * MQTT broker from a synthetic camera, an update applied with the reads queued meanwhile kept,
 * an invalid update refused with field names, a camera change (a restart over the same outbox),
 * and deactivation stopping every thread the agent started.
 */
class KuraComponentIT {
    static final String PID = "org.anpr.edge.EdgeAgent";
    static final String GANTRY = "KURA-T1";
    static final String CONFIGURABLE = "org.eclipse.kura.configuration.ConfigurableComponent";

    @TempDir
    Path dir;

    /** What Kura's configuration service would hand ConfigAdmin for this gantry. */
    static Dictionary<String, Object> kuraConfiguration(Path storage, String broker, long outboxMiB, String source) {
        Hashtable<String, Object> p = new Hashtable<>();
        p.put("kura.service.pid", PID); // Kura adds it to every configuration it manages
        p.put("gantry.id", GANTRY);
        p.put("storage.dir", storage.toString());
        p.put("cameras.id", new String[] {"cam-1"});
        p.put("cameras.lane", new Integer[] {1});
        p.put("cameras.source", new String[] {source});
        p.put("recognition.region", "eu");
        p.put("recognition.workers", 1);
        p.put("management.bind", "127.0.0.1");
        p.put("management.port", 0);
        p.put("management.psk.identity", new String[] {"tech-1"});
        p.put("management.psk.keyHex", new String[] {"00112233445566778899aabbccddeeff"});
        p.put("sectionRules.passageTtlHours", 24);
        p.put("clock.source", "none");
        p.put("clock.syncBoundMicros", 100_000L);
        p.put("outbox.maxBytes", outboxMiB << 20);
        p.put("mqtt.serverUri", broker);
        p.put("mqtt.password", ""); // Kura passes empty optional values
        return p;
    }

    @Test
    void theBuiltBundleRunsConfiguresAndStopsAsAKuraComponent() throws Exception {
        Set<String> threadsBefore = threadNames();
        try (Mosquitto broker = Mosquitto.start(dir.resolve("broker"));
             Subscriber centre = new Subscriber(broker.uri(), "centre-kura", "anpr/v1/" + GANTRY + "/#");
             TestFramework osgi = TestFramework.start(dir.resolve("framework"))) {
            List<Bundle> agent = osgi.installAgent();
            osgi.startAll(agent);
            Bundle host = agent.get(0);
            assertEquals(Bundle.ACTIVE, host.getState(), "the bundle resolved (with its native fragment) and started");
            assertEquals(Bundle.RESOLVED, agent.get(1).getState(), "the fragment attached");

            // the metatype, at Kura's path, as the framework's MetaTypeService reads it
            assertNotNull(host.getEntry("OSGI-INF/metatype/" + PID + ".xml"));
            ObjectClassDefinition ocd = osgi.service(MetaTypeService.class).getMetaTypeInformation(host)
                    .getObjectClassDefinition(PID, null);
            Map<String, AttributeDefinition> ads = Arrays.stream(ocd.getAttributeDefinitions(ObjectClassDefinition.ALL))
                    .collect(Collectors.toMap(AttributeDefinition::getID, a -> a));
            assertEquals(AttributeDefinition.STRING, ads.get("gantry.id").getType());
            assertEquals(0, ads.get("gantry.id").getCardinality());
            assertEquals(AttributeDefinition.INTEGER, ads.get("cameras.lane").getType());
            assertEquals(16, ads.get("cameras.lane").getCardinality());
            assertEquals(AttributeDefinition.PASSWORD, ads.get("mqtt.password").getType());
            assertEquals(AttributeDefinition.PASSWORD, ads.get("management.psk.keyHex").getType());
            assertEquals(AttributeDefinition.LONG, ads.get("outbox.maxBytes").getType());
            assertTrue(ads.get("management.port").validate("70000").length() > 0, "the metatype bounds the port");

            // a first configuration the agent's loader refuses: the component registers (Kura offers it for
            // correction) as the framework's ConfigurableComponent, with the agent stopped and the reason kept
            Path storage = dir.resolve("agent-data");
            Configuration cfg = osgi.service(ConfigurationAdmin.class).getConfiguration(PID, "?");
            Dictionary<String, Object> wrongId = kuraConfiguration(storage, broker.uri(), 64, "synthetic:5");
            wrongId.put("gantry.id", "not a/topic");
            cfg.update(wrongId);
            ServiceReference<?> ref = osgi.awaitService(CONFIGURABLE, "(service.pid=" + PID + ")", Duration.ofSeconds(60));
            assertNotNull(ref, "the agent registered as a ConfigurableComponent; bundles: " + osgi.describeBundles());
            assertEquals(PID, ref.getProperty("service.pid"));
            assertEquals(PID, ref.getProperty("kura.service.pid"));
            Object component = osgi.context().getService(ref);
            Class<?> kurasOwn = osgi.bundle("org.anpr.kura.stub").loadClass(CONFIGURABLE);
            assertTrue(kurasOwn.isInstance(component), "an instance of the framework's ConfigurableComponent (Kura's tracker checks this)");
            assertEquals(-1L, call(component, "queuedReads"), "not running");
            assertTrue(call(component, "lastRefusal").toString().contains("gantry.id: id 'not a/topic' has a disallowed character"),
                    call(component, "lastRefusal").toString());
            assertEquals(Set.of(), agentThreads(threadsBefore), "nothing of the agent started");

            // corrected: the agent starts
            cfg.update(kuraConfiguration(storage, broker.uri(), 64, "synthetic:5"));
            await(() -> (Long) call(component, "queuedReads") >= 0, Duration.ofSeconds(60), "the agent running");
            assertEquals(List.of(), call(component, "lastRefusal"));

            // reads reach a real broker from the synthetic camera
            await(() -> centre.distinctReadIds().size() >= 2, Duration.ofSeconds(90), "two reads at the broker");

            // broker down: reads queue at the gantry; an update then reaches the running agent, the queue intact
            broker.stopProcess();
            await(() -> call(component, "queuedReads") instanceof Long n && n >= 2, Duration.ofSeconds(60), "reads queued");
            long queued = (Long) call(component, "queuedReads");
            cfg.update(kuraConfiguration(storage, broker.uri(), 128, "synthetic:5"));
            await(() -> String.valueOf(call(component, "runningConfiguration")).contains("maxBytes: " + (128L << 20)),
                    Duration.ofSeconds(30), "the new outbox limit running");
            assertTrue((Long) call(component, "queuedReads") >= queued, "no queued read lost across the update");
            assertEquals(List.of(), call(component, "lastRefusal"));

            // an invalid update is refused with the field, and the agent keeps its last good configuration
            Dictionary<String, Object> bad = kuraConfiguration(storage, broker.uri(), 128, "synthetic:5");
            bad.put("mqtt.serverUri", "ftp://centre.example");
            bad.put("cameras.lane", new Integer[] {1, 2});
            cfg.update(bad);
            await(() -> !((List<?>) call(component, "lastRefusal")).isEmpty(), Duration.ofSeconds(30), "the refusal");
            String refusal = call(component, "lastRefusal").toString();
            assertTrue(refusal.contains("cameras.lane: 2 value(s), but the other cameras.* properties have 1"), refusal);
            bad.put("cameras.lane", new Integer[] {1});
            cfg.update(bad);
            await(() -> call(component, "lastRefusal").toString().contains("mqtt.serverUri"), Duration.ofSeconds(30), "refusal");
            assertTrue(String.valueOf(call(component, "runningConfiguration")).contains("maxBytes: " + (128L << 20)));
            assertTrue((Long) call(component, "queuedReads") >= queued, "still running, queue intact");

            // broker back: the queue drains
            broker.startProcess();
            await(() -> (Long) call(component, "queuedReads") == 0, Duration.ofSeconds(90), "the outbox drained to the broker");

            // a camera change needs a restart: done over the same outbox, and the new camera runs
            cfg.update(kuraConfiguration(storage, broker.uri(), 128, "synthetic:6"));
            await(() -> String.valueOf(call(component, "runningConfiguration")).contains("synthetic:6"), Duration.ofSeconds(60),
                    "the new camera running");
            int before = centre.distinctReadIds().size();
            await(() -> centre.distinctReadIds().size() > before, Duration.ofSeconds(90), "reads from the restarted agent");

            // deactivation (Kura deletes the configuration): every thread the agent started ends
            osgi.context().ungetService(ref);
            cfg.delete();
            await(() -> osgi.context().getServiceReferences(CONFIGURABLE, null) == null, Duration.ofSeconds(30), "unregistered");
            try {
                await(() -> agentThreads(threadsBefore).isEmpty(), Duration.ofSeconds(30), "the agent's threads to end");
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "; still running: " + stacks(agentThreads(threadsBefore)), e);
            }
        }
    }

    /**
     * Threads alive now that were not before, minus the frameworks' own, the test's, and two
     * JVM-wide daemons the agent does not own: the JDK's {@code Java2D Disposer} (started by the JDK
     * on the first use of its imaging classes, for the whole JVM) and JavaCPP's {@code JavaCPP
     * Deallocator} (a static reference-queue thread of JavaCPP's classes, there as long as they are
     * loaded; it holds no resource and frees native memory of collected pointers).
     */
    static Set<String> agentThreads(Set<String> before) {
        Set<String> now = threadNames();
        now.removeAll(before);
        now.removeIf(n -> n.equals("Java2D Disposer") || n.equals("JavaCPP Deallocator") || n.startsWith("FelixResolver")
                || n.startsWith("FelixDispatchQueue") || n.startsWith("FelixStartLevel") || n.startsWith("FelixFrameworkWiring")
                || n.startsWith("SCR Component Actor") || n.startsWith("CM Configuration Updater") || n.startsWith("CM Event Dispatcher")
                || n.startsWith("Framework Event Dispatcher") || n.startsWith("Start Level") || n.startsWith("Active Thread")
                || n.startsWith("Bundle File Closer") || n.startsWith("Refresh Thread") || n.startsWith("EventAdmin")
                || n.startsWith("subscriber-") || n.startsWith("MQTT") && n.contains("centre-kura")
                || n.startsWith("junit") || n.startsWith("process reaper") || n.startsWith("Equinox Container")
                || n.startsWith("Framework stop") || n.startsWith("Attach Listener") || n.startsWith("Common-Cleaner")
                || n.startsWith("ConfigurationListener Event Queue") || n.startsWith("Equinox resolver thread")
                || n.startsWith("Timer-") || n.startsWith("SCR ") || n.startsWith("ManagedService"));
        return now;
    }

    static String stacks(Set<String> names) {
        StringBuilder out = new StringBuilder();
        Thread.getAllStackTraces().forEach((t, stack) -> {
            if (names.contains(t.getName())) {
                out.append("\n").append(t.getName()).append(':');
                for (int i = 0; i < Math.min(8, stack.length); i++) {
                    out.append("\n    at ").append(stack[i]);
                }
            }
        });
        return out.toString();
    }

    static Set<String> threadNames() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** A public method of the component, called across the bundle's class loader. */
    static Object call(Object component, String method) {
        try {
            Method m = component.getClass().getMethod(method);
            return m.invoke(component);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @FunctionalInterface
    interface Condition {
        boolean holds() throws Exception;
    }

    static void await(Condition c, Duration timeout, String what) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!c.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + timeout.toSeconds() + " s for " + what);
            }
            Thread.sleep(100);
        }
    }

}
