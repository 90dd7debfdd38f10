package org.anpr.ocr.synth;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Plate-like fonts found on the machine. Debian packages: fonts-opendin (DIN 1451 look),
 * fonts-liberation, fonts-dejavu-core/-extra, fonts-freefont-ttf, fonts-roboto-unhinted,
 * fonts-open-sans. Missing files are skipped; with none present the JDK's logical
 * {@code SansSerif} bold font is used, so rendering never fails.
 */
public final class PlateFonts {

    private static final List<String> CANDIDATES = List.of(
            "/usr/share/fonts/truetype/opendin/OSP-DIN.ttf",
            "/usr/share/fonts/truetype/dejavu/DejaVuSansCondensed-Bold.ttf",
            "/usr/share/fonts/truetype/liberation/LiberationSansNarrow-Bold.ttf",
            "/usr/share/fonts/truetype/liberation/LiberationSansNarrow-Regular.ttf",
            "/usr/share/fonts/truetype/liberation2/LiberationSansNarrow-Bold.ttf",
            "/usr/share/fonts/truetype/freefont/FreeSansBold.ttf",
            "/usr/share/fonts/truetype/roboto/unhinted/RobotoCondensed-Bold.ttf",
            "/usr/share/fonts/truetype/roboto/unhinted/RobotoCondensed-Regular.ttf",
            "/usr/share/fonts/truetype/open-sans/OpenSans-CondBold.ttf",
            "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
            "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf");

    private static final List<Font> FONTS = load();

    private PlateFonts() {
    }

    /** The fonts available here; never empty. */
    public static List<Font> available() {
        return FONTS;
    }

    /**
     * The candidate font files not installed here (their Debian packages are listed in
     * {@code tools/system-packages.txt}); a training set rendered without them teaches one face only.
     */
    public static List<String> missing() {
        return CANDIDATES.stream().filter(c -> !Files.isReadable(Path.of(c))).toList();
    }

    /** A random available font; the DIN-like first font is drawn more often since most EU plates use it. */
    public static Font pick(Random rnd) {
        return rnd.nextInt(4) == 0 ? FONTS.get(0) : FONTS.get(rnd.nextInt(FONTS.size()));
    }

    private static List<Font> load() {
        List<Font> fonts = new ArrayList<>();
        for (String c : CANDIDATES) {
            Path p = Path.of(c);
            if (!Files.isReadable(p)) {
                continue;
            }
            try {
                Font f = Font.createFont(Font.TRUETYPE_FONT, p.toFile());
                // liberation and liberation2 may both be installed: keep one copy of a face
                if (fonts.stream().noneMatch(g -> g.getFontName().equals(f.getFontName()))) {
                    fonts.add(f);
                }
            } catch (FontFormatException | IOException e) {
                // a damaged font file is no reason to stop: the next candidate or the fallback serves
            }
        }
        if (fonts.isEmpty()) {
            fonts.add(new Font(Font.SANS_SERIF, Font.BOLD, 1));
        }
        return List.copyOf(fonts);
    }
}
