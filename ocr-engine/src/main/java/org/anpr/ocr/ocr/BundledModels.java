package org.anpr.ocr.ocr;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Tesseract models shipped inside the jar under {@code org/anpr/ocr/model/<name>.traineddata}.
 * Tesseract only reads models from a folder, so a bundled model is copied once to a folder under
 * the temp directory (keyed by its size, so a newer jar's model gets its own copy).
 */
public final class BundledModels {
    static final String PREFIX = "org/anpr/ocr/model/";

    private BundledModels() {
    }

    /** True when the jar (classpath) carries {@code <name>.traineddata}. */
    public static boolean present(String name) {
        return BundledModels.class.getClassLoader().getResource(PREFIX + name + ".traineddata") != null;
    }

    /** The folder to hand Tesseract as datapath for the bundled model {@code name}, if bundled. */
    public static synchronized Optional<Path> tessdata(String name) {
        String resource = PREFIX + name + ".traineddata";
        try (InputStream in = BundledModels.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            byte[] model = in.readAllBytes();
            Path dir = Path.of(System.getProperty("java.io.tmpdir"), "anpr-tessdata-" + name + "-" + model.length);
            Path file = dir.resolve(name + ".traineddata");
            if (!Files.isRegularFile(file) || Files.size(file) != model.length) {
                Files.createDirectories(dir);
                Path tmp = Files.createTempFile(dir, name, ".part");
                Files.write(tmp, model);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            return Optional.of(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack bundled model " + resource, e);
        }
    }
}
