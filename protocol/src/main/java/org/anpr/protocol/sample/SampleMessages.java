package org.anpr.protocol.sample;

import com.google.protobuf.ByteString;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import javax.imageio.ImageIO;
import org.anpr.protocol.evidence.ViolationChain;
import org.anpr.protocol.ids.Uuid7;
import org.anpr.protocol.v1.CaptureTime;
import org.anpr.protocol.v1.ClockSync;
import org.anpr.protocol.v1.ConfigPush;
import org.anpr.protocol.v1.GantryState;
import org.anpr.protocol.v1.GantryStatus;
import org.anpr.protocol.v1.HotlistAlert;
import org.anpr.protocol.v1.HotlistCategory;
import org.anpr.protocol.v1.HotlistDelta;
import org.anpr.protocol.v1.HotlistEntry;
import org.anpr.protocol.v1.Image;
import org.anpr.protocol.v1.ImageFormat;
import org.anpr.protocol.v1.MatchKind;
import org.anpr.protocol.v1.PlateAlternative;
import org.anpr.protocol.v1.PlateRead;
import org.anpr.protocol.v1.PlateReadBatch;
import org.anpr.protocol.v1.Point;
import org.anpr.protocol.v1.Quad;
import org.anpr.protocol.v1.SectionPassage;
import org.anpr.protocol.v1.SectionViolation;
import org.anpr.protocol.v1.ViolationOutcome;

/**
 * Valid example messages of every type, for tests, load generators and documentation.
 * Deterministic for a seed except for the ids, which are always fresh UUIDv7s.
 */
public final class SampleMessages {
    /** 2026-11-01T08:00:00Z in microseconds. */
    public static final long BASE_MICROS = 1_793_520_000_000_000L;
    private static final String LETTERS = "ABCDEFGHJKLMNPRSTVXZ";

    private final Random random;
    private final ByteString plateCrop;
    private final int cropWidth;

    public SampleMessages(long seed) {
        this(seed, 0);
    }

    /** @param cropBytes approximate size of the plate crop JPEG; 0 for a small one */
    public SampleMessages(long seed, int cropBytes) {
        this.random = new Random(seed);
        this.cropWidth = cropBytes <= 0 ? 96 : Math.max(32, (int) Math.sqrt(cropBytes) * 2);
        this.plateCrop = ByteString.copyFrom(jpeg(cropWidth, 24, seed, cropBytes > 0));
    }

    /** A random plate text of the Dutch side code 99-XXX-9 (normalised). */
    public String plateText() {
        StringBuilder s = new StringBuilder();
        s.append(random.nextInt(10)).append(random.nextInt(10));
        for (int i = 0; i < 3; i++) {
            s.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
        }
        return s.append(random.nextInt(10)).toString();
    }

    public PlateRead read(String gantryId) {
        return read(gantryId, plateText(), BASE_MICROS + random.nextInt(1_000_000_000));
    }

    public PlateRead read(String gantryId, String plate, long captureMicros) {
        return PlateRead.newBuilder()
                .setReadId(id())
                .setGantryId(gantryId)
                .setCameraId("cam-" + (1 + random.nextInt(4)))
                .setLane(1 + random.nextInt(3))
                .setCaptureTime(CaptureTime.newBuilder().setEpochMicros(captureMicros)
                        .setSync(ClockSync.CLOCK_SYNC_SYNCHRONISED).setEstErrorMicros(500))
                .setPlateText(plate)
                .setCountry("NL")
                .setPlateFormat("NL-sidecode-8")
                .setConfidence(0.9f)
                .addAlternatives(PlateAlternative.newBuilder().setText(plate).setScore(0.9f))
                .setPlateQuad(Quad.newBuilder()
                        .addCorners(point(800, 600)).addCorners(point(920, 602))
                        .addCorners(point(919, 628)).addCorners(point(799, 626)))
                .setPlateCrop(Image.newBuilder().setFormat(ImageFormat.IMAGE_FORMAT_JPEG).setWidth(cropWidth).setHeight(24).setData(plateCrop))
                .setEngineVersion("anpr-ocr/0.1.0")
                .build();
    }

    public PlateReadBatch batch(String gantryId, int reads) {
        PlateReadBatch.Builder b = PlateReadBatch.newBuilder();
        for (int i = 0; i < reads; i++) {
            b.addReads(read(gantryId));
        }
        return b.build();
    }

