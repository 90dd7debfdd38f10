package org.anpr.protocol;

import com.google.protobuf.ByteString;
import java.util.UUID;
import org.anpr.protocol.ProtocolException.Problem;
import org.anpr.protocol.ids.Uuid7;
import org.anpr.protocol.topic.GantryId;
import org.anpr.protocol.v1.CaptureTime;
import org.anpr.protocol.v1.ConfigPush;
import org.anpr.protocol.v1.GantryStatus;
import org.anpr.protocol.v1.HotlistAlert;
import org.anpr.protocol.v1.HotlistDelta;
import org.anpr.protocol.v1.HotlistEntry;
import org.anpr.protocol.v1.Image;
import org.anpr.protocol.v1.PlateAlternative;
import org.anpr.protocol.v1.PlateRead;
import org.anpr.protocol.v1.PlateReadBatch;
import org.anpr.protocol.v1.Quad;
import org.anpr.protocol.v1.SectionPassage;
import org.anpr.protocol.v1.SectionViolation;
import org.anpr.protocol.v1.ViolationOutcome;

/**
 * Semantic checks of decoded messages: the parts protobuf cannot express (required fields,
 * plate characters, id formats, image sizes, ranges). Each failure names the field path.
 */
public final class MessageValidator {
    /** Instants before 2000-01-01 or after 2100-01-01 are taken as a broken clock or field. */
    private static final long MIN_EPOCH_MICROS = 946_684_800_000_000L;
    private static final long MAX_EPOCH_MICROS = 4_102_444_800_000_000L;
    /**
     * How far a read's capture time may lie after the time of its id (made after the capture, on
     * the same clock): a clock step, or a replay running ahead of real time, up to a day.
     */
    public static final long MAX_CAPTURE_AFTER_ID_MICROS = 24L * 3_600_000_000L;
    private static final int MAX_ALTERNATIVES = 16;
    private static final int MAX_LANE = 64;
    private static final int MAX_IMAGE_SIDE = 20_000;
    private static final int MAX_FRAME_COORD = 100_000;
    private static final int MAX_SHORT_TEXT = 128;
    private static final int MAX_INSTRUCTIONS = 1_000;

    private final CodecLimits limits;

    public MessageValidator(CodecLimits limits) {
        this.limits = limits;
    }

    public void validate(PlateReadBatch batch, String path) throws ProtocolException {
        int n = batch.getReadsCount();
        if (n == 0) {
            throw new ProtocolException(Problem.MISSING_FIELD, path + ".reads", "a batch needs at least one read");
        }
        if (n > limits.maxReadsPerBatch()) {
            throw new ProtocolException(Problem.TOO_MANY_ITEMS, path + ".reads", n + " reads, at most " + limits.maxReadsPerBatch());
        }
        for (int i = 0; i < n; i++) {
            validate(batch.getReads(i), path + ".reads[" + i + "]");
        }
    }

