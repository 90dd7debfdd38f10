package org.anpr.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnknownFieldSet;
import java.util.Arrays;
import java.util.Random;
import org.anpr.protocol.ProtocolException.Problem;
import org.anpr.protocol.sample.SampleMessages;
import org.anpr.protocol.topic.Topic;
import org.anpr.protocol.topic.TopicKind;
import org.anpr.protocol.v1.Envelope;
import org.anpr.protocol.v1.Image;
import org.anpr.protocol.v1.ImageFormat;
import org.anpr.protocol.v1.PlateRead;
import org.anpr.protocol.v1.PlateReadBatch;
import org.junit.jupiter.api.Test;

class MalformedInputTest {
    private final SampleMessages samples = new SampleMessages(11);
    private final WireCodec codec = new WireCodec();

    private ProtocolException rejected(byte[] bytes) {
        return assertThrows(ProtocolException.class, () -> codec.decode(bytes));
    }

    private byte[] envelopeWith(PlateRead read) {
        // bypasses validation on purpose: what a buggy or hostile sender could put on the wire
        return WireCodec.wrap(PlateReadBatch.newBuilder().addReads(read).build(), SampleMessages.BASE_MICROS).toByteArray();
    }

    @Test
    void emptyAndNullAreRejected() {
        assertEquals(Problem.EMPTY, rejected(new byte[0]).problem());
        assertEquals(Problem.EMPTY, rejected(null).problem());
    }

    @Test
    void everyTruncationIsRejectedWithATypedError() throws Exception {
        byte[] full = codec.encode(samples.batch("G1", 2));
        for (int len = 1; len < full.length; len++) {
            byte[] cut = Arrays.copyOf(full, len);
            ProtocolException e = assertThrows(ProtocolException.class, () -> codec.decode(cut), "length " + len);
            assertTrue(e.getMessage().length() > 10);
        }
    }

    @Test
    void garbageIsMalformed() {
        byte[] garbage = new byte[500];
        new Random(3).nextBytes(garbage);
        garbage[0] = (byte) 0xFF; // an invalid tag for sure
        assertEquals(Problem.MALFORMED, rejected(garbage).problem());
        assertEquals(Problem.MALFORMED, rejected("{\"reads\": []}".getBytes()).problem());
    }

    @Test
    void oversizedMessageIsRejectedBeforeParsing() throws Exception {
        WireCodec small = new WireCodec(CodecLimits.DEFAULTS.withMaxMessageBytes(1000));
        byte[] big = codec.encode(samples.batch("G1", 20));
        ProtocolException e = assertThrows(ProtocolException.class, () -> small.decode(big));
        assertEquals(Problem.OVERSIZE_MESSAGE, e.problem());
        assertTrue(e.getMessage().contains("at most 1000"), e.getMessage());
        assertEquals(Problem.OVERSIZE_MESSAGE, assertThrows(ProtocolException.class, () -> small.encode(samples.batch("G1", 20))).problem());
    }

    @Test
    void unknownSchemaVersionIsNamed() {
        byte[] v2 = WireCodec.wrap(samples.batch("G1", 1), 1).toBuilder().setSchemaVersion(2).build().toByteArray();
        ProtocolException e = rejected(v2);
        assertEquals(Problem.UNSUPPORTED_SCHEMA_VERSION, e.problem());
        assertTrue(e.getMessage().contains("schema version 2"), e.getMessage());
        byte[] none = WireCodec.wrap(samples.batch("G1", 1), 1).toBuilder().clearSchemaVersion().build().toByteArray();
        assertEquals(Problem.MISSING_FIELD, rejected(none).problem());
        assertEquals("schema_version", rejected(none).field());
    }

    @Test
    void payloadFromANewerSchemaIsUnknownNotMissing() {
        Envelope future = Envelope.newBuilder().setSchemaVersion(1).setUnknownFields(UnknownFieldSet.newBuilder()
                .addField(40, UnknownFieldSet.Field.newBuilder().addLengthDelimited(ByteString.copyFromUtf8("x")).build())
                .build()).build();
        assertEquals(Problem.UNKNOWN_PAYLOAD, rejected(future.toByteArray()).problem());
        assertEquals(Problem.MISSING_FIELD, rejected(Envelope.newBuilder().setSchemaVersion(1).build().toByteArray()).problem());
    }

