package org.anpr.provision.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.anpr.provision.TestFiles;
import org.anpr.provision.diagnostics.ValidationError;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The corpus of broken profiles: every {@code src/test/resources/broken/*.yaml} (one problem each)
 * and every {@code broken/network-*} folder (a network problem) must produce exactly the errors
 * its files announce in a header line {@code # expect: LINE:COLUMN field: problem}, nothing more.
 */
class BrokenProfilesTest {
    private static final Pattern EXPECT = Pattern.compile("^# expect: (\\d+):(\\d+) (?:(\\S+): )?(.*)$");

    @TestFactory
    Stream<DynamicTest> everyBrokenProfileGivesItsError() throws IOException {
        Path root = TestFiles.broken();
        List<Path> cases;
        try (Stream<Path> s = Files.list(root)) {
            cases = s.filter(p -> !p.getFileName().toString().equals("defaults.yaml")).sorted().toList();
        }
        assertFalse(cases.size() < 40, "the corpus shrank: " + cases.size());
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> check(c)));
    }

    private static void check(Path testCase) throws IOException {
        List<String> expected = new ArrayList<>();
        List<Path> files;
        if (Files.isDirectory(testCase)) {
            try (Stream<Path> s = Files.list(testCase)) {
                files = s.sorted().toList();
            }
        } else {
            files = List.of(testCase);
        }
        for (Path f : files) {
            for (String line : Files.readAllLines(f)) {
                Matcher m = EXPECT.matcher(line);
                if (m.matches()) {
                    expected.add(f.getFileName() + ":" + m.group(1) + ":" + m.group(2) + ": "
                            + (m.group(3) == null ? "" : m.group(3) + ": ") + m.group(4));
                }
            }
        }
        assertFalse(expected.isEmpty(), testCase + " announces no '# expect: LINE:COLUMN field: problem'");
        List<String> actual = new ArrayList<>();
        for (ValidationError e : Validator.validate(List.of(testCase)).errors()) {
            actual.add(e.file().getFileName() + ":" + e.line() + ":" + e.column() + ": "
                    + (e.field().isEmpty() ? "" : e.field() + ": ") + e.problem());
        }
        assertEquals(expected.stream().sorted().toList(), actual.stream().sorted().toList(), testCase.getFileName().toString());
    }
}