    public void validate(PlateRead read, String path) throws ProtocolException {
        requireUuid7(read.getReadId(), path + ".read_id");
        requireId(read.getGantryId(), path + ".gantry_id");
        requireId(read.getCameraId(), path + ".camera_id");
        if (read.getLane() > MAX_LANE) {
            throw invalid(path + ".lane", "lane " + read.getLane() + " is above " + MAX_LANE);
        }
        if (!read.hasCaptureTime()) {
            throw missing(path + ".capture_time");
        }
        validate(read.getCaptureTime(), path + ".capture_time");
        // read ids are made when the read is (after its capture), by the same clock
        long idMicros = Uuid7.epochMillis(Uuid7.fromBytes(read.getReadId().toByteArray())) * 1000;
        if (read.getCaptureTime().getEpochMicros() > idMicros + MAX_CAPTURE_AFTER_ID_MICROS) {
            throw invalid(path + ".capture_time", "captured at " + java.time.Instant.ofEpochMilli(read.getCaptureTime().getEpochMicros() / 1000)
                    + ", after its read id was made (" + java.time.Instant.ofEpochMilli(idMicros / 1000) + "); at most "
                    + MAX_CAPTURE_AFTER_ID_MICROS / 3_600_000_000L + " h of clock step are allowed");
        }
        requirePlate(read.getPlateText(), path + ".plate_text");
        requireCountry(read.getCountry(), path + ".country");
        requireShortText(read.getPlateFormat(), path + ".plate_format", false);
        requireUnitInterval(read.getConfidence(), path + ".confidence");
        if (read.getAlternativesCount() > MAX_ALTERNATIVES) {
            throw new ProtocolException(Problem.TOO_MANY_ITEMS, path + ".alternatives",
                    read.getAlternativesCount() + " alternatives, at most " + MAX_ALTERNATIVES);
        }
        for (int i = 0; i < read.getAlternativesCount(); i++) {
            PlateAlternative alt = read.getAlternatives(i);
            requirePlate(alt.getText(), path + ".alternatives[" + i + "].text");
            requireUnitInterval(alt.getScore(), path + ".alternatives[" + i + "].score");
        }
        if (read.hasPlateQuad()) {
            validate(read.getPlateQuad(), path + ".plate_quad");
        }
        if (read.hasPlateCrop()) {
            validate(read.getPlateCrop(), path + ".plate_crop", limits.maxPlateCropBytes());
        } else if (!read.getPlateCropDropped()) {
            throw new ProtocolException(Problem.MISSING_FIELD, path + ".plate_crop",
                    "required field is missing (a gantry that shed it for disk space sets plate_crop_dropped)");
        }
        if (read.hasOverview()) {
            validate(read.getOverview(), path + ".overview", limits.maxOverviewBytes());
        }
        requireShortText(read.getEngineVersion(), path + ".engine_version", true);
        if (read.hasSpotSpeedKmh()) {
            float v = read.getSpotSpeedKmh();
            if (!(v >= 0 && v <= 500)) {
                throw invalid(path + ".spot_speed_kmh", "speed " + v + " km/h is outside 0..500");
            }
        }
    }

    public void validate(HotlistAlert alert, String path) throws ProtocolException {
        requireUuid7(alert.getAlertId(), path + ".alert_id");
        if (!alert.hasRead()) {
            throw missing(path + ".read");
        }
        validate(alert.getRead(), path + ".read");
        if (!alert.hasEntry()) {
            throw missing(path + ".entry");
        }
        validate(alert.getEntry(), path + ".entry");
        if (alert.getMatchKindValue() <= 0) {
            throw missing(path + ".match_kind");
        }
    }

    public void validate(HotlistEntry entry, String path) throws ProtocolException {
        requireShortText(entry.getEntryId(), path + ".entry_id", true);
        requirePlate(entry.getPlateText(), path + ".plate_text");
        requireCountry(entry.getCountry(), path + ".country");
        if (entry.getCategoryValue() <= 0) {
            throw missing(path + ".category");
        }
        if (entry.getPriority() < 1 || entry.getPriority() > 9) {
            throw invalid(path + ".priority", "priority " + entry.getPriority() + " is outside 1..9");
        }
        long from = entry.getValidFromMicros();
        long until = entry.getValidUntilMicros();
        if (from < 0 || until < 0) {
            throw invalid(path + ".valid_from_micros", "validity bounds must not be negative");
        }
        if (from != 0 && until != 0 && until <= from) {
            throw invalid(path + ".valid_until_micros", "validity ends before it starts");
        }
        requireShortText(entry.getReferenceId(), path + ".reference_id", false);
        if (entry.getInstructions().length() > MAX_INSTRUCTIONS) {
            throw invalid(path + ".instructions", "instructions are " + entry.getInstructions().length()
                    + " characters; at most " + MAX_INSTRUCTIONS + " are allowed");
        }
    }

