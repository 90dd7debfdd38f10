package org.anpr.central.config;

import java.time.Duration;
import java.util.List;

/**
 * The speed sections the centre routes passages for. Only a passage that a section's configured
 * entry gantry publishes, naming that section's configured exit, is routed; a violation is accepted
 * only from its section's exit, with an entry read from its section's entry. With no sections
 * configured (the default) no passage is routed and no violation accepted: each is quarantined.
 *
 * @param routes         the sections (default none)
 * @param maxHeldPerExit passages held for one exit gantry while it is away (default 200,000, some
 *                       two days of a busy motorway lane); more are quarantined and counted
 * @param maxHold        the longest a passage is held, whatever expiry its entry gantry gave it
 *                       (default 48 h)
 * @param signingKeysFile file of {@code gantry-id:public-key} lines (the Base64 Ed25519 keys that
 *                       {@code ./anpr agent signing-key} prints; default none): a violation of a gantry
 *                       listed there must carry a valid signature of a digest that verifies, or it is
 *                       quarantined
 * @param requireSignatures refuse violations of gantries without a key too (default false, so that
 *                       gantries can be given keys one by one; set it once every exit gantry has one)
 */
public record SectionsConfig(List<Route> routes, int maxHeldPerExit, Duration maxHold, java.nio.file.Path signingKeysFile,
                             boolean requireSignatures) {
    public static final SectionsConfig DEFAULTS = new SectionsConfig(List.of(), 200_000, Duration.ofHours(48), null, false);

    public SectionsConfig {
        routes = List.copyOf(routes);
    }

    public SectionsConfig withSigning(java.nio.file.Path keys, boolean require) {
        return new SectionsConfig(routes, maxHeldPerExit, maxHold, keys, require);
    }

    /** One section: passages go from {@code entry} to {@code exit}. */
    public record Route(String id, String entry, String exit) {
    }

    public SectionsConfig withRoutes(List<Route> r) {
        return new SectionsConfig(r, maxHeldPerExit, maxHold, signingKeysFile, requireSignatures);
    }

    public SectionsConfig withMaxHeldPerExit(int n) {
        return new SectionsConfig(routes, n, maxHold, signingKeysFile, requireSignatures);
    }
}