    public HotlistEntry hotlistEntry(String plate) {
        return HotlistEntry.newBuilder()
                .setEntryId("E" + random.nextInt(1_000_000))
                .setPlateText(plate)
                .setCountry("NL")
                .setCategory(HotlistCategory.HOTLIST_CATEGORY_STOLEN_VEHICLE)
                .setPriority(1)
                .setReferenceId("CASE-" + random.nextInt(100_000))
                .build();
    }

    public HotlistAlert alert(String gantryId) {
        PlateRead read = read(gantryId);
        return HotlistAlert.newBuilder().setAlertId(id()).setRead(read)
                .setEntry(hotlistEntry(read.getPlateText())).setMatchKind(MatchKind.MATCH_KIND_EXACT)
                .setHotlistVersion(42).build();
    }

    public HotlistDelta hotlistDelta(long from, long to, int upserts) {
        HotlistDelta.Builder b = HotlistDelta.newBuilder().setFromVersion(from).setToVersion(to).setPublishedAtMicros(BASE_MICROS);
        for (int i = 0; i < upserts; i++) {
            b.addUpserts(hotlistEntry(plateText()));
        }
        return b.addRemovedEntryIds("E-removed-1").build();
    }

    public SectionPassage passage(String entryGantry, String exitGantry) {
        PlateRead read = read(entryGantry);
        return SectionPassage.newBuilder().setPassageId(id()).setSectionId("A2-km40-km52")
                .setEntryGantryId(entryGantry).setExitGantryId(exitGantry).setRead(read)
                .setExpiresAtMicros(read.getCaptureTime().getEpochMicros() + 72L * 3600 * 1_000_000).build();
    }

    /** A sealed violation: 12 km in 6 minutes (120 km/h) on a 100 km/h section. */
    public SectionViolation violation(String entryGantry, String exitGantry) {
        PlateRead entry = read(entryGantry);
        long exitMicros = entry.getCaptureTime().getEpochMicros() + 360_000_000L;
        PlateRead exit = read(exitGantry, entry.getPlateText(), exitMicros);
        SectionViolation v = SectionViolation.newBuilder()
                .setViolationId(id()).setSectionId("A2-km40-km52")
                .setOutcome(ViolationOutcome.VIOLATION_OUTCOME_VIOLATION)
                .setEntryRead(entry).setExitRead(exit)
                .setDistanceM(12_000).setDistanceUncertaintyM(2)
                .setConservativeElapsedMicros(360_001_000L)
                .setMeasuredSpeedKmh(120).setConservativeSpeedKmh(119.98).setSpeedLimitKmh(100)
                .setMarginKmh(3.6).setEnforcedSpeedKmh(116.38).setMarginRule("NL")
                .build();
        return ViolationChain.seal(v, 1, ViolationChain.GENESIS);
    }

    public GantryStatus status(String gantryId) {
        return GantryStatus.newBuilder().setGantryId(gantryId).setTimestampMicros(BASE_MICROS)
                .setState(GantryState.GANTRY_STATE_ONLINE).setFramesPerSecond(25f).setFramesIn(100_000)
                .setFramesDropped(12).setReadsOut(2_345).putQueueDepths("frames", 3).putQueueDepths("outbox", 0)
                .setDiskFreeBytes(10L << 30).setTemperatureC(41.5f).setClockOffsetMicros(-120)
                .setClockSync(ClockSync.CLOCK_SYNC_SYNCHRONISED).setHotlistVersion(42)
                .setEngineVersion("anpr-ocr/0.1.0").setSoftwareVersion("0.1.0").setUptimeSeconds(86_400).build();
    }

    public ConfigPush configPush() {
        return ConfigPush.newBuilder().setRevision(7).setIssuedBy("operator-17").setIssuedAtMicros(BASE_MICROS)
                .setContentType("application/yaml")
                .setDocument(ByteString.copyFromUtf8("gantry:\n  id: A2-N-km40\n")).build();
    }

    private static Point point(int x, int y) {
        return Point.newBuilder().setX(x).setY(y).build();
    }

    private static ByteString id() {
        return ByteString.copyFrom(Uuid7.toBytes(Uuid7.next()));
    }

    /** A small real JPEG; with noise it compresses badly, which approximates a target size. */
    private static byte[] jpeg(int width, int height, long seed, boolean noise) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Random r = new Random(seed);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int v = noise ? r.nextInt(256) : ((x / 8 + y / 8) % 2 == 0 ? 230 : 30);
                img.getRaster().setSample(x, y, 0, v);
            }
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, "jpg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
