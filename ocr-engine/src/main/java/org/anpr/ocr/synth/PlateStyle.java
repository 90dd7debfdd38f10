package org.anpr.ocr.synth;

import java.awt.Color;
import java.util.Random;

/**
 * How a country's plate looks: colours, proportions and the side strips.
 *
 * @param background plate colour
 * @param ink        character colour
 * @param bandCode   EU band country letters (left blue strip with stars), or null when there is none
 * @param rightStrip a blue strip at the right with small digits (FR department, IT province/year)
 * @param topStrip   a blue strip along the top (Mercosur)
 * @param caption    small text above or below the characters (US state name), or null
 * @param aspect     width / height of the plate
 * @param emblem     the first separator is a seal or coat of arms (DE registration seals, SK/AT/HR arms)
 */
public record PlateStyle(Color background, Color ink, String bandCode, boolean rightStrip, boolean topStrip,
                         String caption, double aspect, boolean emblem) {

    static final Color EU_BLUE = new Color(0, 51, 153);
    private static final Color WHITE = new Color(245, 245, 240);
    private static final Color YELLOW = new Color(250, 205, 20);
    private static final Color BLACK = new Color(20, 20, 20);
    private static final String[] US_STATES = {"CALIFORNIA", "TEXAS", "New York", "FLORIDA", "Ohio", "NEVADA"};

    /** Light characters on a black plate, as older plates in several countries still are; no strips. */
    public PlateStyle inverted() {
        return new PlateStyle(new Color(25, 25, 28), new Color(235, 235, 230), null, false, false, caption, aspect,
                emblem);
    }

    /** The usual look of {@code country}'s plates, with the variants real traffic shows. */
    public static PlateStyle of(String country, Random rnd) {
        return switch (country) {
            case "NL" -> new PlateStyle(YELLOW, BLACK, "NL", false, false, null, 4.73, false);
            case "LU" -> new PlateStyle(YELLOW, BLACK, "L", false, false, null, 4.73, false);
            case "BE" -> new PlateStyle(WHITE, new Color(165, 20, 30), "B", false, false, null, 4.73, false);
            case "FR" -> new PlateStyle(WHITE, BLACK, "F", rnd.nextDouble() < 0.85, false, null, 4.73, false);
            case "IT" -> new PlateStyle(WHITE, BLACK, "I", rnd.nextDouble() < 0.85, false, null, 4.73, false);
            case "DE" -> new PlateStyle(WHITE, BLACK, "D", false, false, null, 4.73, rnd.nextDouble() < 0.8);
            case "SK" -> new PlateStyle(WHITE, BLACK, "SK", false, false, null, 4.73, true);
            case "CZ" -> new PlateStyle(WHITE, BLACK, "CZ", false, false, null, 4.73, false);
            case "AT" -> new PlateStyle(WHITE, BLACK, "A", false, false, null, 4.73, true);
            case "HR" -> new PlateStyle(WHITE, BLACK, "HR", false, false, null, 4.73, true);
            case "ES" -> new PlateStyle(WHITE, BLACK, "E", false, false, null, 4.73, false);
            case "PL" -> new PlateStyle(WHITE, BLACK, "PL", false, false, null, 4.73, false);
            // rear plates are yellow, front plates white; the band is optional (none, GB or UK)
            case "GB" -> new PlateStyle(rnd.nextBoolean() ? YELLOW : WHITE, BLACK,
                    rnd.nextDouble() < 0.4 ? (rnd.nextBoolean() ? "GB" : "UK") : null, false, false, null, 4.73, false);
            case "BR" -> rnd.nextBoolean()
                    ? new PlateStyle(WHITE, BLACK, null, false, true, null, 3.08, false)
                    : new PlateStyle(new Color(200, 200, 200), BLACK, null, false, false, null, 3.08, false);
            case "US" -> new PlateStyle(WHITE, rnd.nextBoolean() ? new Color(20, 30, 110) : new Color(150, 20, 30),
                    null, false, false, US_STATES[rnd.nextInt(US_STATES.length)], 2.0, false);
            default -> throw new IllegalArgumentException("unknown country " + country);
        };
    }
}