    @Test
    void missingRequiredFieldsAreNamedWithTheirPath() {
        PlateRead ok = samples.read("G1");
        assertMissing(ok.toBuilder().clearReadId().build(), "reads.reads[0].read_id");
        assertMissing(ok.toBuilder().clearGantryId().build(), "reads.reads[0].gantry_id");
        assertMissing(ok.toBuilder().clearCaptureTime().build(), "reads.reads[0].capture_time");
        assertMissing(ok.toBuilder().clearPlateText().build(), "reads.reads[0].plate_text");
        assertMissing(ok.toBuilder().clearPlateCrop().build(), "reads.reads[0].plate_crop");
        assertMissing(ok.toBuilder().clearEngineVersion().build(), "reads.reads[0].engine_version");
    }

    @Test
    void aCropShedForDiskSpaceIsAllowedOnlyWhenSaidSo() throws Exception {
        PlateRead shed = samples.read("G1").toBuilder().clearPlateCrop().setPlateCropDropped(true).build();
        assertEquals(shed, codec.decode(envelopeWith(shed)).getReads().getReads(0));
        assertMissing(shed.toBuilder().setPlateCropDropped(false).build(), "reads.reads[0].plate_crop");
    }

    private void assertMissing(PlateRead read, String field) {
        ProtocolException e = rejected(envelopeWith(read));
        assertEquals(Problem.MISSING_FIELD, e.problem(), e.getMessage());
        assertEquals(field, e.field());
    }

    @Test
    void badPlateCharactersAreRejected() {
        for (String bad : new String[] {"AB-123", "ab123", "AB 12", "ÄB123", "ABCDEFGHJKLMN", "AB\u0000"}) {
            ProtocolException e = rejected(envelopeWith(samples.read("G1").toBuilder().setPlateText(bad).build()));
            assertEquals(Problem.BAD_PLATE_TEXT, e.problem(), bad);
            assertEquals("reads.reads[0].plate_text", e.field());
        }
    }

    @Test
    void oversizedOrFakeImagesAreRejected() {
        PlateRead ok = samples.read("G1");
        byte[] huge = new byte[300 << 10];
        huge[0] = (byte) 0xFF;
        huge[1] = (byte) 0xD8;
        huge[2] = (byte) 0xFF;
        PlateRead big = ok.toBuilder().setPlateCrop(ok.getPlateCrop().toBuilder().setData(ByteString.copyFrom(huge))).build();
        assertEquals(Problem.OVERSIZE_IMAGE, rejected(envelopeWith(big)).problem());

        PlateRead fake = ok.toBuilder().setPlateCrop(Image.newBuilder().setFormat(ImageFormat.IMAGE_FORMAT_PNG)
                .setWidth(10).setHeight(10).setData(ByteString.copyFromUtf8("definitely not a png image"))).build();
        ProtocolException e = rejected(envelopeWith(fake));
        assertEquals(Problem.BAD_IMAGE, e.problem());
        assertEquals("reads.reads[0].plate_crop.data", e.field());
    }

    @Test
    void outOfRangeValuesAreRejected() {
        PlateRead ok = samples.read("G1");
        assertEquals(Problem.INVALID_VALUE, rejected(envelopeWith(ok.toBuilder().setConfidence(Float.NaN).build())).problem());
        assertEquals(Problem.INVALID_VALUE, rejected(envelopeWith(ok.toBuilder().setConfidence(1.5f).build())).problem());
        assertEquals(Problem.INVALID_VALUE, rejected(envelopeWith(ok.toBuilder().setGantryId("a/b").build())).problem());
        assertEquals(Problem.INVALID_VALUE, rejected(envelopeWith(ok.toBuilder().setCountry("nl").build())).problem());
        // milliseconds where microseconds belong
        assertEquals(Problem.INVALID_VALUE, rejected(envelopeWith(ok.toBuilder().setCaptureTime(
                ok.getCaptureTime().toBuilder().setEpochMicros(1_793_520_000_000L)).build())).problem());
        // a random UUIDv4 is not a time-ordered read id
        byte[] v4 = org.anpr.protocol.ids.Uuid7.toBytes(java.util.UUID.randomUUID());
        assertEquals(Problem.INVALID_VALUE, rejected(envelopeWith(ok.toBuilder().setReadId(ByteString.copyFrom(v4)).build())).problem());
    }

    @Test
    void tooManyReadsInABatch() {
        WireCodec strict = new WireCodec(new CodecLimits(4 << 20, 256 << 10, 2 << 20, 5, 100, 1 << 20));
        byte[] bytes = WireCodec.wrap(samples.batch("G1", 6), 1).toByteArray();
        assertEquals(Problem.TOO_MANY_ITEMS, assertThrows(ProtocolException.class, () -> strict.decode(bytes)).problem());
        byte[] empty = WireCodec.wrap(PlateReadBatch.getDefaultInstance(), 1).toByteArray();
        assertEquals(Problem.MISSING_FIELD, rejected(empty).problem());
    }

