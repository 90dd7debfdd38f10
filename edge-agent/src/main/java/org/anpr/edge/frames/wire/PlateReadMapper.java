package org.anpr.edge.frames.wire;

import com.google.protobuf.ByteString;
import java.util.Objects;
import java.util.function.Supplier;
import org.anpr.edge.frames.EncodedImage;
import org.anpr.edge.frames.PassageEvidence;
import org.anpr.ocr.Alternative;
import org.anpr.ocr.Quad;
import org.anpr.protocol.PlateText;
import org.anpr.protocol.ids.Uuid7;
import org.anpr.protocol.v1.CaptureTime;
import org.anpr.protocol.v1.ClockSync;
import org.anpr.protocol.v1.Image;
import org.anpr.protocol.v1.ImageFormat;
import org.anpr.protocol.v1.PlateAlternative;
import org.anpr.protocol.v1.PlateRead;
import org.anpr.protocol.v1.Point;

/**
 * Builds the wire {@link PlateRead} from a passage: a fresh UUIDv7 read id, the gantry id, the
 * clock's current sync state and error, the engine version; alternatives that are not valid plate
 * texts are left out (at most 16 are sent). Thread-safe.
 */
public final class PlateReadMapper {
    private static final int MAX_ALTERNATIVES = 16;

    /** What the gantry clock knows about itself when the read is made. */
    public record ClockQuality(ClockSync sync, int estErrorMicros) {
        public ClockQuality {
            Objects.requireNonNull(sync, "sync");
            if (estErrorMicros < 0) {
                throw new IllegalArgumentException("estErrorMicros: must not be negative");
            }
        }
    }

    private final String gantryId;
    private final String engineVersion;
    private final Supplier<ClockQuality> clock;

    /**
     * @param gantryId      this gantry's id
     * @param engineVersion recogniser version sent with each read, e.g. {@code "anpr-ocr 0.1.0"}
     * @param clock         current clock quality (the agent's HealthProbe)
     */
    public PlateReadMapper(String gantryId, String engineVersion, Supplier<ClockQuality> clock) {
        this.gantryId = Objects.requireNonNull(gantryId, "gantryId");
        this.engineVersion = Objects.requireNonNull(engineVersion, "engineVersion");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @throws IllegalArgumentException the voted text is not a valid plate text, or there is no crop
     *                                  (the protocol requires one)
     */
    public PlateRead toPlateRead(PassageEvidence e) {
        String problem = PlateText.problemWith(e.text());
        if (problem != null) {
            throw new IllegalArgumentException("text: " + problem);
        }
        if (e.plateCrop() == null) {
            throw new IllegalArgumentException("plateCrop: missing");
        }
        ClockQuality q = clock.get();
        PlateRead.Builder b = PlateRead.newBuilder()
                .setReadId(ByteString.copyFrom(Uuid7.toBytes(Uuid7.next())))
                .setGantryId(gantryId)
                .setCameraId(e.cameraId())
                .setLane(e.lane())
                .setCaptureTime(CaptureTime.newBuilder().setEpochMicros(e.captureMicros()).setSync(q.sync())
                        .setEstErrorMicros(q.estErrorMicros()))
                .setPlateText(e.text())
                .setCountry(e.country())
                .setPlateFormat(e.format())
                .setConfidence(unit(e.confidence()))
                .setPlateQuad(quad(e.quad()))
                .setPlateCrop(jpeg(e.plateCrop()))
                .setEngineVersion(engineVersion);
        int n = 0;
        for (Alternative a : e.alternatives()) {
            if (n < MAX_ALTERNATIVES && PlateText.isValid(a.text())) {
                b.addAlternatives(PlateAlternative.newBuilder().setText(a.text()).setScore(unit(a.score())));
                n++;
            }
        }
        e.overview().ifPresent(o -> b.setOverview(jpeg(o)));
        return b.build();
    }

    private static org.anpr.protocol.v1.Quad quad(Quad q) {
        org.anpr.protocol.v1.Quad.Builder b = org.anpr.protocol.v1.Quad.newBuilder();
        for (Quad.Point p : q.corners()) {
            b.addCorners(Point.newBuilder().setX((int) Math.round(p.x())).setY((int) Math.round(p.y())));
        }
        return b.build();
    }

    private static Image jpeg(EncodedImage i) {
        return Image.newBuilder().setFormat(ImageFormat.IMAGE_FORMAT_JPEG).setWidth(i.width()).setHeight(i.height())
                .setData(ByteString.copyFrom(i.jpeg())).build();
    }

    private static float unit(double v) {
        return (float) Math.max(0, Math.min(1, v));
    }
}
