package org.anpr.provision.validation;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.anpr.provision.diagnostics.Problems;
import org.anpr.provision.diagnostics.Source;
import org.anpr.provision.profile.GantryProfile;
import org.anpr.provision.profile.ProfileFormat;
import org.anpr.provision.profile.ProfileMapper;
import org.anpr.provision.schema.SpecChecker;
import org.anpr.provision.yaml.YamlMap;
import org.anpr.provision.yaml.YamlMerge;
import org.anpr.provision.yaml.YamlNode;
import org.anpr.provision.yaml.YamlReader;
import org.anpr.provision.yaml.YamlScalar;

/**
 * Loads one profile: parses it, follows its {@code extends:} chain (a path relative to the file
 * that names it; chains allowed, cycles and more than {@value #MAX_DEPTH} levels refused), merges
 * the defaults in ({@link YamlMerge}), checks the result against {@link ProfileFormat}, maps it to
 * a {@link GantryProfile} and runs {@link ProfileChecks}. Never throws for a bad profile: every
 * problem lands in the result.
 */
public final class ProfileLoader {
    public static final int MAX_DEPTH = 8;

    private final Problems problems = new Problems();
    private final List<Path> defaults = new ArrayList<>();
    private boolean chainBroken;

    private ProfileLoader() {
    }

    public static LoadedProfile load(Path file) {
        return new ProfileLoader().run(file);
    }

    private LoadedProfile run(Path file) {
        YamlMap tree = read(file, null, new ArrayList<>());
        if (tree == null) {
            return new LoadedProfile(file, defaults, null, null, problems);
        }
        if (chainBroken) {
            SpecChecker.checkPresent(ProfileFormat.ROOT, tree, problems);
        } else {
            SpecChecker.check(ProfileFormat.ROOT, tree, "", problems);
        }
        LoadedProfile loaded = new LoadedProfile(file, defaults, tree, ProfileMapper.map(tree), problems);
        ProfileChecks.check(loaded, problems);
        return loaded;
    }

    /** The file merged over its defaults, or null when it cannot be used at all. */
    private YamlMap read(Path file, Source referencedAt, List<Path> seen) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            Source at = referencedAt != null ? referencedAt : Source.startOf(file);
            problems.at(at, referencedAt != null ? "extends" : "", "cannot read " + (referencedAt != null ? "defaults file '" + file + "'" : "the file")
                    + ": " + reason(e), null);
            return null;
        }
        YamlNode root = YamlReader.parse(file, text, problems);
        if (root == null) {
            if (text.isBlank()) {
                problems.at(Source.startOf(file), "", "the file is empty", "a YAML mapping of profile keys");
            }
            return null;
        }
        if (!(root instanceof YamlMap own)) {
            problems.at(root.source(), "", "a profile must be a mapping of keys, not " + root.describe(), "a YAML mapping of profile keys");
            return null;
        }
        seen.add(file.toAbsolutePath().normalize());
        YamlNode ext = own.given("extends");
        if (!(ext instanceof YamlScalar s) || s.type() != YamlScalar.Type.TEXT || s.text().isBlank()) {
            return own; // absent, or a wrong type the format check reports
        }
        Path base = (file.getParent() == null ? Path.of(s.text()) : file.getParent().resolve(s.text())).normalize();
        if (seen.contains(base.toAbsolutePath().normalize())) {
            problems.at(s.source(), "extends", "'" + s.text() + "' makes a cycle: " + cycle(seen, base), "a defaults file that does not extend back");
            chainBroken = true;
            return own;
        }
        if (seen.size() > MAX_DEPTH) {
            problems.at(s.source(), "extends", "more than " + MAX_DEPTH + " levels of defaults", "at most " + MAX_DEPTH);
            chainBroken = true;
            return own;
        }
        defaults.add(base);
        if (!Files.isRegularFile(base)) {
            problems.at(s.source(), "extends", "defaults file '" + s.text() + "' does not exist", "a file relative to this one's folder, here "
                    + base);
            chainBroken = true;
            return own;
        }
        YamlMap inherited = read(base, s.source(), seen);
        if (inherited == null) {
            chainBroken = true;
            return own;
        }
        return YamlMerge.merge(inherited, own);
    }

    private static String cycle(List<Path> seen, Path back) {
        StringBuilder b = new StringBuilder();
        for (Path p : seen) {
            b.append(p.getFileName()).append(" -> ");
        }
        return b.append(back.getFileName()).toString();
    }

    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof MalformedInputException) {
            return "not UTF-8 text";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
