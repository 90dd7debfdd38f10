package org.anpr.provision.profile;

/**
 * Where a gantry stands, WGS 84 degrees ({@code gantry.position: { lat, lon }}).
 *
 * @param lat latitude, -90..90
 * @param lon longitude, -180..180
 */
public record GeoPosition(double lat, double lon) {
    private static final double EARTH_RADIUS_M = 6_371_008.8;

    /** Great-circle distance in metres (haversine): a lower bound for any road between the two. */
    public double metresTo(GeoPosition o) {
        double p1 = Math.toRadians(lat);
        double p2 = Math.toRadians(o.lat);
        double dp = p2 - p1;
        double dl = Math.toRadians(o.lon - lon);
        double a = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
    }
}
