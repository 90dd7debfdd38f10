package org.anpr.demo;

import java.nio.file.Path;
import org.anpr.demo.traffic.TrafficMix;

/**
 * What {@code ./anpr demo} runs.
 *
 * @param minutes     minutes of traffic before the demo stops by itself; 0 = until Ctrl-C (default)
 * @param traffic     the traffic mix (rate per lane, shares of speeders, wanted plates, foreign plates, night)
 * @param fps         frame rate of every camera (default 5)
 * @param keep        folder to keep the gantries' and the centre's data in; null = a temporary folder
 *                    deleted at the end
 * @param consolePort the operators' console on loopback (default 8080; any free port when taken)
 * @param console     serve the operators' console (default); false = a terminal-only run
 */
public record DemoOptions(int minutes, TrafficMix traffic, double fps, Path keep, int consolePort, boolean console) {
    public static final DemoOptions DEFAULTS = new DemoOptions(0, TrafficMix.DEFAULTS, 5, null, 8080, true);

    static final String USAGE = """
            Usage: ./anpr demo [--minutes N] [--rate V] [--speeders P] [--hotlisted P] [--seed S] [--fps F]
                               [--keep DIR] [--console-port P] [--no-console]

            Runs a section-controlled motorway and its control room on this machine: the central receiver
            (store, hotlist, operators' API and console) and three gantries provisioned from the example
            profiles (the E40 speed section's entry at km 16.2 and exit at km 20.2, and the Leuven N2 city
            entrance), each camera fed with synthetic traffic, recognised with OpenCV + Tesseract and
            reported over MQTT. Runs until Ctrl-C, then prints what every part did.

              --minutes N     stop by itself after N minutes of traffic (default: run until Ctrl-C)
              --rate V        vehicles per minute and lane (default 12)
              --speeders P    percent of motorway vehicles faster than the limit plus margin (default 15)
              --hotlisted P   percent of vehicles whose plate is on the national hotlist (default 5)
              --seed S        traffic seed; the same seed gives the same vehicles (default 2026)
              --fps F         frame rate of every camera (default 5)
              --keep DIR      keep the data (outboxes, hotlists, central store) in DIR instead of a temp folder
              --console-port P  the console's port on loopback (default 8080; a free one when 8080 is taken)
              --no-console    no operators' console and API: a terminal-only run
            """;

    /** Parses the command line; throws IllegalArgumentException naming the bad option. */
    static DemoOptions parse(String[] args) {
        int minutes = DEFAULTS.minutes;
        TrafficMix mix = DEFAULTS.traffic;
        double fps = DEFAULTS.fps;
        Path keep = null;
        int consolePort = DEFAULTS.consolePort;
        boolean console = true;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String value = i + 1 < args.length ? args[i + 1] : null;
            if (a.equals("--no-console")) {
                console = false;
                continue;
            }
            switch (a) {
                case "--minutes" -> minutes = (int) number(a, value, 1, 24 * 60);
                case "--rate" -> mix = mix.withRate(number(a, value, 0.1, 120));
                case "--speeders" -> mix = mix.withShares(number(a, value, 0, 100) / 100, mix.wantedShare());
                case "--hotlisted" -> mix = mix.withShares(mix.speederShare(), number(a, value, 0, 100) / 100);
                case "--seed" -> mix = mix.withSeed((long) number(a, value, Long.MIN_VALUE, Long.MAX_VALUE));
                case "--fps" -> fps = number(a, value, 1, 30);
                case "--keep" -> keep = Path.of(required(a, value));
                case "--console-port" -> consolePort = (int) number(a, value, 0, 65_535);
                default -> throw new IllegalArgumentException("unknown option '" + a + "'");
            }
            i++;
        }
        return new DemoOptions(minutes, mix, fps, keep, consolePort, console);
    }

    private static String required(String option, String value) {
        if (value == null) {
            throw new IllegalArgumentException(option + ": a value is required");
        }
        return value;
    }

    private static double number(String option, String value, double min, double max) {
        double v;
        try {
            v = Double.parseDouble(required(option, value));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + ": '" + value + "' is not a number");
        }
        if (v < min || v > max) {
            throw new IllegalArgumentException(option + ": " + value + " is outside " + (long) min + ".." + (long) max);
        }
        return v;
    }
}
