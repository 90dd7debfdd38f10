package org.anpr.edge.hotlist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.anpr.device.gpio.DigitalOut;
import org.anpr.device.gpio.Pi4jPins;
import org.anpr.edge.config.AgentConfigLoader;
import org.anpr.edge.config.AlertOutputSettings;
import org.anpr.edge.config.ConfigException;
import org.anpr.edge.metrics.HealthProbe;
import org.anpr.edge.pipeline.EdgeAgent;
import org.anpr.protocol.sample.SampleMessages;
import org.anpr.protocol.v1.HotlistAlert;
import org.anpr.protocol.v1.HotlistDelta;
import org.anpr.protocol.v1.HotlistEntry;
import org.junit.jupiter.api.AfterEach;
import org.anpr.edge.testing.Agents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The roadside beacon on a GPIO output (Pi4J mock provider): lit by durable alerts, for a pulse. */
class AlertBeaconTest {
    private final Context pi4j = Pi4J.newContextBuilder().add(MockDigitalOutputProvider.newInstance()).build();
    private final SampleMessages samples = new SampleMessages(3);
    @TempDir
    Path dir;

    @AfterEach
    void shutdown() {
        pi4j.shutdown();
    }

    /** The pin as the mock provider sees it, recording every level the beacon drives. */
    private final List<Boolean> levels = Collections.synchronizedList(new ArrayList<>());

    private DigitalOut pin() {
        DigitalOut out = new Pi4jPins(pi4j).output("beacon", 17, false);
        return new DigitalOut() {
            @Override
            public void set(boolean high) {
                out.set(high);
                levels.add(high);
            }

            @Override
            public boolean isHigh() {
                return out.isHigh();
            }
        };
    }

    private boolean pinHigh() {
        return pi4j.io("beacon", MockDigitalOutput.class).state() == DigitalState.HIGH;
    }

    private HotlistAlert alert(int priority) {
        HotlistEntry e = samples.hotlistEntry("12ABC3").toBuilder().setPriority(priority).build();
        return samples.alert("G1").toBuilder().setEntry(e).build();
    }

    @Test
    void anAlertLightsTheOutputForThePulseAndANewOneExtendsIt() throws Exception {
        try (AlertBeacon beacon = new AlertBeacon(pin(), Duration.ofMillis(400), 9)) {
            assertFalse(pinHigh());
            beacon.accept(alert(1));
            assertTrue(pinHigh(), "on at once");
            Thread.sleep(250);
            beacon.accept(alert(5));
            Thread.sleep(250);
            assertTrue(pinHigh(), "the second alert extended the pulse past the first one's end");
            Thread.sleep(400);
            assertFalse(pinHigh(), "off after the pulse");
            assertEquals(2, beacon.pulses());
        }
        assertEquals(List.of(false, true, true, false, false), levels, "off at start, on, on, off, off at close");
    }

    @Test
    void alertsBelowTheConfiguredPriorityLeaveItDark() {
        try (AlertBeacon beacon = new AlertBeacon(pin(), Duration.ofSeconds(5), 2)) {
            beacon.accept(alert(3));
            beacon.accept(alert(0)); // unset priority counts as the lowest
            assertFalse(pinHigh());
            beacon.accept(alert(2));
            assertTrue(pinHigh());
            assertEquals(1, beacon.pulses());
        }
        assertFalse(pinHigh(), "closing switches it off");
    }

    @Test
    void theAgentLightsItOnlyForAHotlistHit() throws Exception {
        String dead = Agents.deadBrokerUri();
        var config = AgentConfigLoader.parse("""
                gantry: { id: G1 }
                storage: { dir: "%s" }
                alertOutput: { bcmPin: 17, pulseMillis: 60000, maxPriority: 9 }
                mqtt: { serverUri: "%s" }
                """.formatted(dir, dead));
        assertEquals(new AlertOutputSettings(17, Duration.ofMinutes(1), 9), config.alertOutput());
        try (EdgeAgent agent = EdgeAgent.start(config, HealthProbe.UNKNOWN);
             AlertBeacon beacon = new AlertBeacon(pin(), config.alertOutput().pulse(), config.alertOutput().maxPriority())) {
            agent.onAlert(beacon);
            agent.hotlist().apply(HotlistDelta.newBuilder().setFromVersion(0).setToVersion(1)
                    .addUpserts(samples.hotlistEntry("77WNT7")).build());
            agent.onRead(samples.read("G1", "12ABC3", SampleMessages.BASE_MICROS));
            assertFalse(pinHigh(), "an ordinary read");
            agent.onRead(samples.read("G1", "77WNT7", SampleMessages.BASE_MICROS));
            assertTrue(pinHigh(), "the wanted plate");
            assertEquals(1, agent.outbox().stats().items() - 2, "the alert is in the outbox beside the two reads");
        }
    }

    @Test
    void configurationErrorsNameTheField() {
        ConfigException e = assertThrows(ConfigException.class, () -> AgentConfigLoader.parse("""
                gantry: { id: G1 }
                alertOutput: { pulseMillis: 0, maxPriority: 10, colour: red }
                mqtt: { serverUri: "tcp://127.0.0.1:1" }
                """));
        assertTrue(e.errors().contains("alertOutput.bcmPin: required field is missing"), e.errors().toString());
        assertTrue(e.errors().contains("alertOutput.pulseMillis: must be within 10..600000, was 0"), e.errors().toString());
        assertTrue(e.errors().contains("alertOutput.maxPriority: must be within 1..9, was 10"), e.errors().toString());
        assertTrue(e.errors().stream().anyMatch(m -> m.startsWith("alertOutput.colour")), e.errors().toString());
    }
}
