package org.anpr.central.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;
import org.anpr.central.audit.Purpose;
import org.anpr.central.http.ApiException;
import org.anpr.central.http.ApiRequest;
import org.anpr.central.http.ApiResponse;
import org.anpr.central.http.QueryParam;
import org.anpr.central.http.Json;
import org.anpr.protocol.ids.Uuid7;
import org.anpr.protocol.v1.Image;
import org.anpr.protocol.v1.ImageFormat;
import org.anpr.protocol.v1.PlateRead;

/** How reads, ids and images appear in the API, the same wherever a read is shown. */
final class ReadViews {
    private ReadViews() {
    }

    static UUID uuid(String text, String field) throws ApiException {
        try {
            UUID id = UUID.fromString(text);
            if (!text.equalsIgnoreCase(id.toString())) {
                throw new IllegalArgumentException();
            }
            return id;
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(field, "'" + field + "' must be a UUID such as 0190f1e2-7c3a-7abc-8def-0123456789ab");
        }
    }

    /**
     * Answers an image request for {@code read}: {@code kind} crop or overview, reason and case
     * mandatory, the opening audited as {@code action} on {@code target}.
     */
    static ApiResponse image(ApiContext ctx, ApiRequest r, PlateRead read, String action, String target) throws Exception {
        Purpose purpose = Purpose.of(r);
        String kind = r.param("kind") == null ? "crop" : r.param("kind");
        if (!kind.equals("crop") && !kind.equals("overview")) {
            throw ApiException.badRequest("kind", "kind must be crop or overview, was '" + kind + "'");
        }
        Image img = kind.equals("crop") ? (read.hasPlateCrop() ? read.getPlateCrop() : null) : (read.hasOverview() ? read.getOverview() : null);
        if (img == null || img.getData().isEmpty()) {
            throw ApiException.notFound("this read has no " + kind + " image");
        }
        ctx.audit(r, action, target, purpose, Json.text(Json.object().put("kind", kind).put("read", id(read.getReadId()))));
        return ApiResponse.bytes(mediaType(img), img.getData().toByteArray());
    }

    static final QueryParam KIND = QueryParam.string("kind", "crop (default) or overview");

    static String mediaType(Image img) {
        return img.getFormat() == ImageFormat.IMAGE_FORMAT_PNG ? "image/png" : "image/jpeg";
    }

    static String id(com.google.protobuf.ByteString bytes) {
        return Uuid7.fromBytes(bytes.toByteArray()).toString();
    }

    /** A read's metadata; {@code imageBase} is the path its image links start with (kind is appended). */
    static ObjectNode read(PlateRead read, String imageBase) {
        ObjectNode rd = Json.object();
        rd.put("id", id(read.getReadId()));
        rd.put("gantryId", read.getGantryId()).put("cameraId", read.getCameraId()).put("lane", read.getLane());
        rd.put("plate", read.getPlateText()).put("country", read.getCountry()).put("confidence", read.getConfidence());
        rd.put("captured", Json.time(read.getCaptureTime().getEpochMicros()));
        rd.put("clock", read.getCaptureTime().getSync().name().replace("CLOCK_SYNC_", "").toLowerCase());
        rd.put("clockErrorMicros", read.getCaptureTime().getEstErrorMicros());
        ObjectNode images = rd.putObject("images");
        if (read.hasPlateCrop() && !read.getPlateCrop().getData().isEmpty()) {
            images.put("crop", imageBase + "crop");
        }
        if (read.hasOverview() && !read.getOverview().getData().isEmpty()) {
            images.put("overview", imageBase + "overview");
        }
        return rd;
    }
}
