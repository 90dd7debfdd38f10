package org.anpr.provision;

import java.net.URISyntaxException;
import java.nio.file.Path;

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
}
