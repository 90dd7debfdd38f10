package org.anpr.provision.cli;

import java.io.PrintWriter;
import org.anpr.provision.diagnostics.ValidationError;
import org.anpr.provision.validation.LoadedProfile;
import org.anpr.provision.validation.ValidationResult;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Help.Ansi.IStyle;
import picocli.CommandLine.Help.Ansi.Style;

/**
 * The human-readable result: one compiler-style line per problem
 * ({@code examples/e40-km20.yaml:14:7: cameras[1].id: duplicate camera id 'cam-1' (first at line 9)}),
 * then a summary. Coloured with picocli's ANSI styles when enabled (a terminal), plain otherwise.
 */
final class TextReport {
    private final PrintWriter out;
    private final boolean colour;

    TextReport(PrintWriter out, Ansi ansi) {
        this.out = out;
        this.colour = ansi.enabled();
    }

    void print(ValidationResult r) {
        for (ValidationError e : r.errors()) {
            out.println(style(e.file() + ":" + e.line() + ":" + e.column() + ":", Style.bold) + " "
                    + (e.field().isEmpty() ? "" : style(e.field() + ":", Style.fg_cyan) + " ")
                    + style(e.problem(), Style.fg_red)
                    + (e.allowed() == null ? "" : " (allowed: " + e.allowed() + ")"));
        }
        String networks = r.networks() == 0 ? "" : ", " + r.networks() + (r.networks() == 1 ? " network" : " networks") + " checked";
        int n = r.profiles().size();
        String profiles = n + (n == 1 ? " profile" : " profiles");
        if (r.valid()) {
            out.println(style(profiles + " valid", Style.fg_green, Style.bold) + ": " + ids(r) + (networks.isEmpty() ? "" : " (" + networks.substring(2) + ")"));
        } else {
            int e = r.errors().size();
            out.println(style(e + (e == 1 ? " error" : " errors"), Style.fg_red, Style.bold) + " in " + profiles + networks);
        }
    }

    private static String ids(ValidationResult r) {
        return String.join(", ", r.profiles().stream().map(LoadedProfile::profile)
                .map(p -> p == null || p.id() == null ? "?" : p.id()).toList());
    }

    private String style(String text, IStyle... styles) {
        if (!colour) {
            return text;
        }
        return Style.on(styles) + text + Style.reset.on();
    }
}