    public void validate(HotlistDelta delta, String path) throws ProtocolException {
        if (!delta.getFullSnapshot() && delta.getToVersion() <= delta.getFromVersion()) {
            throw invalid(path + ".to_version",
                    "delta goes from " + delta.getFromVersion() + " to " + delta.getToVersion() + "; it must move forward");
        }
        if (delta.getToVersion() == 0) {
            throw missing(path + ".to_version");
        }
        int count = Math.max(1, delta.getChunkCount());
        if (delta.getChunkIndex() >= count) {
            throw invalid(path + ".chunk_index", "chunk " + delta.getChunkIndex() + " of " + count);
        }
        int items = delta.getUpsertsCount() + delta.getRemovedEntryIdsCount();
        if (items > limits.maxHotlistItems()) {
            throw new ProtocolException(Problem.TOO_MANY_ITEMS, path, items + " items, at most " + limits.maxHotlistItems());
        }
        for (int i = 0; i < delta.getUpsertsCount(); i++) {
            validate(delta.getUpserts(i), path + ".upserts[" + i + "]");
        }
        for (int i = 0; i < delta.getRemovedEntryIdsCount(); i++) {
            requireShortText(delta.getRemovedEntryIds(i), path + ".removed_entry_ids[" + i + "]", true);
        }
    }

    public void validate(SectionPassage passage, String path) throws ProtocolException {
        requireUuid7(passage.getPassageId(), path + ".passage_id");
        requireId(passage.getSectionId(), path + ".section_id");
        requireId(passage.getEntryGantryId(), path + ".entry_gantry_id");
        requireId(passage.getExitGantryId(), path + ".exit_gantry_id");
        if (!passage.hasRead()) {
            throw missing(path + ".read");
        }
        validate(passage.getRead(), path + ".read");
        if (passage.getExpiresAtMicros() <= passage.getRead().getCaptureTime().getEpochMicros()) {
            throw invalid(path + ".expires_at_micros", "the passage expires before it was captured");
        }
    }

    public void validate(SectionViolation v, String path) throws ProtocolException {
        requireUuid7(v.getViolationId(), path + ".violation_id");
        requireId(v.getSectionId(), path + ".section_id");
        if (v.getOutcomeValue() <= 0) {
            throw missing(path + ".outcome");
        }
        if (v.getOutcome() == ViolationOutcome.VIOLATION_OUTCOME_NOT_ENFORCEABLE && v.getNotEnforceableReason().isEmpty()) {
            throw missing(path + ".not_enforceable_reason");
        }
        if (!v.hasEntryRead()) {
            throw missing(path + ".entry_read");
        }
        validate(v.getEntryRead(), path + ".entry_read");
        if (!v.hasExitRead()) {
            throw missing(path + ".exit_read");
        }
        validate(v.getExitRead(), path + ".exit_read");
        requireFinite(v.getDistanceM(), path + ".distance_m", true);
        requireFinite(v.getDistanceUncertaintyM(), path + ".distance_uncertainty_m", false);
        if (v.getDistanceUncertaintyM() >= v.getDistanceM()) {
            throw invalid(path + ".distance_uncertainty_m", "uncertainty is not smaller than the distance");
        }
        if (v.getConservativeElapsedMicros() <= 0) {
            throw invalid(path + ".conservative_elapsed_micros", "elapsed time must be > 0");
        }
        requireFinite(v.getMeasuredSpeedKmh(), path + ".measured_speed_kmh", false);
        requireFinite(v.getConservativeSpeedKmh(), path + ".conservative_speed_kmh", false);
        requireFinite(v.getSpeedLimitKmh(), path + ".speed_limit_kmh", true);
        requireFinite(v.getMarginKmh(), path + ".margin_kmh", false);
        requireFinite(v.getEnforcedSpeedKmh(), path + ".enforced_speed_kmh", false);
        requireShortText(v.getMarginRule(), path + ".margin_rule", true);
        if (v.getPreviousDigest().size() != 32) {
            throw invalid(path + ".previous_digest", "a SHA-256 digest has 32 bytes, got " + v.getPreviousDigest().size());
        }
        if (v.getDigest().size() != 32) {
            throw invalid(path + ".digest", "a SHA-256 digest has 32 bytes, got " + v.getDigest().size());
        }
    }

