package org.anpr.central.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A throw-away PKI made at test time with the JDK's own {@code keytool}: a CA, a server
 * certificate for localhost/127.0.0.1 and gantry client certificates (CN = gantry id).
 */
public final class TestPki {
    public static final String PASSWORD = "changeit";

    private final Path dir;
    private final String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();

    public TestPki(Path dir, String... clientCns) throws IOException, InterruptedException {
        this.dir = dir;
        keytool("-genkeypair", "-keystore", "ca.p12", "-alias", "ca", "-dname", "CN=ANPR Test CA", "-keyalg", "EC",
                "-groupname", "secp256r1", "-ext", "bc:c", "-validity", "2");
        keytool("-exportcert", "-keystore", "ca.p12", "-alias", "ca", "-rfc", "-file", "ca.pem");
        keytool("-importcert", "-keystore", "trust.p12", "-alias", "ca", "-file", "ca.pem", "-noprompt");
        // Each keytool run is a JVM start: the leaves are made side by side.
        List<CompletableFuture<Void>> leaves = new ArrayList<>();
        leaves.add(async(() -> leaf("server", "localhost", "san=dns:localhost,ip:127.0.0.1", "eku=serverAuth")));
        for (String cn : clientCns) {
            leaves.add(async(() -> leaf("client-" + cn, cn, null, "eku=clientAuth")));
        }
        try {
            CompletableFuture.allOf(leaves.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw new IOException(e.getCause());
        }
    }

    private interface Step {
        void run() throws IOException, InterruptedException;
    }

    private static CompletableFuture<Void> async(Step step) {
        return CompletableFuture.runAsync(() -> {
            try {
                step.run();
            } catch (IOException | InterruptedException e) {
                throw new CompletionException(e);
            }
        });
    }

    private void leaf(String name, String cn, String san, String eku) throws IOException, InterruptedException {
        keytool("-genkeypair", "-keystore", name + ".p12", "-alias", "leaf", "-dname", "CN=" + cn, "-keyalg", "EC",
                "-groupname", "secp256r1", "-validity", "2");
        keytool("-certreq", "-keystore", name + ".p12", "-alias", "leaf", "-file", name + ".csr");
        List<String> sign = new ArrayList<>(List.of("-gencert", "-keystore", "ca.p12", "-alias", "ca", "-infile", name + ".csr",
                "-outfile", name + ".pem", "-rfc", "-validity", "2", "-ext", eku));
        if (san != null) {
            sign.addAll(List.of("-ext", san));
        }
        keytool(sign.toArray(String[]::new));
        keytool("-importcert", "-keystore", name + ".p12", "-alias", "ca", "-file", "ca.pem", "-noprompt");
        keytool("-importcert", "-keystore", name + ".p12", "-alias", "leaf", "-file", name + ".pem");
    }

    private void keytool(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(keytool));
        cmd.addAll(List.of(args));
        cmd.addAll(List.of("-storepass", PASSWORD, "-storetype", "PKCS12"));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("keytool " + String.join(" ", args) + " failed: " + out);
        }
    }

    /** A CRL signed by the test CA revoking the certificates of {@code revokedCns} (none: an empty CRL), written to {@code file}. */
    public void writeCrl(Path file, String... revokedCns) throws IOException, InterruptedException, GeneralSecurityException {
        List<String> args = new ArrayList<>(List.of("-gencrl", "-keystore", "ca.p12", "-alias", "ca", "-rfc", "-file",
                file.toAbsolutePath().toString()));
        java.security.cert.CertificateFactory cf = java.security.cert.CertificateFactory.getInstance("X.509");
        for (String cn : revokedCns) {
            try (InputStream in = Files.newInputStream(dir.resolve("client-" + cn + ".pem"))) {
                args.addAll(List.of("-id", ((java.security.cert.X509Certificate) cf.generateCertificate(in)).getSerialNumber().toString()));
            }
        }
        Files.deleteIfExists(file); // keytool will not overwrite
        keytool(args.toArray(String[]::new));
    }

    public Path serverKeyStore() {
        return dir.resolve("server.p12");
    }

    public Path trustStore() {
        return dir.resolve("trust.p12");
    }

    public Path caPem() {
        return dir.resolve("ca.pem");
    }

    /** A client context trusting the test CA, presenting {@code clientCn}'s certificate (or none when null). */
    public SSLContext clientContext(String clientCn) throws IOException, GeneralSecurityException {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(load(trustStore()));
        KeyManagerFactory kmf = null;
        if (clientCn != null) {
            kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(load(dir.resolve("client-" + clientCn + ".p12")), PASSWORD.toCharArray());
        }
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return ctx;
    }

    private static KeyStore load(Path file) throws IOException, GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            ks.load(in, PASSWORD.toCharArray());
        }
        return ks;
    }
}