    @Test
    void payloadMustMatchTheTopicAndItsGantry() throws Exception {
        byte[] reads = codec.encode(samples.batch("G1", 1));
        ProtocolException wrongKind = assertThrows(ProtocolException.class,
                () -> codec.decode(Topic.of("G1", TopicKind.ALERTS), reads));
        assertEquals(Problem.WRONG_PAYLOAD_FOR_TOPIC, wrongKind.problem());
        ProtocolException wrongGantry = assertThrows(ProtocolException.class,
                () -> codec.decode(Topic.of("G2", TopicKind.READS), reads));
        assertEquals(Problem.INVALID_VALUE, wrongGantry.problem());
        assertTrue(wrongGantry.getMessage().contains("'G1'") && wrongGantry.getMessage().contains("'G2'"));
    }

    /** Issue 17, item 3: times a client chooses are range-checked: the id's (the store's partition) and the capture's. */
    @Test
    void idTimesAndCaptureTimesAreRangeChecked() {
        PlateRead ok = samples.read("G1");
        java.util.UUID year10000 = new java.util.UUID((253_402_300_800_000L << 16) | 0x7000L, 0x8000_0000_0000_0001L);
        PlateRead farFuture = ok.toBuilder().setReadId(ByteString.copyFrom(org.anpr.protocol.ids.Uuid7.toBytes(year10000))).build();
        ProtocolException e = rejected(envelopeWith(farFuture));
        assertEquals("reads.reads[0].read_id", e.field());
        assertTrue(e.getMessage().contains("not between the years 2000 and 2100"), e.getMessage());

        long idMicros = org.anpr.protocol.ids.Uuid7.epochMillis(org.anpr.protocol.ids.Uuid7.fromBytes(ok.getReadId().toByteArray())) * 1000;
        PlateRead capturedLater = ok.toBuilder().setCaptureTime(ok.getCaptureTime().toBuilder()
                .setEpochMicros(idMicros + MessageValidator.MAX_CAPTURE_AFTER_ID_MICROS + 1_000_000)).build();
        assertEquals("reads.reads[0].capture_time", rejected(envelopeWith(capturedLater)).field());
    }

    /** Issue 17, item 1: a batch whose first read is the gantry's own no longer carries another's reads. */
    @Test
    void everyReadOfABatchMustBeTheTopicsGantrys() throws Exception {
        PlateReadBatch mixed = PlateReadBatch.newBuilder().addReads(samples.read("G1")).addReads(samples.read("G1"))
                .addReads(samples.read("G2")).build();
        ProtocolException e = assertThrows(ProtocolException.class, () -> codec.decode(Topic.of("G1", TopicKind.READS), codec.encode(mixed)));
        assertEquals(Problem.INVALID_VALUE, e.problem());
        assertEquals("reads.reads[2].gantry_id", e.field());

        // a passage names its entry and carries the entry's read; a violation is the exit's
        var passage = samples.passage("G1", "G9");
        var forgedRead = passage.toBuilder().setRead(samples.read("G3")).build();
        assertEquals("passage.read.gantry_id", assertThrows(ProtocolException.class,
                () -> codec.decode(Topic.of("G1", TopicKind.PASSAGES), codec.encode(forgedRead))).field());
        assertEquals("passage.entry_gantry_id", assertThrows(ProtocolException.class,
                () -> codec.decode(Topic.of("G2", TopicKind.PASSAGES), codec.encode(passage))).field());
        assertEquals("passage.exit_gantry_id", assertThrows(ProtocolException.class,
                () -> codec.decode(Topic.of("G8", TopicKind.SECTION_ENTRIES), codec.encode(passage))).field());
        codec.decode(Topic.of("G9", TopicKind.SECTION_ENTRIES), codec.encode(passage)); // routed to its exit: fine
        var violation = samples.violation("G1", "G9");
        codec.decode(Topic.of("G9", TopicKind.VIOLATIONS), codec.encode(violation));
        assertEquals("violation.exit_read.gantry_id", assertThrows(ProtocolException.class,
                () -> codec.decode(Topic.of("G1", TopicKind.VIOLATIONS), codec.encode(violation))).field());
    }

    @Test
    void encodingRefusesInvalidMessages() {
        PlateRead bad = samples.read("G1").toBuilder().setPlateText("X-1").build();
        ProtocolException e = assertThrows(ProtocolException.class,
                () -> codec.encode(PlateReadBatch.newBuilder().addReads(bad).build()));
        assertEquals(Problem.BAD_PLATE_TEXT, e.problem());
    }
}
