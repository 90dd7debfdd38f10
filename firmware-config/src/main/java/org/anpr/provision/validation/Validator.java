package org.anpr.provision.validation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.anpr.provision.diagnostics.Problems;
import org.anpr.provision.diagnostics.ValidationError;

/**
 * Validates profiles named on the command line. A file is checked on its own; a folder is a
 * network: every {@code *.yaml} / {@code *.yml} directly in it is a gantry profile, except the
 * files some profile {@code extends} (those are defaults), and {@link NetworkChecks} run across
 * its profiles.
 */
public final class Validator {
    private Validator() {
    }

    /**
     * @throws IllegalArgumentException a path does not exist, or a folder holds no YAML file (a usage
     *     error, not a profile problem)
     */
    public static ValidationResult validate(List<Path> paths) {
        Problems problems = new Problems();
        List<LoadedProfile> profiles = new ArrayList<>();
        int networks = 0;
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                List<LoadedProfile> network = network(path, problems);
                NetworkChecks.check(network, problems);
                profiles.addAll(network);
                networks++;
            } else if (Files.isRegularFile(path)) {
                LoadedProfile p = ProfileLoader.load(path);
                problems.addAll(p.problems());
                profiles.add(p);
            } else {
                throw new IllegalArgumentException("no such file or folder: " + path);
            }
        }
        return new ValidationResult(profiles, networks, problems.sorted());
    }

    private static List<LoadedProfile> network(Path folder, Problems problems) {
        List<Path> files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().matches("[^.].*\\.ya?ml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot list folder " + folder + ": " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no profiles (*.yaml) in folder " + folder);
        }
        List<LoadedProfile> loaded = files.stream().map(ProfileLoader::load).toList();
        Set<Path> defaults = new HashSet<>();
        loaded.forEach(p -> p.defaults().forEach(d -> defaults.add(d.toAbsolutePath().normalize())));
        List<LoadedProfile> out = new ArrayList<>();
        for (LoadedProfile p : loaded) {
            if (defaults.contains(p.file().toAbsolutePath().normalize())) {
                // a defaults file: its own problems reach us through the profiles that extend it; only a
                // broken extends chain of its own (e.g. a cycle) is reported here
                for (ValidationError e : p.problems().sorted()) {
                    if (e.field().equals("extends") && e.file().equals(p.file())) {
                        problems.add(e);
                    }
                }
            } else {
                problems.addAll(p.problems());
                out.add(p);
            }
        }
        return out;
    }
}
