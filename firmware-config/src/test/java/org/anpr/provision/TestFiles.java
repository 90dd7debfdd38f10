package org.anpr.provision;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Where the test corpus and the examples are. */
public final class TestFiles {
    private TestFiles() {
    }

    /** {@code src/test/resources/broken} (as copied to target/test-classes). */
    public static Path broken() {
        try {
            return Path.of(TestFiles.class.getResource("/broken/defaults.yaml").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The module's {@code examples} folder (tests run in the module folder). */
    public static Path examples() {
        return Path.of("examples");
    }

    /** The examples copied with made-up secret files, so --with-secrets has something to read. */
    public static Path examplesWithSecrets(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(TestFiles.examples())) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        Path secrets = Files.createDirectories(dir.resolve("secrets"));
        for (String g : List.of("E40-E-km16.2", "E40-E-km20.2", "LEU-N2-in")) {
            Files.writeString(secrets.resolve(g + "-cameras"), "viewer:p@ss word\n");
            Files.writeString(secrets.resolve(g + "-mqtt.pass"), "mqtt-" + g + "\n");
            Files.writeString(secrets.resolve(g + ".psk"), "00112233445566778899aabbccddeeff\n");
        }
        Files.writeString(secrets.resolve("anpr-centre-ca.pass"), "ca-pass\n");
        Files.write(secrets.resolve("anpr-centre-ca.p12"), new byte[] {1, 2, 3});
        return dir;
    }

}
