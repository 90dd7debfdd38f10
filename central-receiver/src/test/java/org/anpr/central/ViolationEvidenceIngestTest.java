package org.anpr.central;

import static org.anpr.central.support.TestGantries.ENTRY;
import static org.anpr.central.support.TestGantries.EXIT;
import static org.anpr.central.support.TestGantries.OTHER;
import static org.anpr.central.support.TestGantries.encode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import org.anpr.central.metrics.ReceiverMetrics.Counter;
import org.anpr.central.store.RejectedPayload;
import org.anpr.central.support.TestGantries;
import org.anpr.protocol.evidence.ViolationChain;
import org.anpr.protocol.evidence.ViolationSignature;
import org.anpr.protocol.sample.SampleMessages;
import org.anpr.protocol.topic.Topic;
import org.anpr.protocol.topic.TopicKind;
import org.anpr.protocol.v1.SectionViolation;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17, item 3b, at the centre: a violation of a gantry whose signing key is known must carry
 * its valid signature over a digest that verifies (a forger who can rewrite the gantry's database
 * and re-seal is refused), unsigned ones are refused where signatures are required, and a chain that
 * does not follow its last accepted violation is counted.
 */
class ViolationEvidenceIngestTest {
    @TempDir
    Path dir;
    final SampleMessages samples = new SampleMessages(31);

    private SectionViolation chained(String entry, String exit, long sequence, com.google.protobuf.ByteString previous) {
        return ViolationChain.seal(samples.violation(entry, exit), sequence, previous);
    }

    private static void publish(Receiver r, String gantry, SectionViolation v) throws Exception {
        MqttClient c = TestGantries.connect(r.port(), gantry, true);
        try {
            c.publish(Topic.of(gantry, TopicKind.VIOLATIONS).name(), encode(v), 1, false);
        } finally {
            TestGantries.closeQuietly(c);
        }
    }

    @Test
    void signaturesAreVerifiedOnIngestAndChainsAnchoredAtTheCentre() throws Exception {
        KeyPair exitKey = ViolationSignature.generate();
        Path keys = Files.writeString(dir.resolve("signing-keys"), "# exit gantries\n" + EXIT + ":"
                + ViolationSignature.publicKeyText(exitKey.getPublic()) + "\n");
        var c = TestGantries.config(dir);
        SectionViolation third;
        try (Receiver receiver = new Receiver(c.withSections(c.sections().withSigning(keys, false)))) {
            receiver.start();
            SectionViolation first = ViolationSignature.sign(chained(ENTRY, EXIT, 1, ViolationChain.GENESIS), exitKey.getPrivate());
            publish(receiver, EXIT, first);
            assertEquals(1, receiver.store().countViolations(), "the signed violation is stored");

            publish(receiver, EXIT, chained(ENTRY, EXIT, 2, first.getDigest()));                  // unsigned
            SectionViolation forged = ViolationChain.seal(first.toBuilder().setEnforcedSpeedKmh(160).build(), 1, ViolationChain.GENESIS)
                    .toBuilder().setSignature(first.getSignature()).build();                         // re-sealed by a forger
            publish(receiver, EXIT, forged);
            assertEquals(1, receiver.store().countViolations(), "an unsigned or forged violation was stored");
            assertEquals(2, receiver.metrics().get(Counter.VIOLATIONS_UNVERIFIED));
            List<RejectedPayload> rejected = receiver.store().rejected();
            assertTrue(rejected.get(0).reason().contains("is not signed"), rejected.get(0).reason());
            assertTrue(rejected.get(1).reason().contains("signature or its digest does not verify"), rejected.get(1).reason());

            // sequence 2 never arrives: 3 is stored, and the break in the chain counted
            SectionViolation second = ViolationSignature.sign(chained(ENTRY, EXIT, 2, first.getDigest()), exitKey.getPrivate());
            third = ViolationSignature.sign(chained(ENTRY, EXIT, 3, second.getDigest()), exitKey.getPrivate());
            publish(receiver, EXIT, third);
            assertEquals(2, receiver.store().countViolations());
            assertEquals(1, receiver.metrics().get(Counter.VIOLATION_CHAIN_BREAKS));
            publish(receiver, EXIT, third); // a redelivery is no break
            assertEquals(1, receiver.metrics().get(Counter.VIOLATION_CHAIN_BREAKS));
        }
        // after a restart the anchor is where the stored chain stands: the next one follows, a fork does not
        try (Receiver again = new Receiver(c.withSections(c.sections().withSigning(keys, false)))) {
            again.start();
            SectionViolation fourth = ViolationSignature.sign(chained(ENTRY, EXIT, 4, third.getDigest()), exitKey.getPrivate());
            publish(again, EXIT, fourth);
            assertEquals(0, again.metrics().get(Counter.VIOLATION_CHAIN_BREAKS), "the restarted centre lost its anchor");
            SectionViolation fork = ViolationSignature.sign(chained(ENTRY, EXIT, 4, third.getDigest()), exitKey.getPrivate());
            publish(again, EXIT, fork); // another violation under sequence 4
            assertEquals(1, again.metrics().get(Counter.VIOLATION_CHAIN_BREAKS), "a second violation 4 is a fork");
        }
    }

    @Test
    void withSignaturesRequiredAGantryWithoutAKeyIsRefused() throws Exception {
        Path keys = Files.writeString(dir.resolve("signing-keys"), EXIT + ":" + ViolationSignature.publicKeyText(
                ViolationSignature.generate().getPublic()) + "\n");
        var c = TestGantries.config(dir);
        try (Receiver receiver = new Receiver(c.withSections(c.sections().withSigning(keys, true)))) {
            receiver.start();
            publish(receiver, OTHER, ViolationChain.seal(samples.violation("A12-W-km0", OTHER).toBuilder().setSectionId("A12-km0-km3")
                    .build(), 1, ViolationChain.GENESIS));
            assertEquals(0, receiver.store().countViolations());
            assertTrue(receiver.store().rejected().get(0).reason().contains("no signing key known here"),
                    receiver.store().rejected().get(0).reason());
        }
        Files.writeString(keys, "A2-N-km52:not-a-key\nbad/id:x\n");
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                () -> new Receiver(c.withSections(c.sections().withSigning(keys, true))).close());
        assertTrue(e.getMessage().contains("signing-keys:1: not an Ed25519 public key") && e.getMessage().contains("signing-keys:2: "),
                e.getMessage());
    }
}
