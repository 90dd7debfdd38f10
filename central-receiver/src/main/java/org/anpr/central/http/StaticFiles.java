package org.anpr.central.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The operators' console: files under {@code console/} on the classpath, served at {@code /}
 * ({@code /} itself is {@code index.html}). Read once and kept (the console is a few hundred
 * KiB); only known file types, no directory listing, no path outside {@code console/}.
 */
public final class StaticFiles {
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8", "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8",
            "json", "application/json", "svg", "image/svg+xml", "png", "image/png", "wav", "audio/wav", "ico", "image/x-icon",
            "txt", "text/plain; charset=utf-8");

    /** A file ready to send. */
    public record File(String contentType, byte[] body) {
    }

    private final String root;
    private final ConcurrentHashMap<String, Optional<File>> cache = new ConcurrentHashMap<>();

    /** @param root the classpath folder, e.g. {@code console} */
    public StaticFiles(String root) {
        this.root = root;
    }

    /** The file at {@code path} ({@code /}, {@code /app.js}, {@code /vendor/leaflet/dist/leaflet.css}), if there is one. */
    public Optional<File> find(String path) {
        String p = path.equals("/") ? "/index.html" : path;
        if (!p.matches("(/[A-Za-z0-9_.-]+)+") || p.contains("..")) {
            return Optional.empty();
        }
        String ext = p.substring(p.lastIndexOf('.') + 1);
        String type = TYPES.get(ext);
        if (type == null) {
            return Optional.empty();
        }
        // A bounded set: only names that exist are kept, so probing random paths cannot grow the cache.
        Optional<File> known = cache.get(p);
        if (known != null) {
            return known;
        }
        Optional<File> loaded = load(root + p, type);
        loaded.ifPresent(f -> cache.put(p, loaded));
        return loaded;
    }

    private static Optional<File> load(String resource, String type) {
        try (InputStream in = StaticFiles.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(new File(type, in.readAllBytes()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
