package org.anpr.provision.profile;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.anpr.provision.schema.ScalarSpec.Verdict;

/**
 * Checks of text values that a pattern alone would explain badly: stream URLs, broker URIs, host
 * names and device paths. Each returns null when the value is fine.
 */
final class FormatChecks {
    static final String STREAM_PATTERN = "^(rtsp://|https?://|file:|synthetic(:[0-9]+)?$)";
    static final String STREAM_ALLOWED = "rtsp://host[:port]/path, http(s)://host[:port]/path (MJPEG), file:PATH"
            + " (recording or image folder) or synthetic[:SEED]";
    static final String MQTT_PATTERN = "^(tcp|ssl)://[^/:@\\s]+(:[0-9]{1,5})?$";
    static final String MQTT_ALLOWED = "tcp://host[:port] or ssl://host[:port]";
    static final String HOST_PATTERN = "^([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*|[0-9A-Fa-f:]+)$";
    static final String HOST_ALLOWED = "a host name or IP address";
    static final String DEVICE_PATTERN = "^(/dev/[^\\s]+|COM[0-9]+)$";
    static final String DEVICE_ALLOWED = "a serial device such as /dev/ttyACM0 or /dev/serial0";
    private static final Pattern HOST = Pattern.compile(HOST_PATTERN);
    private static final Pattern SEED = Pattern.compile("[0-9]+");

    private FormatChecks() {
    }

    static Verdict stream(String url) {
        if (url.equals("synthetic") || url.startsWith("synthetic:")) {
            String seed = url.substring("synthetic".length());
            return seed.isEmpty() || SEED.matcher(seed.substring(1)).matches() ? null
                    : new Verdict("synthetic seed '" + seed.substring(1) + "' is not a whole number", "synthetic or synthetic:SEED");
        }
        if (url.startsWith("file:")) {
            String path = url.substring(5);
            return path.isBlank() || path.equals("//") ? new Verdict("file: URL without a path", STREAM_ALLOWED) : null;
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return new Verdict("not a valid URL: " + e.getReason() + " at index " + e.getIndex(), STREAM_ALLOWED);
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme == null || !(scheme.equals("rtsp") || scheme.equals("http") || scheme.equals("https"))) {
            return new Verdict(scheme == null ? "no scheme in '" + url + "'" : "unsupported scheme '" + scheme + "'", STREAM_ALLOWED);
        }
        if (uri.getUserInfo() != null && uri.getUserInfo().contains(":")) {
            return new Verdict("the URL contains a password; a profile never holds secrets",
                    "the URL without the password, and credentialsFile: naming a file that holds user:password");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return new Verdict(scheme + " URL without a host", STREAM_ALLOWED);
        }
        return port(uri, STREAM_ALLOWED);
    }

    static Verdict mqtt(String value) {
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            return new Verdict("not a valid URI: " + e.getReason(), MQTT_ALLOWED);
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!"tcp".equals(scheme) && !"ssl".equals(scheme)) {
            return new Verdict(scheme == null ? "no scheme in '" + value + "'" : "unsupported scheme '" + scheme + "'", MQTT_ALLOWED);
        }
        if (uri.getUserInfo() != null) {
            return new Verdict("credentials in the broker URI", "the URI without them; username: and passwordFile: instead");
        }
        if (uri.getHost() == null) {
            return new Verdict(scheme + " URI without a host", MQTT_ALLOWED);
        }
        if (uri.getRawPath() != null && !uri.getRawPath().isEmpty()) {
            return new Verdict("a broker URI has no path, was '" + uri.getRawPath() + "'", MQTT_ALLOWED);
        }
        return port(uri, MQTT_ALLOWED);
    }

    static Verdict host(String value) {
        return HOST.matcher(value).matches() ? null : new Verdict("'" + value + "' is not a host name or IP address", HOST_ALLOWED);
    }

    static Verdict device(String value) {
        return value.matches(DEVICE_PATTERN) ? null : new Verdict("'" + value + "' is not a serial device", DEVICE_ALLOWED);
    }

    private static Verdict port(URI uri, String allowed) {
        return uri.getPort() > 65_535 ? new Verdict("port " + uri.getPort() + " is above 65535", allowed) : null;
    }
}
