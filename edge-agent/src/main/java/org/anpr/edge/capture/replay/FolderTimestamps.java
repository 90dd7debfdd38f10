package org.anpr.edge.capture.replay;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.anpr.edge.capture.CaptureTime;

/**
 * Capture times of the images of a folder, in this order of precedence:
 * <ol>
 *   <li>a sidecar CSV {@code frames.csv} in the folder: lines {@code file,time}, time as ISO-8601
 *       UTC ({@code 2026-11-22T08:15:30.123456Z}) or integer UTC microseconds; {@code #} comments and a
 *       header line starting with {@code file} are ignored;</li>
 *   <li>a timestamp in the file name: {@code ..._20261122T081530123Z.jpg} (basic ISO-8601, UTC,
 *       milliseconds; {@code 20261122T081530Z} and microseconds {@code 20261122T081530123456Z} too);</li>
 *   <li>otherwise file order at a fixed frame rate from a start time.</li>
 * </ol>
 */
public final class FolderTimestamps {
    /** Name of the optional sidecar file. */
    public static final String SIDECAR = "frames.csv";

    private static final Pattern IN_NAME = Pattern.compile("(\\d{8}T\\d{6})(\\d{3}|\\d{6})?Z");
    private static final DateTimeFormatter BASIC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

    private final Map<String, Long> sidecar;

    private FolderTimestamps(Map<String, Long> sidecar) {
        this.sidecar = sidecar;
    }

    /**
     * Reads the sidecar of {@code folder} if there is one.
     *
     * @throws IOException when the sidecar exists but a line is malformed (the message names the line)
     */
    public static FolderTimestamps load(Path folder) throws IOException {
        Path csv = folder.resolve(SIDECAR);
        Map<String, Long> times = new HashMap<>();
        if (Files.isRegularFile(csv)) {
            List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.isEmpty() || line.startsWith("#") || (i == 0 && line.toLowerCase().startsWith("file"))) {
                    continue;
                }
                String[] parts = line.split(",");
                if (parts.length < 2) {
                    throw new IOException(csv + " line " + (i + 1) + ": expected 'file,time'");
                }
                times.put(parts[0].strip(), parseTime(parts[1].strip(), csv, i + 1));
            }
        }
        return new FolderTimestamps(times);
    }

    /** The recorded time of {@code fileName}, UTC micros, if the sidecar or the name gives one. */
    public Optional<Long> of(String fileName) {
        Long t = sidecar.get(fileName);
        return t != null ? Optional.of(t) : fromName(fileName);
    }

    /** The timestamp in a file name such as {@code cam1_20261122T081530123Z.jpg}. */
    public static Optional<Long> fromName(String fileName) {
        Matcher m = IN_NAME.matcher(fileName);
        Long found = null;
        while (m.find()) { // the last match wins: prefixes may contain digits
            try {
                Instant base = LocalDateTime.parse(m.group(1), BASIC).toInstant(ZoneOffset.UTC);
                String frac = m.group(2);
                long micros = frac == null ? 0 : frac.length() == 3 ? Long.parseLong(frac) * 1000 : Long.parseLong(frac);
                found = CaptureTime.micros(base) + micros;
            } catch (DateTimeParseException e) {
                // digits that only look like a timestamp
            }
        }
        return Optional.ofNullable(found);
    }

    private static long parseTime(String s, Path csv, int line) throws IOException {
        try {
            return s.chars().allMatch(Character::isDigit) ? Long.parseLong(s) : CaptureTime.micros(Instant.parse(s));
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IOException(csv + " line " + line + ": time '" + s + "' is neither ISO-8601 UTC nor microseconds");
        }
    }
}
