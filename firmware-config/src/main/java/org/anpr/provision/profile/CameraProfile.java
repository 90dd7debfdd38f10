package org.anpr.provision.profile;

/**
 * One camera ({@code cameras[i]}).
 *
 * @param id              camera id, unique on the gantry (topic-safe, see {@code GantryId})
 * @param lane            lane it watches, 1 = the lane next to the hard shoulder
 * @param view            whether it sees vehicles coming (fronts) or going (rears); default approaching
 * @param stream          {@code rtsp://host/path}, {@code http(s)://host/path} (MJPEG), {@code file:PATH}
 *                        (recording or image folder) or {@code synthetic[:SEED]}; never with a password in it
 * @param credentialsFile file holding the stream's {@code user:password}, or null
 * @param resolution      frame size the camera is set to; default 1920x1080
 * @param roi             where plates appear, in pixels of that frame; null = the whole frame
 * @param exposure        hints for the camera's exposure; defaults see {@link ExposureHints}
 */
public record CameraProfile(String id, int lane, View view, String stream, String credentialsFile,
                            Resolution resolution, RegionOfInterest roi, ExposureHints exposure) {
    public static final int MAX_LANE = 16;

    /** What the camera sees. */
    public enum View { APPROACHING, RECEDING }

    /** Frame size in pixels. */
    public record Resolution(int width, int height) {
        public static final Resolution DEFAULT = new Resolution(1920, 1080);
    }

    /** A rectangle of the frame, pixels from the top-left corner. */
    public record RegionOfInterest(int x, int y, int width, int height) {
        public boolean fitsIn(Resolution r) {
            return x + width <= r.width() && y + height <= r.height();
        }
    }

    /**
     * Exposure hints for plate reading: a short shutter freezes motion (at 120 km/h a car moves 3.3 cm
     * in 1 ms), gain is capped to keep noise out of the characters.
     *
     * @param maxShutterMicros longest exposure; default 1000 µs
     * @param maxGainDb        highest sensor gain; default 24 dB
     * @param wdr              wide dynamic range (headlights at night); default true
     */
    public record ExposureHints(int maxShutterMicros, double maxGainDb, boolean wdr) {
        public static final ExposureHints DEFAULT = new ExposureHints(1000, 24, true);
    }
}
