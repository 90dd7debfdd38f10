package org.anpr.edge.section;

/**
 * One average-speed section.
 *
 * @param id                   section id (a topic-safe id)
 * @param entryGantryId        gantry at the start
 * @param entryCameraId        camera there, or null for any of its cameras
 * @param exitGantryId         gantry at the end; it matches and issues violations
 * @param exitCameraId         camera there, or null for any
 * @param distanceM            calibrated distance, metres
 * @param distanceUncertaintyM calibration uncertainty, metres (one side)
 * @param speedLimitKmh        the limit
 * @param margin               the enforcement margin rule
 */
public record SectionDefinition(
        String id,
        String entryGantryId,
        String entryCameraId,
        String exitGantryId,
        String exitCameraId,
        double distanceM,
        double distanceUncertaintyM,
        double speedLimitKmh,
        MarginRule margin) {

    boolean isEntry(String gantry, String camera) {
        return entryGantryId.equals(gantry) && (entryCameraId == null || entryCameraId.equals(camera));
    }

    boolean isExit(String gantry, String camera) {
        return exitGantryId.equals(gantry) && (exitCameraId == null || exitCameraId.equals(camera));
    }
}
