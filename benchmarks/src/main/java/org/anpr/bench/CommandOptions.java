package org.anpr.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The {@code --name value} options of a load command, checked against the names it knows; each
 * read with its default. Errors name the option and what it must be.
 */
public final class CommandOptions {
    private final Map<String, String> values = new HashMap<>();

    private CommandOptions() {
    }

    /** @throws IllegalArgumentException on an unknown option or one without a value */
    public static CommandOptions parse(String[] args, Set<String> known) {
        CommandOptions o = new CommandOptions();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (!known.contains(name)) {
                throw new IllegalArgumentException("unknown option " + name);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + ": needs a value");
            }
            o.values.put(name, args[++i]);
        }
        return o;
    }

    /**
     * A command's options from its {@code main}: prints {@code usage} and returns null for
     * {@code --help}; on a bad option prints what is wrong and the usage, and exits 2.
     */
    public static CommandOptions forMain(String[] args, Set<String> known, String command, String usage) {
        if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.print(usage);
            return null;
        }
        try {
            return parse(args, known);
        } catch (IllegalArgumentException e) {
            System.err.println(command + ": " + e.getMessage());
            System.err.print(usage);
            System.exit(2);
            return null;
        }
    }

    public String text(String name, String otherwise) {
        return values.getOrDefault(name, otherwise);
    }

    public Path path(String name, Path otherwise) {
        String v = values.get(name);
        return v == null ? otherwise : Path.of(v);
    }

    public int integer(String name, int otherwise) {
        return Math.toIntExact(whole(name, otherwise));
    }

    /** A whole number; {@code _} may group digits ({@code 10_000_000}). */
    public long whole(String name, long otherwise) {
        String v = values.get(name);
        try {
            return v == null ? otherwise : Long.parseLong(v.replace("_", ""));
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException(name + ": a whole number, was " + v);
        }
    }

    public double decimal(String name, double otherwise) {
        String v = values.get(name);
        try {
            return v == null ? otherwise : Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": a number, was " + v);
        }
    }

    public boolean flag(String name, boolean otherwise) {
        String v = values.get(name);
        if (v == null) {
            return otherwise;
        }
        if (!v.equals("true") && !v.equals("false")) {
            throw new IllegalArgumentException(name + ": true or false, was " + v);
        }
        return Boolean.parseBoolean(v);
    }
}
