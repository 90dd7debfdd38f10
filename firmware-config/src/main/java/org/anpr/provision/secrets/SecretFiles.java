package org.anpr.provision.secrets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.anpr.provision.validation.LoadedProfile;

/**
 * The secret files a profile references ({@code pskFile}, {@code passwordFile}, …): where they
 * are, reading them, and writing new ones. A relative reference is resolved against the folder
 * of the file — profile or defaults — in which it is written, so a shared defaults file can name
 * {@code secrets/ca.pass} next to itself. New ones are written with {@link
 * org.anpr.protocol.secrets.SecretFile}.
 */
public final class SecretFiles {
    private static final Pattern HEX_KEY = Pattern.compile("(?:[0-9a-fA-F]{2}){16,}");

    private SecretFiles() {
    }

    /** The file {@code reference} (the value of {@code field}) names, on this machine. */
    public static Path resolve(LoadedProfile loaded, String field, String reference) {
        Path ref = Path.of(reference);
        if (ref.isAbsolute()) {
            return ref;
        }
        Path base = loaded.at(field).file().toAbsolutePath().getParent();
        return base == null ? ref : base.resolve(ref).normalize();
    }

    /** The secret's text, stripped. */
    public static String readText(LoadedProfile loaded, String field, String reference) throws SecretException {
        Path file = resolve(loaded, field, reference);
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (text.isEmpty()) {
                throw new SecretException(file + ": secret file is empty (referenced by " + field + ")");
            }
            return text;
        } catch (IOException e) {
            throw new SecretException(file + ": cannot read the secret referenced by " + field + " (" + e + ")");
        }
    }

    public static byte[] readBytes(LoadedProfile loaded, String field, String reference) throws SecretException {
        Path file = resolve(loaded, field, reference);
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new SecretException(file + ": cannot read the secret referenced by " + field + " (" + e + ")");
        }
    }

    /**
     * A pre-shared key file's key: a file holding 32 or more hex digits (what {@code provision keys}
     * writes) is that key; any other content is taken as the key's bytes.
     */
    public static byte[] psk(LoadedProfile loaded, String field, String reference) throws SecretException {
        String text = readText(loaded, field, reference);
        return HEX_KEY.matcher(text).matches() ? HexFormat.of().parseHex(text) : readBytes(loaded, field, reference);
    }
}
