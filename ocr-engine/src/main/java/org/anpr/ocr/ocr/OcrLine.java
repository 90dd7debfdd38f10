package org.anpr.ocr.ocr;

import java.util.List;

/** The symbols of one text line, left to right. */
public record OcrLine(List<OcrSymbol> symbols) {
    public OcrLine {
        symbols = List.copyOf(symbols);
    }

    /** The best choice at every position. */
    public String text() {
        StringBuilder sb = new StringBuilder(symbols.size());
        for (OcrSymbol s : symbols) {
            sb.append(s.best().c());
        }
        return sb.toString();
    }
}
