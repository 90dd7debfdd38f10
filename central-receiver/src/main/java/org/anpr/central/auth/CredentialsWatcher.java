package org.anpr.central.auth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gantry credentials file and the CRL file, re-read when their content changes (checked every
 * {@code auth.reloadInterval}), so that adding, rotating or revoking a gantry needs no restart.
 * A file that does not load keeps what was loaded before, logged with the reason; after a change
 * that loaded, the listener re-checks the open connections (and closes the revoked ones).
 */
public final class CredentialsWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CredentialsWatcher.class);

    private final Path credentialsFile;
    private final Path crlFile;
    private final List<X509Certificate> cas;
    private volatile GantryCredentials credentials;
    private volatile Revocations revocations;
    private byte[] credentialsDigest;
    private byte[] crlDigest;
    private volatile Consumer<CredentialsWatcher> onChange = w -> { };
    private ScheduledExecutorService timer;

    /**
     * Loads both files once; a bad one here stops the start (it throws, naming the file).
     *
     * @param crlFile null for none
     * @param cas     the trust store's CAs, which must have signed the CRLs
     */
    public CredentialsWatcher(Path credentialsFile, Path crlFile, List<X509Certificate> cas) throws IOException {
        this.credentialsFile = credentialsFile;
        this.crlFile = crlFile;
        this.cas = List.copyOf(cas);
        credentialsDigest = digest(credentialsFile);
        credentials = GantryCredentials.load(credentialsFile);
        if (crlFile != null) {
            crlDigest = digest(crlFile);
            revocations = Revocations.load(crlFile, cas);
        } else {
            revocations = Revocations.NONE;
        }
    }

    public GantryCredentials credentials() {
        return credentials;
    }

    public Revocations revocations() {
        return revocations;
    }

    /** Told after every change that loaded, on the watcher's thread. */
    public void onChange(Consumer<CredentialsWatcher> listener) {
        onChange = listener;
    }

    /** Starts checking the files every {@code interval}. */
    public synchronized void start(Duration interval) {
        if (timer != null) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "credentials-watch");
            t.setDaemon(true);
            return t;
        });
        long ms = Math.max(1, interval.toMillis());
        timer.scheduleWithFixedDelay(this::reloadIfChanged, ms, ms, TimeUnit.MILLISECONDS);
    }

    /** Re-reads whichever file changed; returns whether anything new was loaded. */
    public synchronized boolean reloadIfChanged() {
        boolean changed = false;
        try {
            byte[] d = digest(credentialsFile);
            if (!Arrays.equals(d, credentialsDigest)) {
                credentialsDigest = d; // a bad version is reported once, not at every check
                GantryCredentials loaded = GantryCredentials.load(credentialsFile);
                credentials = loaded;
                changed = true;
                LOG.info("credentials reloaded from {}: {} gantries", credentialsFile, loaded.size());
            }
        } catch (IOException | RuntimeException e) {
            LOG.error("credentials file {} not reloaded, the previous one stays in force: {}", credentialsFile, e.getMessage());
        }
        if (crlFile != null) {
            try {
                byte[] d = digest(crlFile);
                if (!Arrays.equals(d, crlDigest)) {
                    crlDigest = d;
                    Revocations loaded = Revocations.load(crlFile, cas);
                    revocations = loaded;
                    changed = true;
                    LOG.info("CRL reloaded from {}: {} certificates revoked", crlFile, loaded.size());
                }
            } catch (IOException | RuntimeException e) {
                LOG.error("CRL {} not reloaded, the previous one stays in force: {}", crlFile, e.getMessage());
            }
        }
        if (changed) {
            try {
                onChange.accept(this);
            } catch (RuntimeException e) {
                LOG.error("re-checking connections after a credentials change failed", e);
            }
        }
        return changed;
    }

    /** SHA-256 of the file's bytes; a missing file digests as empty (no credentials). */
    private static byte[] digest(Path file) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            bytes = new byte[0];
        }
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