    public void validate(GantryStatus status, String path) throws ProtocolException {
        requireId(status.getGantryId(), path + ".gantry_id");
        requireEpoch(status.getTimestampMicros(), path + ".timestamp_micros");
        if (status.getStateValue() <= 0) {
            throw missing(path + ".state");
        }
        if (!(status.getFramesPerSecond() >= 0) || Float.isInfinite(status.getFramesPerSecond())) {
            throw invalid(path + ".frames_per_second", "must be a finite number >= 0");
        }
        if (status.getQueueDepthsCount() > 64) {
            throw new ProtocolException(Problem.TOO_MANY_ITEMS, path + ".queue_depths", "at most 64 queues");
        }
        requireShortText(status.getDetail(), path + ".detail", false);
    }

    public void validate(ConfigPush push, String path) throws ProtocolException {
        if (push.getRevision() == 0) {
            throw missing(path + ".revision");
        }
        requireShortText(push.getIssuedBy(), path + ".issued_by", true);
        requireShortText(push.getContentType(), path + ".content_type", true);
        if (push.getDocument().isEmpty()) {
            throw missing(path + ".document");
        }
        if (push.getDocument().size() > limits.maxConfigBytes()) {
            throw new ProtocolException(Problem.OVERSIZE_MESSAGE, path + ".document",
                    push.getDocument().size() + " bytes, at most " + limits.maxConfigBytes());
        }
    }

    // ------------------------------------------------------------------ parts

    private void validate(CaptureTime time, String path) throws ProtocolException {
        requireEpoch(time.getEpochMicros(), path + ".epoch_micros");
        if (time.getSyncValue() < 0 || time.getSyncValue() > 3) {
            throw invalid(path + ".sync", "unknown clock state " + time.getSyncValue());
        }
    }

    private void validate(Quad quad, String path) throws ProtocolException {
        if (quad.getCornersCount() != 4) {
            throw invalid(path + ".corners", "a quadrilateral has 4 corners, got " + quad.getCornersCount());
        }
        for (int i = 0; i < 4; i++) {
            int x = quad.getCorners(i).getX();
            int y = quad.getCorners(i).getY();
            if (x < -MAX_FRAME_COORD || x > MAX_FRAME_COORD || y < -MAX_FRAME_COORD || y > MAX_FRAME_COORD) {
                throw invalid(path + ".corners[" + i + "]", "corner (" + x + "," + y + ") is outside any frame");
            }
        }
    }

    private void validate(Image image, String path, int maxBytes) throws ProtocolException {
        ByteString data = image.getData();
        if (data.isEmpty()) {
            throw missing(path + ".data");
        }
        if (data.size() > maxBytes) {
            throw new ProtocolException(Problem.OVERSIZE_IMAGE, path + ".data", data.size() + " bytes, at most " + maxBytes);
        }
        if (image.getWidth() == 0 || image.getHeight() == 0 || image.getWidth() > MAX_IMAGE_SIDE || image.getHeight() > MAX_IMAGE_SIDE) {
            throw new ProtocolException(Problem.BAD_IMAGE, path,
                    "image size " + image.getWidth() + "x" + image.getHeight() + " is outside 1.." + MAX_IMAGE_SIDE);
        }
        switch (image.getFormat()) {
            case IMAGE_FORMAT_JPEG -> requireMagic(data, path, "JPEG", 0xFF, 0xD8, 0xFF);
            case IMAGE_FORMAT_PNG -> requireMagic(data, path, "PNG", 0x89, 'P', 'N', 'G');
            default -> throw new ProtocolException(Problem.BAD_IMAGE, path + ".format", "image format is not JPEG or PNG");
        }
    }

