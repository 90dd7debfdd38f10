package org.anpr.edge.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.anpr.edge.config.AgentConfigLoader;
import org.anpr.edge.config.ConfigException;
import org.anpr.edge.config.MetricsSettings;
import org.anpr.edge.pipeline.EdgeAgent;
import org.anpr.edge.testing.Agents;
import org.anpr.protocol.sample.SampleMessages;
import org.anpr.protocol.v1.HotlistDelta;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 17, item 8: the agent's counters and gauges, scraped as Prometheus text over HTTP. */
class PrometheusEndpointTest {
    private static final String G = "A2-N-km52";
    @TempDir
    Path dir;

    private String yaml(String metrics) throws java.io.IOException {
        return """
                gantry: { id: %s }
                storage: { dir: "%s" }
                mqtt: { serverUri: "%s", reconnectMinMillis: 100, reconnectMaxMillis: 500 }
                %s
                """.formatted(G, dir.resolve("data"), Agents.deadBrokerUri(), metrics);
    }

    private static double value(String text, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " ([0-9.eE+-]+)$").matcher(text);
        assertTrue(m.find(), "no series " + series + " in:\n" + text);
        return Double.parseDouble(m.group(1));
    }

    @Test
    void whatTheAgentCountsIsScrapedWithItsGantryId() throws Exception {
        SampleMessages samples = new SampleMessages(8);
        try (EdgeAgent agent = EdgeAgent.start(AgentConfigLoader.parse(yaml("metrics: { enabled: true, port: 0 }")), HealthProbe.UNKNOWN);
             PrometheusEndpoint endpoint = PrometheusEndpoint.start(agent.config().metrics(), PrometheusEndpoint.registry(agent, null))) {
            agent.hotlist().apply(HotlistDelta.newBuilder().setFromVersion(0).setToVersion(1).addUpserts(samples.hotlistEntry("12ABC3")).build());
            agent.onRead(samples.read(G));
            agent.onRead(samples.read(G, "12ABC3", SampleMessages.BASE_MICROS));
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + endpoint.port() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode());
            String text = r.body();
            String g = "{gantry=\"" + G + "\"}";
            assertEquals(2, value(text, "anpr_agent_reads_total" + g));
            assertEquals(1, value(text, "anpr_agent_alerts_total" + g));
            assertEquals(3, value(text, "anpr_agent_outbox_items" + g), "two reads and the alert wait: the centre is unreachable");
            assertEquals(0, value(text, "anpr_agent_mqtt_connected" + g));
            assertEquals(1, value(text, "anpr_agent_hotlist_version" + g));
            assertEquals(0, value(text, "anpr_agent_reads_lost_total" + g));
        }
    }

    @Test
    void theEndpointIsOffByDefaultAndItsSettingsAreChecked() throws Exception {
        assertEquals(MetricsSettings.DEFAULTS, AgentConfigLoader.parse(yaml("")).metrics());
        assertEquals(false, MetricsSettings.DEFAULTS.enabled());
        ConfigException e = assertThrows(ConfigException.class, () -> AgentConfigLoader.parse(yaml("metrics: { port: 70000, path: /x }")));
        assertTrue(e.getMessage().contains("metrics.port"), e.getMessage());
        assertTrue(e.getMessage().contains("metrics.path"), e.getMessage());
        try (EdgeAgent agent = EdgeAgent.start(AgentConfigLoader.parse(yaml("")), HealthProbe.UNKNOWN)) {
            ConfigException refused = assertThrows(ConfigException.class,
                    () -> agent.reconfigure(AgentConfigLoader.parse(yaml("metrics: { enabled: true }"))));
            assertTrue(refused.getMessage().contains("metrics: the Prometheus endpoint cannot change at run time"), refused.getMessage());
        }
    }
}
