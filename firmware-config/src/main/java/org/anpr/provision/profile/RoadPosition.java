package org.anpr.provision.profile;

/**
 * Where on the road network a gantry is ({@code gantry.road}, {@code .carriageway}, {@code .direction}, {@code .km}).
 *
 * @param road        road number as signposted, e.g. {@code E40}, {@code N2}
 * @param carriageway which carriageway the cameras watch
 * @param direction   where the watched traffic goes, as signposted, e.g. {@code Liège}
 * @param km          kilometre point, or null when not known (then the section direction check is skipped)
 */
public record RoadPosition(String road, Carriageway carriageway, String direction, Double km) {
}