    private static void requireMagic(ByteString data, String path, String format, int... magic) throws ProtocolException {
        if (data.size() < magic.length + 8) {
            throw new ProtocolException(Problem.BAD_IMAGE, path + ".data", "too short for a " + format + " image");
        }
        for (int i = 0; i < magic.length; i++) {
            if ((data.byteAt(i) & 0xFF) != magic[i]) {
                throw new ProtocolException(Problem.BAD_IMAGE, path + ".data", "data is not a " + format + " image");
            }
        }
    }

    private static void requireUuid7(ByteString bytes, String path) throws ProtocolException {
        if (bytes.isEmpty()) {
            throw missing(path);
        }
        if (bytes.size() != 16) {
            throw invalid(path, "an id has 16 bytes, got " + bytes.size());
        }
        UUID id = Uuid7.fromBytes(bytes.toByteArray());
        if (!Uuid7.isUuid7(id)) {
            throw invalid(path, "id " + id + " is not a version-7 UUID");
        }
        // the id's time picks the store's day partition: it must be a real one
        long micros = Uuid7.epochMillis(id) * 1000;
        if (micros < MIN_EPOCH_MICROS || micros > MAX_EPOCH_MICROS) {
            throw invalid(path, "id " + id + " has the time " + micros / 1000 + " ms, not between the years 2000 and 2100");
        }
    }

    private static void requireId(String id, String path) throws ProtocolException {
        if (id.isEmpty()) {
            throw missing(path);
        }
        String problem = GantryId.problemWith(id);
        if (problem != null) {
            throw invalid(path, problem);
        }
    }

    private static void requirePlate(String text, String path) throws ProtocolException {
        if (text.isEmpty()) {
            throw missing(path);
        }
        String problem = PlateText.problemWith(text);
        if (problem != null) {
            throw new ProtocolException(Problem.BAD_PLATE_TEXT, path, problem);
        }
    }

    private static void requireCountry(String country, String path) throws ProtocolException {
        if (country.isEmpty()) {
            return;
        }
        if (country.length() != 2 || !Character.isUpperCase(country.charAt(0)) || !Character.isUpperCase(country.charAt(1))
                || country.charAt(0) > 'Z' || country.charAt(1) > 'Z') {
            throw invalid(path, "country '" + country + "' is not an ISO 3166-1 alpha-2 code");
        }
    }

    private static void requireShortText(String text, String path, boolean required) throws ProtocolException {
        if (text.isEmpty()) {
            if (required) {
                throw missing(path);
            }
            return;
        }
        if (text.length() > MAX_SHORT_TEXT) {
            throw invalid(path, text.length() + " characters, at most " + MAX_SHORT_TEXT);
        }
        for (int i = 0; i < text.length(); i++) {
            if (Character.isISOControl(text.charAt(i))) {
                throw invalid(path, "control character at position " + i);
            }
        }
    }

    private static void requireUnitInterval(float value, String path) throws ProtocolException {
        if (!(value >= 0f && value <= 1f)) {
            throw invalid(path, value + " is outside 0..1");
        }
    }

    private static void requireFinite(double value, String path, boolean positive) throws ProtocolException {
        if (!Double.isFinite(value) || value < 0 || (positive && value == 0)) {
            throw invalid(path, value + " is not a finite number " + (positive ? "> 0" : ">= 0"));
        }
    }

    private static void requireEpoch(long micros, String path) throws ProtocolException {
        if (micros == 0) {
            throw missing(path);
        }
        if (micros < MIN_EPOCH_MICROS || micros > MAX_EPOCH_MICROS) {
            throw invalid(path, micros + " µs is not between the years 2000 and 2100 (UTC microseconds expected)");
        }
    }

    private static ProtocolException missing(String path) {
        return new ProtocolException(Problem.MISSING_FIELD, path, "required field is missing");
    }

    private static ProtocolException invalid(String path, String message) {
        return new ProtocolException(Problem.INVALID_VALUE, path, message);
    }
}
