package org.anpr.demo.traffic;

/**
 * Ground truth of one vehicle going past one camera: what the gantry should have read, and when.
 *
 * @param vehicle     the vehicle
 * @param gantryId    gantry of the camera
 * @param cameraId    camera that showed it
 * @param plate       its plate text
 * @param country     its plate's country
 * @param firstMicros capture time of the first frame showing it, UTC micros
 * @param lastMicros  capture time of the last frame showing it
 */
public record Sighting(DemoVehicle vehicle, String gantryId, String cameraId, String plate, String country, long firstMicros,
                       long lastMicros) {
}
