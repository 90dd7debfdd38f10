package org.anpr.bench;

import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * {@code ./anpr bench [JMH options] [benchmark regex]}: runs the JMH benchmarks of this module.
 * With no arguments it runs everything with short, CI-friendly settings; any JMH command-line
 * option ({@code -f}, {@code -wi}, {@code -i}, {@code -rf json}, ...) overrides them.
 */
public final class BenchMain {
    private BenchMain() {
    }

    public static void main(String[] args) throws RunnerException {
        if (args.length > 0 && (args[0].equals("-h") || args[0].equals("--help"))) {
            System.out.println("""
                    Usage: ./anpr bench [JMH options] [benchmark regex]
                    Runs the JMH benchmarks (default: all, 1 fork, 3 warm-up and 5 measured 1-second iterations).
                    Examples:
                      ./anpr bench WireCodec                  only the codec benchmarks
                      ./anpr bench -f 2 -i 10 WireCodec       longer, more precise run
                      ./anpr bench -rf json -rff out.json     machine-readable results
                      ./anpr bench -l                         list the benchmarks
                    Record the figures, the machine and the date in benchmarks/RESULTS.md.
                    """);
            return;
        }
        CommandLineOptions cli;
        try {
            cli = new CommandLineOptions(args);
        } catch (CommandLineOptionException e) {
            System.err.println("bench: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (cli.shouldList() || cli.shouldListWithParams()) {
            new Runner(cli).list();
            return;
        }
        // Short defaults for the settings the command line leaves open. OptionsBuilder values
        // win over its parent, so a default is set only where the command line is silent.
        OptionsBuilder builder = new OptionsBuilder();
        builder.parent(cli);
        if (!cli.getForkCount().hasValue()) {
            builder.forks(1);
        }
        if (!cli.getWarmupIterations().hasValue()) {
            builder.warmupIterations(3);
        }
        if (!cli.getWarmupTime().hasValue()) {
            builder.warmupTime(TimeValue.seconds(1));
        }
        if (!cli.getMeasurementIterations().hasValue()) {
            builder.measurementIterations(5);
        }
        if (!cli.getMeasurementTime().hasValue()) {
            builder.measurementTime(TimeValue.seconds(1));
        }
        Options options = builder.build();
        new Runner(options).run();
    }
}
