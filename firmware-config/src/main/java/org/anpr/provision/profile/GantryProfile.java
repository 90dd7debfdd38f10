package org.anpr.provision.profile;

import java.util.List;

/**
 * Everything a gantry is provisioned with, as typed values (defaults applied); read from its YAML
 * profile and the defaults it {@code extends} by {@link ProfileMapper}. Invalid parts of a profile
 * that has errors are null, so network checks can still look at the rest; a profile without errors
 * has every required value.
 *
 * @param id         gantry id (topic-safe, see {@code GantryId})
 * @param site       human name of the site, shown on the console's map
 * @param position   GPS position
 * @param road       road, carriageway, direction and kilometre point
 * @param controller controller hardware
 * @param cameras    cameras, ids unique
 * @param gpio       GPIO pin map; {@link GpioPinMap#NONE} when absent
 * @param radar      serial radar, or null for none
 * @param sections   speed sections this gantry is an end of
 * @param mqtt       broker connection
 * @param management management endpoint, or null (defaults then apply when pushing)
 * @param clock      time keeping
 * @param limits     outbox and retention limits
 */
public record GantryProfile(String id, String site, GeoPosition position, RoadPosition road, ControllerModel controller,
                            List<CameraProfile> cameras, GpioPinMap gpio, RadarPort radar, List<SectionProfile> sections,
                            MqttEndpoint mqtt, ManagementEndpoint management, ClockSync clock, StorageLimits limits) {
    public GantryProfile {
        cameras = List.copyOf(cameras);
        sections = List.copyOf(sections);
    }
}
