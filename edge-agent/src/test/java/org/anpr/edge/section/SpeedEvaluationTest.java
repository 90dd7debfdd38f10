package org.anpr.edge.section;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.anpr.protocol.sample.SampleMessages;
import org.anpr.protocol.v1.CaptureTime;
import org.anpr.protocol.v1.ClockSync;
import org.anpr.protocol.v1.PlateRead;
import org.junit.jupiter.api.Test;

/** The margin rules and the conservative speed, with worked numbers. */
class SpeedEvaluationTest {
    private static final long T = SampleMessages.BASE_MICROS;
    private final SampleMessages samples = new SampleMessages(5);

    private PlateRead read(String gantry, long micros, int errMicros) {
        PlateRead r = samples.read(gantry, "12ABC3", micros);
        return r.toBuilder().setCaptureTime(r.getCaptureTime().toBuilder().setEstErrorMicros(errMicros)).build();
    }

    private static SectionDefinition section(double metres, double uncertainty, double limit, MarginRule rule) {
        return new SectionDefinition("S1", "G-in", null, "G-out", null, metres, uncertainty, limit, rule);
    }

    @Test
    void netherlandsThreeKmhUpTo100ThenThreePercent() {
        assertEquals(3.0, MarginRule.NL.marginKmh(90), 1e-9);
        assertEquals(3.0, MarginRule.NL.marginKmh(100), 1e-9);
        assertEquals(3.6, MarginRule.NL.marginKmh(120), 1e-9);
        assertEquals(4.2, MarginRule.NL.marginKmh(140), 1e-9);
    }

    @Test
    void franceFiveKmhBelow100ThenFivePercent() {
        assertEquals(5.0, MarginRule.FR.marginKmh(90), 1e-9);
        assertEquals(5.0, MarginRule.FR.marginKmh(100), 1e-9);
        assertEquals(6.0, MarginRule.FR.marginKmh(120), 1e-9);
    }

    @Test
    void belgiumIsConfiguredAndLabelledWithItsNumbers() {
        MarginRule be = MarginRule.custom("BE", 6, 100, 6);
        assertEquals("BE:6/100/6%", be.name());
        assertEquals(6.0, be.marginKmh(80), 1e-9);
        assertEquals(7.2, be.marginKmh(120), 1e-9);
        assertNull(MarginRule.preset("BE"), "no silent default for Belgium");
    }

    @Test
    void twelveKilometresInSixMinutesIsAViolationWithConservativeNumbers() {
        // 12,000 m +- 2 m in 360 s, clocks +- 500 us each:
        // conservative time 360.001 s, speed 11,998 m / 360.001 s = 119.9797 km/h,
        // NL margin 3 % = 3.5994, enforced 116.3803 > 100.
        SpeedEvaluation e = SpeedEvaluation.of(section(12_000, 2, 100, MarginRule.NL), SectionSettings.DEFAULTS,
                read("G-in", T, 500), read("G-out", T + 360_000_000L, 500));
        assertEquals(360_000_000L, e.nominalElapsedMicros());
        assertEquals(360_001_000L, e.conservativeElapsedMicros());
        assertEquals(120.0, e.measuredKmh(), 1e-9);
        assertEquals(119.9797, e.conservativeKmh(), 1e-4);
        assertEquals(3.5994, e.marginKmh(), 1e-4);
        assertEquals(116.3803, e.enforcedKmh(), 1e-4);
        assertTrue(e.speeding());
        assertNull(e.notEnforceableReason());
    }

    @Test
    void netherlandsBorderlineAt100Limit() {
        // 1,000 m exact, perfect clocks. 103 km/h: 103 - 3.09 = 99.91 -> no. 104 km/h: 104 - 3.12 = 100.88 -> yes.
        SectionDefinition s = section(1_000, 0, 100, MarginRule.NL);
        SpeedEvaluation at103 = SpeedEvaluation.of(s, SectionSettings.DEFAULTS, read("G-in", T, 0), read("G-out", T + 34_951_456L, 0));
        assertEquals(103.0, at103.conservativeKmh(), 1e-3);
        assertEquals(99.91, at103.enforcedKmh(), 1e-3);
        assertFalse(at103.speeding());
        SpeedEvaluation at104 = SpeedEvaluation.of(s, SectionSettings.DEFAULTS, read("G-in", T, 0), read("G-out", T + 34_615_385L, 0));
        assertEquals(100.88, at104.enforcedKmh(), 1e-3);
        assertTrue(at104.speeding());
    }

    @Test
    void franceAt80Limit() {
        // 1,000 m. 86 km/h: margin 5 -> 81 > 80. 85 km/h: 80, not above the limit.
        SectionDefinition s = section(1_000, 0, 80, MarginRule.FR);
        assertTrue(SpeedEvaluation.of(s, SectionSettings.DEFAULTS, read("G-in", T, 0), read("G-out", T + 41_860_465L, 0)).speeding());
        assertFalse(SpeedEvaluation.of(s, SectionSettings.DEFAULTS, read("G-in", T, 0), read("G-out", T + 42_352_942L, 0)).speeding());
    }

    @Test
    void uncertaintyAndClockErrorCanTurnASpeederIntoNoViolation() {
        // 1,000 m in 34.0 s = 105.88 km/h nominal; with 10 m uncertainty and 0.5 s error per clock:
        // 990 m / 35.0 s = 101.83 km/h, minus 3 % -> 98.77: not enforced.
        SectionDefinition s = section(1_000, 10, 100, MarginRule.NL);
        SpeedEvaluation e = SpeedEvaluation.of(s, SectionSettings.DEFAULTS, read("G-in", T, 500_000), read("G-out", T + 34_000_000L, 500_000));
        assertEquals(105.882, e.measuredKmh(), 1e-3);
        assertEquals(101.829, e.conservativeKmh(), 1e-3);
        assertFalse(e.speeding());
    }

    @Test
    void reasonsWhyASpeederIsNotEnforceable() {
        SectionDefinition s = section(12_000, 2, 100, MarginRule.NL);
        PlateRead in = read("G-in", T, 500);
        PlateRead out = read("G-out", T + 300_000_000L, 500);
        PlateRead holdover = in.toBuilder().setCaptureTime(CaptureTime.newBuilder(in.getCaptureTime()).setSync(ClockSync.CLOCK_SYNC_HOLDOVER)).build();
        assertTrue(SpeedEvaluation.of(s, SectionSettings.DEFAULTS, holdover, out).notEnforceableReason().startsWith("entry clock was CLOCK_SYNC_HOLDOVER"));
        PlateRead sloppy = read("G-out", T + 300_000_000L, 200_000);
        assertTrue(SpeedEvaluation.of(s, SectionSettings.DEFAULTS, in, sloppy).notEnforceableReason().contains("exit clock error 200000 us"));
        PlateRead unsure = out.toBuilder().setConfidence(0.5f).build();
        assertTrue(SpeedEvaluation.of(s, SectionSettings.DEFAULTS, in, unsure).notEnforceableReason().startsWith("exit read confidence 0.5"));
        assertNull(SpeedEvaluation.of(s, SectionSettings.DEFAULTS, out, in), "exit before entry is not a trip");
    }
}
