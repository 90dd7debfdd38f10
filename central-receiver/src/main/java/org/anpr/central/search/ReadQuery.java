package org.anpr.central.search;

/**
 * One search of stored reads: every given filter must hold. A search names a plate or a gantry,
 * so that it runs on an index ({@code reads_plate}, {@code reads_plate_key} or
 * {@code reads_gantry}) rather than over every read. Results come newest first, at most
 * {@code limit}, after {@code after} when paging.
 *
 * @param plate         the plate pattern, or null
 * @param gantryId      the gantry, or null
 * @param cameraId      the camera, or null
 * @param lane          the lane, or null
 * @param country       the country code, or null
 * @param fromMicros    captured at or after (UTC microseconds), or null
 * @param toMicros      captured before (UTC microseconds), or null
 * @param minConfidence least OCR confidence, or null
 * @param after         the cursor of the previous page's last hit, or null for the first page
 * @param limit         hits per page, 1 to {@value #MAX_LIMIT}
 */
public record ReadQuery(PlatePattern plate, String gantryId, String cameraId, Integer lane, String country, Long fromMicros,
                        Long toMicros, Float minConfidence, Cursor after, int limit) {
    public static final int MAX_LIMIT = 1000;

    /** @throws IllegalArgumentException naming the parameter when the query is not one a search can run */
    public ReadQuery {
        gantryId = blankToNull(gantryId);
        cameraId = blankToNull(cameraId);
        country = blankToNull(country);
        if (plate == null && gantryId == null) {
            throw new IllegalArgumentException("plate: a plate or a gantryId is required");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit: must be 1 to " + MAX_LIMIT + ", got " + limit);
        }
        if (fromMicros != null && toMicros != null && fromMicros > toMicros) {
            throw new IllegalArgumentException("from: is after to");
        }
    }

    /** The first page of reads of {@code plate}, no other filter. */
    public static ReadQuery ofPlate(PlatePattern plate, int limit) {
        return new ReadQuery(plate, null, null, null, null, null, null, null, null, limit);
    }

    /** The first page of reads at {@code gantryId}, no other filter. */
    public static ReadQuery ofGantry(String gantryId, int limit) {
        return new ReadQuery(null, gantryId, null, null, null, null, null, null, null, limit);
    }

    public ReadQuery withGantry(String id) {
        return new ReadQuery(plate, id, cameraId, lane, country, fromMicros, toMicros, minConfidence, after, limit);
    }

    public ReadQuery withCamera(String id) {
        return new ReadQuery(plate, gantryId, id, lane, country, fromMicros, toMicros, minConfidence, after, limit);
    }

    public ReadQuery withLane(Integer l) {
        return new ReadQuery(plate, gantryId, cameraId, l, country, fromMicros, toMicros, minConfidence, after, limit);
    }

    public ReadQuery withCountry(String c) {
        return new ReadQuery(plate, gantryId, cameraId, lane, c, fromMicros, toMicros, minConfidence, after, limit);
    }

    /** Captured in [{@code from}, {@code to}); either may be null. */
    public ReadQuery withWindow(Long from, Long to) {
        return new ReadQuery(plate, gantryId, cameraId, lane, country, from, to, minConfidence, after, limit);
    }

    public ReadQuery withMinConfidence(Float c) {
        return new ReadQuery(plate, gantryId, cameraId, lane, country, fromMicros, toMicros, c, after, limit);
    }

    /** The next page: the hits strictly after {@code cursor} in the search's order. */
    public ReadQuery withAfter(Cursor cursor) {
        return new ReadQuery(plate, gantryId, cameraId, lane, country, fromMicros, toMicros, minConfidence, cursor, limit);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
