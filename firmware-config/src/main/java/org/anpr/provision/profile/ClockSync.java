package org.anpr.provision.profile;

import java.util.List;

/**
 * Time keeping ({@code clock:}): every read carries its clock error, and section violations are
 * issued only when both ends were synchronised within the bound.
 *
 * @param ntpServers      NTP servers for chrony; at least one NTP or PTP server is needed
 * @param ptpServers      unicast PTP masters, if the cabinet network has them
 * @param syncBoundMicros largest clock error a section measurement accepts; default 100 000 µs
 */
public record ClockSync(List<String> ntpServers, List<String> ptpServers, long syncBoundMicros) {
    public static final long DEFAULT_SYNC_BOUND_MICROS = 100_000;

    public ClockSync {
        ntpServers = List.copyOf(ntpServers);
        ptpServers = List.copyOf(ptpServers);
    }
}
