package org.anpr.device.radar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.anpr.device.time.ManualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Recorded OPS241 streams (test resources), replayed in randomly sized chunks. */
class RadarDriverTest {

    private final ManualClock clock = new ManualClock();
    private final List<RadarReading> readings = new ArrayList<>();

    private RadarDriver replay(String resource, RadarConfig config, int maxChunk) throws IOException {
        RecordedByteSource src = RecordedByteSource.of(
                getClass().getResourceAsStream("/radar/" + resource), maxChunk, 42);
        RadarDriver d = new RadarDriver(src, clock, config);
        d.addListener(readings::add);
        d.runToEnd();
        return d;
    }

    private List<Double> kmh() {
        return readings.stream().map(r -> Math.round(r.kmh() * 100) / 100.0).toList();
    }

    @Test
    void bareMetresPerSecondWithCrlfAndSignedDirection() throws IOException {
        RadarDriver d = replay("ops241-mps-crlf.txt", RadarConfig.defaults(), 5);
        // first line "3.4" is the tail of a line cut by opening the port
        assertEquals(List.of(4.32, 9.0, 100.08, 0.0, 50.04), kmh());
        assertEquals(List.of(Direction.INBOUND, Direction.OUTBOUND, Direction.INBOUND, Direction.NONE,
                Direction.OUTBOUND), readings.stream().map(RadarReading::direction).toList());
        assertEquals(1, d.stats().bad(BadLine.PARTIAL));
        assertEquals(5, d.stats().readings());
    }

    @Test
    void signConventionIsConfigurable() throws IOException {
        replay("ops241-mps-crlf.txt", RadarConfig.defaults().withPositiveIsInbound(false), 64);
        assertEquals(Direction.OUTBOUND, readings.get(0).direction());
        assertEquals(Direction.INBOUND, readings.get(1).direction());
    }

    @Test
    void unitLabelledMphLinesWithLfAndTimeMagnitudeFields() throws IOException {
        RadarDriver d = replay("ops241-units-mph-lf.txt", RadarConfig.defaults(), 3);
        assertEquals(3, readings.size());
        assertEquals(23.4, readings.get(0).in(SpeedUnit.MPH), 1e-9);
        assertEquals(SpeedUnit.MPH, readings.get(0).reportedUnit());
        assertEquals(Direction.OUTBOUND, readings.get(1).direction());
        assertEquals(31.1 * 0.44704, readings.get(1).speedMps(), 1e-9);
        assertEquals(45.0, readings.get(2).in(SpeedUnit.MPH), 1e-9, "speed is the last field after time, magnitude");
        assertEquals(0, d.stats().badTotal() - d.stats().bad(BadLine.PARTIAL));
    }

    @Test
    void jsonModeWithCrOnlyAndAUnitChangeFromTheModule() throws IOException {
        RadarDriver d = replay("ops241-json-cr.txt", RadarConfig.defaults(), 11);
        assertEquals(3, readings.size());
        assertEquals(12.3, readings.get(0).kmh(), 1e-9);
        assertEquals(SpeedUnit.KMH, readings.get(0).reportedUnit());
        assertEquals(0.58, readings.get(1).speedMps(), 1e-9);
        assertEquals(Direction.OUTBOUND, readings.get(1).direction(), "explicit direction wins over the sign");
        // {"Units":"mph"} switched bare numbers to mph
        assertEquals(SpeedUnit.MPH, d.currentUnit());
        assertEquals(10.0, readings.get(2).in(SpeedUnit.MPH), 1e-9);
        assertEquals(2, d.stats().infoLines());
    }

    @ParameterizedTest(name = "chunks up to {0} bytes")
    @ValueSource(ints = {1, 7, 64, 256})
    void corruptStreamIsCountedAndSkippedWhateverTheChunking(int maxChunk) throws IOException {
        RadarDriver d = replay("ops241-corrupt.bin", RadarConfig.defaults(), maxChunk);
        assertEquals(List.of(5.5, 6.5, 7.5), readings.stream().map(RadarReading::speedMps).toList());
        assertEquals(Direction.OUTBOUND, readings.get(2).direction());
        RadarStats s = d.stats();
        assertEquals(3, s.readings());
        assertEquals(2, s.bad(BadLine.PARTIAL), "fragment at the start and unterminated tail");
        assertEquals(1, s.bad(BadLine.BINARY));
        assertEquals(1, s.bad(BadLine.OVERLONG));
        assertEquals(3, s.bad(BadLine.NOT_A_NUMBER));
        assertEquals(4, s.bad(BadLine.MALFORMED));
        assertEquals(1, s.bad(BadLine.IMPLAUSIBLE));
        assertEquals(12, s.badTotal());
    }

    @Test
    void readingsAreTimestampedWithTheInjectedClock() throws IOException {
        byte[] data = "x\n1.0\n".getBytes(StandardCharsets.US_ASCII);
        clock.advanceMillis(1500);
        RadarDriver d = new RadarDriver(new RecordedByteSource(data, 64, 1), clock, RadarConfig.defaults());
        d.addListener(readings::add);
        d.runToEnd();
        assertEquals(clock.toUtc(clock.monotonicNanos()), readings.get(0).utc());
        assertTrue(readings.get(0).utc().toString().endsWith("00:00:01.500Z"));
    }

    @Test
    void configErrorsNameTheField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RadarConfig(SpeedUnit.MPS, true, 5, 300, true));
        assertTrue(e.getMessage().startsWith("maxLineBytes"), e.getMessage());
    }
}
