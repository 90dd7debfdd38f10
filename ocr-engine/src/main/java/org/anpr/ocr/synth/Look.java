package org.anpr.ocr.synth;

/** Illumination of a scene. */
public enum Look {
    /** Daylight colour camera. */
    DAY,
    /** Monochrome camera with an infrared flash: dark surroundings, bright retro-reflective plates. */
    IR_NIGHT
}
