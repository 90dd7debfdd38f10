package org.anpr.central.metrics;

import static org.anpr.central.support.TestGantries.ENTRY;
import static org.anpr.central.support.TestGantries.encode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.anpr.central.Receiver;
import org.anpr.central.config.MetricsConfig;
import org.anpr.central.support.TestGantries;
import org.anpr.protocol.sample.SampleMessages;
import org.anpr.protocol.topic.Topic;
import org.anpr.protocol.topic.TopicKind;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 17, item 8: the receiver's counters, gauges and timings, scraped as Prometheus text over HTTP. */
class PrometheusEndpointTest {
    @TempDir
    Path dir;

    private static double value(String text, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " ([0-9.eE+-]+)$").matcher(text);
        assertTrue(m.find(), "no series " + series + " in:\n" + text);
        return Double.parseDouble(m.group(1));
    }

    @Test
    void whatTheReceiverDidIsScrapedInThePrometheusTextFormat() throws Exception {
        var c = TestGantries.config(dir).withMetrics(new MetricsConfig(true, "127.0.0.1", 0));
        try (Receiver receiver = new Receiver(c)) {
            receiver.start();
            MqttClient gantry = TestGantries.connect(receiver.port(), ENTRY, true);
            String text;
            long counted;
            try {
                gantry.publish(Topic.of(ENTRY, TopicKind.READS).name(), encode(new SampleMessages(5).batch(ENTRY, 3)), 1, false);
                gantry.publish(Topic.of(ENTRY, TopicKind.READS).name(), new byte[] {1, 2, 3}, 1, false); // quarantined
                HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + receiver.metricsPort() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, r.statusCode());
                assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"), r.headers().toString());
                text = r.body();
                counted = receiver.metrics().get(ReceiverMetrics.Counter.MESSAGES_COMMITTED); // before the disconnect's presence write
            } finally {
                TestGantries.closeQuietly(gantry);
            }
            double committed = value(text, "anpr_receiver_messages_committed_total");
            assertTrue(committed >= 2, "the batch and the quarantined payload (and presence changes)");
            assertEquals(counted, committed, "what the receiver counted");
            assertEquals(1, value(text, "anpr_receiver_rejected_payloads_total"));
            assertEquals(1, value(text, "anpr_receiver_rejected_payloads_by_problem_total{problem=\"MALFORMED\"}"));
            assertEquals(1, value(text, "anpr_receiver_connections_accepted_total"));
            assertEquals(1, value(text, "anpr_receiver_gantries_online"));
            assertEquals(0, value(text, "anpr_receiver_store_queued_publishes"));
            assertTrue(value(text, "anpr_receiver_commit_seconds_count") >= 1, "commits timed");
            assertEquals(value(text, "anpr_receiver_commit_seconds_count"), value(text, "anpr_receiver_commit_seconds_bucket{le=\"+Inf\"}"));
        }
    }
}
