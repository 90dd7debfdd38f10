package org.anpr.edge.section;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.security.KeyPair;
import org.anpr.protocol.evidence.ViolationSignature;
import org.anpr.protocol.secrets.SecretFile;
import org.anpr.protocol.topic.GantryId;

/**
 * {@code ./anpr agent signing-key FILE --gantry GANTRY-ID}: a new Ed25519 key for signing this
 * gantry's violations. The private key goes to FILE (PKCS#8 PEM, owner-only from the first byte,
 * never overwritten) for {@code sectionRules.signingKeyFile}; the public key is printed as the line
 * for the centre's {@code sections.signingKeysFile}.
 */
public final class SigningKeyCommand {
    private SigningKeyCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 4 || !args[2].equals("--gantry") || !GantryId.isValid(args[3])) {
            err.println("anpr agent signing-key: usage: signing-key FILE --gantry GANTRY-ID"
                    + (args.length == 4 && !GantryId.isValid(args[3]) ? " (" + GantryId.problemWith(args[3]) + ")" : ""));
            return 2;
        }
        Path file = Path.of(args[1]);
        KeyPair pair = ViolationSignature.generate();
        try {
            SecretFile.write(file, ViolationSignature.privateKeyPem(pair.getPrivate()).getBytes(StandardCharsets.US_ASCII),
                    SecretFile.PRIVATE, false);
        } catch (FileAlreadyExistsException e) {
            err.println("anpr agent signing-key: " + file + " exists; not overwritten (the key in use would be lost)");
            return 2;
        } catch (IOException | UnsupportedOperationException e) {
            err.println("anpr agent signing-key: cannot write " + file + ": " + e.getMessage());
            return 1;
        }
        out.println(args[3] + ":" + ViolationSignature.publicKeyText(pair.getPublic()));
        return 0;
    }
}
