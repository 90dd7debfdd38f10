package org.anpr.demo.traffic;

/**
 * What the demo's traffic is made of. Defaults are what this project's 2-core reference machine
 * recognises in real time over the demo's eight cameras (see demo/README.md).
 *
 * @param vehiclesPerMinutePerLane mean arrivals per lane and minute (Poisson); default 12, 0.1..120
 * @param speederShare             share of section vehicles faster than the limit plus margin; default 0.15
 * @param wantedShare              share of vehicles whose plate is on the national hotlist; default 0.05
 * @param foreignShare             share of vehicles with a plate from another EU country; default 0.25
 * @param nightShare               share of vehicles seen by the infrared night camera; default 0.2
 * @param seed                     the same seed gives the same vehicles in the same order; default 2026
 */
public record TrafficMix(double vehiclesPerMinutePerLane, double speederShare, double wantedShare, double foreignShare,
                         double nightShare, long seed) {
    public static final TrafficMix DEFAULTS = new TrafficMix(12, 0.15, 0.05, 0.25, 0.2, 2026);

    public TrafficMix {
        if (!(vehiclesPerMinutePerLane >= 0.1 && vehiclesPerMinutePerLane <= 120)) {
            throw new IllegalArgumentException("vehicles per minute per lane: " + vehiclesPerMinutePerLane + " is outside 0.1..120");
        }
        share("speeder share", speederShare);
        share("hotlisted share", wantedShare);
        share("foreign share", foreignShare);
        share("night share", nightShare);
    }

    public TrafficMix withRate(double perMinute) {
        return new TrafficMix(perMinute, speederShare, wantedShare, foreignShare, nightShare, seed);
    }

    public TrafficMix withShares(double speeders, double wanted) {
        return new TrafficMix(vehiclesPerMinutePerLane, speeders, wanted, foreignShare, nightShare, seed);
    }

    public TrafficMix withSeed(long s) {
        return new TrafficMix(vehiclesPerMinutePerLane, speederShare, wantedShare, foreignShare, nightShare, s);
    }

    private static void share(String what, double v) {
        if (!(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException(what + ": " + v + " is outside 0..1");
        }
    }
}
