package org.anpr.provision.profile;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.anpr.provision.schema.ScalarSpec.Verdict;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FormatChecksTest {
    @ParameterizedTest
    @ValueSource(strings = {"rtsp://10.0.0.11/stream1", "rtsp://cam-3.local:8554/h264", "rtsp://viewer@10.0.0.11/s", "http://10.0.0.5/mjpg/video.mjpg",
        "https://cam.example:8443/stream", "file:/var/lib/anpr/recorded/lane2", "file:recorded/lane2.avi", "synthetic", "synthetic:7"})
    void streamsThatCanBeRight(String url) {
        assertNull(FormatChecks.stream(url), url);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "rtps://10.0.0.11/s | unsupported scheme 'rtps'",
        "ftp://10.0.0.11/s | unsupported scheme 'ftp'",
        "10.0.0.11/stream1 | no scheme",
        "rtsp:///stream1 | rtsp URL without a host",
        "http://:8080/x | http URL without a host",
        "rtsp://admin:secret@10.0.0.11/s | contains a password",
        "rtsp://10.0.0.11:99999/s | port 99999",
        "rtsp://10.0.0.11/a b | not a valid URL",
        "file: | without a path",
        "synthetic:fast | seed 'fast'"})
    void streamsThatCannot(String url, String problem) {
        Verdict v = FormatChecks.stream(url);
        assertNotNull(v, url);
        assertTrue(v.problem().contains(problem), v.problem());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "tcp://centre:1883 |", "ssl://mqtt.example.be:8883 |", "mqtt://centre:1883 | unsupported scheme",
        "tcp://user:pw@centre:1883 | credentials", "tcp://centre:1883/anpr | no path", "tcp://:1883 | without a host"})
    void brokerUris(String uri, String problem) {
        Verdict v = FormatChecks.mqtt(uri);
        if (problem == null) {
            assertNull(v, uri);
        } else {
            assertNotNull(v, uri);
            assertTrue(v.problem().contains(problem), v.problem());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ntp.belnet.be", "10.0.0.1", "fe80::1", "ptp-master"})
    void hosts(String host) {
        assertNull(FormatChecks.host(host));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ntp belnet", "-bad.example", "ntp.belnet.be."})
    void notHosts(String host) {
        assertNotNull(FormatChecks.host(host));
    }
}
