package org.anpr.edge.section;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.anpr.protocol.WireCodec;
import org.anpr.protocol.evidence.ViolationChain;
import org.anpr.protocol.sample.SampleMessages;
import org.anpr.protocol.v1.CaptureTime;
import org.anpr.protocol.v1.ClockSync;
import org.anpr.protocol.v1.PlateRead;
import org.anpr.protocol.v1.SectionPassage;
import org.anpr.protocol.v1.SectionViolation;
import org.anpr.protocol.v1.ViolationOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SectionTimerTest {
    private static final long T = SampleMessages.BASE_MICROS;
    private static final String IN = "A2-N-km40";
    private static final String OUT = "A2-N-km52";
    private static final SectionDefinition SECTION =
            new SectionDefinition("A2-km40-km52", IN, null, OUT, null, 12_000, 2, 100, MarginRule.NL);
    private static final SectionSettings SETTINGS = new SectionSettings(0.8, 100_000, Duration.ofHours(2));

    private final SampleMessages samples = new SampleMessages(9);
    private final List<SectionPassage> passages = new ArrayList<>();
    private final List<SectionViolation> violations = new ArrayList<>();
    private final WireCodec codec = new WireCodec();
    @TempDir
    Path dir;

    private final SectionTimer.Sink sink = new SectionTimer.Sink() {
        @Override
        public void passage(SectionPassage p) throws org.anpr.protocol.ProtocolException {
            codec.encode(p); // what the outbox would do: must be a valid message
            passages.add(p);
        }

        @Override
        public void violation(SectionViolation v) throws org.anpr.protocol.ProtocolException {
            codec.encode(v);
            violations.add(v);
        }
    };

    private SectionTimer open(String gantry) throws Exception {
        return SectionTimer.open(dir.resolve(gantry + ".db"), gantry, List.of(SECTION), SETTINGS, sink);
    }

    /** Entry gantry reads the plate at T, produces the passage the centre would route. */
    private SectionPassage entryPassage(String plate, long at) throws Exception {
        try (SectionTimer entry = open(IN)) {
            assertTrue(entry.onRead(samples.read(IN, plate, at)).isEmpty());
        }
        return passages.remove(passages.size() - 1);
    }

    @Test
    void entryGantryPublishesAPassageThatExpiresWithinTheTtl() throws Exception {
        SectionPassage p = entryPassage("12ABC3", T);
        assertEquals(SECTION.id(), p.getSectionId());
        assertEquals(OUT, p.getExitGantryId());
        assertEquals(T + Duration.ofHours(2).toNanos() / 1000, p.getExpiresAtMicros());
        assertTrue(p.getRead().hasPlateCrop(), "the entry read travels with its image (evidence)");
    }

    /** Issue 17, item 2: an early "entry" planted by another gantry never seals a violation. */
    @Test
    void aPassageFromAnyGantryButTheSectionsEntryIsRefused() throws Exception {
        SectionPassage real = entryPassage("12ABC3", T);
        // another authenticated gantry claims the plate entered the section at T (really it never did)
        SectionPassage forged = real.toBuilder().setEntryGantryId("B9-S-km3")
                .setRead(real.getRead().toBuilder().setGantryId("B9-S-km3")).build();
        SectionPassage relabelled = real.toBuilder().setEntryGantryId(IN).setRead(real.getRead().toBuilder().setGantryId("B9-S-km3")).build();
        try (SectionTimer exit = open(OUT)) {
            assertTrue(exit.onPassage(forged).isEmpty());
            assertTrue(exit.onPassage(relabelled).isEmpty());
            assertEquals(2, exit.foreignPassages());
            assertEquals(0, exit.pendingCount(), "nothing kept from them");
            assertTrue(exit.onRead(samples.read(OUT, "12ABC3", T + 300_000_000L)).isEmpty(), "no violation from a forged entry");
            assertEquals(0, violations.size());
        }
    }

    @Test
    void aVehicleThatDidNotSpeedIsDeletedAsSoonAsMatched() throws Exception {
        SectionPassage p = entryPassage("12ABC3", T);
        try (SectionTimer exit = open(OUT)) {
            exit.onPassage(p);
            assertEquals(1, exit.pendingCount());
            assertTrue(exit.onRead(samples.read(OUT, "12ABC3", T + 480_000_000L)).isEmpty()); // 90 km/h
            assertEquals(0, exit.pendingCount());
            assertTrue(violations.isEmpty());
        }
    }

    @Test
    void speederGetsASealedViolationAndTheChainContinuesAfterRestart() throws Exception {
        SectionPassage p1 = entryPassage("12ABC3", T);
        SectionPassage p2 = entryPassage("34DEF5", T + 1_000_000L);
        try (SectionTimer exit = open(OUT)) {
            exit.onPassage(p1);
            exit.onPassage(p2);
            List<SectionViolation> v1 = exit.onRead(samples.read(OUT, "12ABC3", T + 360_000_000L)); // 120 km/h
            List<SectionViolation> v2 = exit.onRead(samples.read(OUT, "34DEF5", T + 300_000_000L)); // 144 km/h
            assertEquals(1, v1.size());
            SectionViolation v = v1.get(0);
            assertEquals(ViolationOutcome.VIOLATION_OUTCOME_VIOLATION, v.getOutcome());
            assertEquals(116.38, v.getEnforcedSpeedKmh(), 0.01);
            assertEquals("NL", v.getMarginRule());
            assertEquals(p1.getRead(), v.getEntryRead());
            assertTrue(v.getExitRead().hasPlateCrop());
            assertEquals(List.of(v1.get(0), v2.get(0)), violations);
            assertEquals(-1, ViolationChain.firstBroken(violations));
            assertEquals(0, exit.pendingCount(), "matched passages are gone");
        }
        SectionPassage p3 = entryPassage("56GHJ7", T);
        try (SectionTimer exit = open(OUT)) {
            exit.onPassage(p3);
            exit.onRead(samples.read(OUT, "56GHJ7", T + 360_000_000L));
            assertEquals(3, violations.get(2).getSequence());
            assertEquals(-1, ViolationChain.firstBroken(violations), "the chain head survived the restart");
        }
    }

    /** Issue 17, item 3b: with a signing key the exit gantry signs each sealed violation's digest. */
    @Test
    void violationsAreSignedWithTheGantrysKeyWhenItHasOne() throws Exception {
        java.security.KeyPair key = org.anpr.protocol.evidence.ViolationSignature.generate();
        SectionSettings signing = new SectionSettings(SETTINGS.minConfidence(), SETTINGS.clockBoundMicros(), SETTINGS.passageTtl(),
                key.getPrivate());
        try (SectionTimer exit = SectionTimer.open(dir.resolve("signed.db"), OUT, List.of(SECTION), signing, sink)) {
            exit.onPassage(entryPassage("12ABC3", T));
            SectionViolation v = exit.onRead(samples.read(OUT, "12ABC3", T + 360_000_000L)).get(0);
            assertEquals(64, v.getSignature().size());
            assertTrue(org.anpr.protocol.evidence.ViolationSignature.verify(v, key.getPublic()));
            assertEquals(-1, ViolationChain.firstBroken(List.of(v)), "the signature leaves the chain as it was");
        }
        assertTrue(!signing.toString().contains("PRIVATE") && signing.toString().contains("signingKey=set"), "the key is not printed");
    }

    @Test
    void exitReadBeforeThePassageArrivesIsMatchedLater() throws Exception {
        SectionPassage p = entryPassage("12ABC3", T);
        try (SectionTimer exit = open(OUT)) {
            assertTrue(exit.onRead(samples.read(OUT, "12ABC3", T + 360_000_000L)).isEmpty());
            assertEquals(1, exit.pendingCount());
            assertTrue(exit.onPassage(p).isPresent());
            assertEquals(0, exit.pendingCount());
        }
    }

    @Test
    void unsynchronisedClockMakesASpeederNotEnforceableButLeavesOthersAlone() throws Exception {
        SectionPassage speeder = entryPassage("12ABC3", T);
        SectionPassage slow = entryPassage("34DEF5", T);
        try (SectionTimer exit = open(OUT)) {
            exit.onPassage(speeder);
            exit.onPassage(slow);
            PlateRead r = samples.read(OUT, "12ABC3", T + 360_000_000L);
            r = r.toBuilder().setCaptureTime(CaptureTime.newBuilder(r.getCaptureTime()).setSync(ClockSync.CLOCK_SYNC_UNSYNCHRONISED)).build();
            SectionViolation v = exit.onRead(r).get(0);
            assertEquals(ViolationOutcome.VIOLATION_OUTCOME_NOT_ENFORCEABLE, v.getOutcome());
            assertTrue(v.getNotEnforceableReason().contains("exit clock"), v.getNotEnforceableReason());
            PlateRead s = samples.read(OUT, "34DEF5", T + 600_000_000L);
            s = s.toBuilder().setCaptureTime(CaptureTime.newBuilder(s.getCaptureTime()).setSync(ClockSync.CLOCK_SYNC_UNSYNCHRONISED)).build();
            assertTrue(exit.onRead(s).isEmpty(), "72 km/h: no record at all");
            assertEquals(1, violations.size());
        }
    }

    @Test
    void unmatchedPassagesAndExitReadsAreDeletedWhenTheyExpire() throws Exception {
        SectionPassage p = entryPassage("12ABC3", T);
        try (SectionTimer exit = open(OUT)) {
            exit.onPassage(p);
            exit.onRead(samples.read(OUT, "99ZZZ9", T + 60_000_000L)); // never entered: waits for a passage
            assertEquals(2, exit.pendingCount());
            assertEquals(0, exit.expire(p.getExpiresAtMicros() - 1));
            assertEquals(1, exit.expire(p.getExpiresAtMicros()));
            assertEquals(1, exit.expire(T + 60_000_000L + Duration.ofHours(2).toNanos() / 1000));
            assertEquals(0, exit.pendingCount());
        }
    }

    @Test
    void violationIssuedButNotHandedOffBeforeACrashIsHandedOffOnReopen() throws Exception {
        SectionPassage p = entryPassage("12ABC3", T);
        SectionTimer.Sink failing = new SectionTimer.Sink() {
            @Override
            public void passage(SectionPassage passage) {
            }

            @Override
            public void violation(SectionViolation v) throws java.sql.SQLException {
                throw new java.sql.SQLException("disk full");
            }
        };
        try (SectionTimer exit = SectionTimer.open(dir.resolve(OUT + ".db"), OUT, List.of(SECTION), SETTINGS, failing)) {
            exit.onPassage(p);
            assertThrows(java.sql.SQLException.class, () -> exit.onRead(samples.read(OUT, "12ABC3", T + 360_000_000L)));
            assertEquals(1, exit.chainSequence(), "sealed and recorded before the hand-off");
        }
        try (SectionTimer exit = open(OUT)) {
            assertEquals(1, violations.size(), "handed to the outbox on reopen");
            assertEquals(1, violations.get(0).getSequence());
            exit.expire(T);
            assertEquals(1, violations.size(), "handed off once only");
        }
    }

    @Test
    void passageOfAnotherGantrysSectionIsIgnored() throws Exception {
        SectionPassage p = entryPassage("12ABC3", T).toBuilder().setSectionId("other-section").build();
        try (SectionTimer exit = open(OUT)) {
            assertTrue(exit.onPassage(p).isEmpty());
            assertEquals(0, exit.pendingCount());
        }
    }
}
