package org.anpr.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PlateTextTest {
    @Test
    void normalisesSeparatorsAndCase() {
        assertEquals("12ABC3", PlateText.normalise("12-abc-3"));
        assertEquals("AB123CD", PlateText.normalise("AB 123·CD"));
        assertEquals("1ABC234", PlateText.normalise("1.ABC.234"));
    }

    @Test
    void validatesNormalisedForm() {
        assertTrue(PlateText.isValid("ABC1D23"));
        assertNull(PlateText.problemWith("1"));
        assertFalse(PlateText.isValid(""));
        assertFalse(PlateText.isValid("ABCDEFGHIJKLM"));
        assertTrue(PlateText.problemWith("AB-1").contains("position 2"));
        assertTrue(PlateText.problemWith("AB\u00C41").contains("U+00C4"));
    }

    @Test
    void confusablePlatesShareAKeyAndOthersDoNot() {
        assertEquals("801A8", PlateText.confusionKey("BO1AB"));
        assertEquals(PlateText.confusionKey("BO1AB"), PlateText.confusionKey("8D1A8"));
        assertEquals(PlateText.confusionKey("1ABC234"), PlateText.confusionKey("IABC234"));
        assertEquals(PlateText.confusionKey("S2G"), PlateText.confusionKey("5Z6"));
        assertFalse(PlateText.confusionKey("1ABC234").equals(PlateText.confusionKey("1ABC235")));
        assertFalse(PlateText.confusionKey("AX").equals(PlateText.confusionKey("AY")));
    }
}
