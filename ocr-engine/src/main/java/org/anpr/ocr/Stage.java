package org.anpr.ocr;

/** The named stages of the pipeline, in the order they run. */
public enum Stage {
    DECODE, DETECT, RECTIFY, BINARIZE, OCR, SYNTAX
}
