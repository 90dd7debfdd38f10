package org.anpr.demo;

import java.nio.file.Path;

/**
 * What {@code ./anpr demo} runs.
 *
 * @param vehicles number of synthetic vehicles (default 8, 1..200)
 * @param seed     traffic seed: the same seed gives the same plates (default 2026)
 * @param fps      camera frame rate of the synthetic traffic (default 12)
 * @param keep     folder to keep the gantry's and the centre's data in; null = a temporary folder
 *                 deleted at the end
 * @param consolePort the operators' console on loopback (default 8080; any free port when taken)
 * @param serve    keep the centre and its console running after the traffic, until Ctrl-C
 */
public record DemoOptions(int vehicles, long seed, double fps, Path keep, int consolePort, boolean serve) {
    public static final DemoOptions DEFAULTS = new DemoOptions(8, 2026, 12, null, 8080, false);

    static final String USAGE = """
            Usage: ./anpr demo [--vehicles N] [--seed S] [--fps F] [--keep DIR] [--console] [--console-port P]

            Runs a gantry and the centre on this machine and drives synthetic traffic past the gantry:
              camera frames -> plate recognition (OpenCV + Tesseract) -> one read per vehicle
              -> local hotlist -> durable outbox -> MQTT over TCP -> central receiver -> SQLite store.
            One of the vehicles is on the national hotlist; the centre sends the list to the gantry
            when it connects, and the gantry raises the alert itself.

              --vehicles N   vehicles to drive past (default 8)
              --seed S       traffic seed; the same seed gives the same plates (default 2026)
              --fps F        camera frame rate (default 12)
              --keep DIR     keep the data (outbox, hotlist, central store) in DIR instead of a temp folder
              --console      keep the centre running afterwards: the operators' console stays open until Ctrl-C
              --console-port P  the console's port on loopback (default 8080; a free one when 8080 is taken)
            The console is at http://localhost:8080/ while the demo runs; the demo prints the accounts
            (one per role) and their password.
            """;

    /** Parses the command line; throws IllegalArgumentException naming the bad option. */
    static DemoOptions parse(String[] args) {
        int vehicles = DEFAULTS.vehicles;
        long seed = DEFAULTS.seed;
        double fps = DEFAULTS.fps;
        Path keep = null;
        int consolePort = DEFAULTS.consolePort;
        boolean serve = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String value = i + 1 < args.length ? args[i + 1] : null;
            if (a.equals("--console")) {
                serve = true;
                continue;
            }
            switch (a) {
                case "--console-port" -> consolePort = (int) number(a, value, 0, 65_535);
                case "--vehicles" -> vehicles = (int) number(a, value, 1, 200);
                case "--seed" -> seed = (long) number(a, value, Long.MIN_VALUE, Long.MAX_VALUE);
                case "--fps" -> fps = number(a, value, 1, 100);
                case "--keep" -> keep = Path.of(required(a, value));
                default -> throw new IllegalArgumentException("unknown option '" + a + "'");
            }
            i++;
        }
        return new DemoOptions(vehicles, seed, fps, keep, consolePort, serve);
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
