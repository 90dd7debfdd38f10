package org.anpr.provision.commission;

import java.util.Objects;

/**
 * One commissioning check and its outcome.
 *
 * @param name   stable key for scripts ({@code identity}, {@code configuration}, {@code health}, {@code clock},
 *               {@code capture}, {@code gpio})
 * @param title  what was checked, for people
 * @param detail what was found: the figures, or why it failed or was skipped
 */
public record Check(String name, String title, Outcome outcome, String detail) {
    /** SKIPPED: not applicable to this gantry (no GPIO), or not reachable after an earlier failure. */
    public enum Outcome { PASS, FAIL, SKIPPED }

    public Check {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(detail, "detail");
    }

    static Check pass(String name, String title, String detail) {
        return new Check(name, title, Outcome.PASS, detail);
    }

    static Check fail(String name, String title, String detail) {
        return new Check(name, title, Outcome.FAIL, detail);
    }

    static Check of(boolean passed, String name, String title, String detail) {
        return new Check(name, title, passed ? Outcome.PASS : Outcome.FAIL, detail);
    }
}
