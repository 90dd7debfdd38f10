package org.anpr.provision.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import org.anpr.device.coap.dtls.PskCredential;
import org.anpr.provision.ProvisionMain;
import org.anpr.provision.TestFiles;
import org.anpr.provision.secrets.SecretFiles;
import org.anpr.provision.validation.LoadedProfile;
import org.anpr.provision.validation.ProfileLoader;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code provision keys}: where the key goes, its permissions, that it is a usable key, and never printed. */
class KeysCommandTest {
    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ProvisionMain.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void aPskIsWrittenWhereTheProfileSaysReadableByTheOwnerOnly() throws Exception {
        Path examples = TestFiles.examplesWithSecrets(dir);
        Path psk = examples.resolve("secrets/E40-E-km16.2.psk");
        Files.delete(psk);
        Run r = run("keys", examples.resolve("e40-km16.2.yaml").toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(psk)));
        String hex = Files.readString(psk).strip();
        assertTrue(hex.matches("[0-9a-f]{64}"), "64 hex digits: " + hex.length());
        assertFalse(r.out().contains(hex) || r.err().contains(hex), "the key is never printed");
        assertTrue(r.out().contains(psk.toString()), r.out());

        // what push and render read from it is the same 32-byte key, and a DTLS credential accepts it
        LoadedProfile loaded = ProfileLoader.load(examples.resolve("e40-km16.2.yaml"));
        byte[] key = SecretFiles.psk(loaded, "management.pskFile", "secrets/E40-E-km16.2.psk");
        assertEquals(32, key.length);
        assertArrayEquals(key, new PskCredential("E40-E-km16.2", key).key());

        // a second run leaves the key alone unless --force, which makes a different one
        Run again = run("keys", examples.resolve("e40-km16.2.yaml").toString());
        assertEquals(10, again.code());
        assertTrue(again.err().contains(psk + " exists; nothing written (--force replaces it)"), again.err());
        assertEquals(hex, Files.readString(psk).strip());
        Run forced = run("keys", examples.resolve("e40-km16.2.yaml").toString(), "--force", "--json");
        assertEquals(0, forced.code());
        assertEquals("{\"gantryId\":\"E40-E-km16.2\",\"type\":\"psk\",\"files\":[{\"path\":\"" + psk + "\",\"mode\":\"600\"}]}",
                forced.out().replaceAll("\\s+", ""));
        assertNotEquals(hex, Files.readString(psk).strip());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(psk)));
        try (var left = Files.list(psk.getParent())) {
            assertTrue(left.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")), "no temporary file left");
        }
    }

    @Test
    void aKeyPairAndItsSigningRequest() throws Exception {
        Path examples = TestFiles.examplesWithSecrets(dir);
        Path profile = examples.resolve("e40-km16.2.yaml");
        Files.writeString(profile, Files.readString(profile).replace("  pskFile: secrets/E40-E-km16.2.psk",
                "  pskFile: secrets/E40-E-km16.2.psk\n  keyFile: secrets/E40-E-km16.2.key.pem\n  csrFile: csr/E40-E-km16.2.csr.pem"));
        Run r = run("keys", profile.toString(), "--type", "certificate", "--ou", "ANPR gantries");
        assertEquals(0, r.code(), r.err());
        Path key = examples.resolve("secrets/E40-E-km16.2.key.pem");
        Path csr = examples.resolve("csr/E40-E-km16.2.csr.pem");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(csr)));

        String pem = Files.readString(key);
        assertTrue(pem.startsWith("-----BEGIN PRIVATE KEY-----\n"), pem);
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        ECPrivateKey privateKey = (ECPrivateKey) KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der));
        assertEquals(256, privateKey.getParams().getCurve().getField().getFieldSize());

        PKCS10CertificationRequest request;
        try (PEMParser parser = new PEMParser(new StringReader(Files.readString(csr)))) {
            request = (PKCS10CertificationRequest) parser.readObject();
        }
        java.security.interfaces.ECPublicKey publicKey = (java.security.interfaces.ECPublicKey) KeyFactory.getInstance("EC")
                .generatePublic(new java.security.spec.X509EncodedKeySpec(request.getSubjectPublicKeyInfo().getEncoded()));
        assertTrue(request.isSignatureValid(new JcaContentVerifierProviderBuilder().build(publicKey)), "signed with its own key");
        assertEquals(privateKey.getParams().getCurve(), publicKey.getParams().getCurve());
        assertEquals("E40-E-km16.2", request.getSubject().getRDNs(BCStyle.CN)[0].getFirst().getValue().toString());
        assertEquals("ANPR gantries", request.getSubject().getRDNs(BCStyle.OU)[0].getFirst().getValue().toString());
        assertFalse(r.out().contains(pem.lines().skip(1).findFirst().orElseThrow()), "the private key is never printed");

        assertEquals(10, run("keys", profile.toString(), "--type", "certificate").code(), "kept without --force");
        assertEquals(pem, Files.readString(key));
    }

    @Test
    void aProfileWithoutAPlaceForTheKeyIsRefused() throws Exception {
        Path examples = TestFiles.examplesWithSecrets(dir);
        Run r = run("keys", examples.resolve("e40-km16.2.yaml").toString(), "--type", "certificate");
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("anpr provision keys: " + examples.resolve("e40-km16.2.yaml")
                + ": management.keyFile is not set"), r.err());
        Run invalid = run("keys", TestFiles.broken().resolve("duplicate-camera-id.yaml").toString());
        assertEquals(1, invalid.code());
        assertTrue(invalid.err().contains("duplicate camera id"), invalid.err());
    }
}
