package org.anpr.provision.cli;

import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Option;

/** {@code --json} and {@code --color}, the same on every command that reports. */
final class OutputOptions {
    /** When to colour the output. */
    enum Color { auto, always, never }

    @Option(names = "--json", description = "Print the result as one JSON document (for scripts).")
    boolean json;

    @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto",
            description = "Colour the output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}: when writing to a terminal).")
    Color color;

    Ansi ansi() {
        return switch (color) {
            case always -> Ansi.ON;
            case never -> Ansi.OFF;
            case auto -> Ansi.AUTO;
        };
    }
}
