package org.anpr.ocr.ocr;

import static org.bytedeco.tesseract.global.tesseract.OEM_LSTM_ONLY;
import static org.bytedeco.tesseract.global.tesseract.PSM_SINGLE_CHAR;
import static org.bytedeco.tesseract.global.tesseract.PSM_SINGLE_LINE;
import static org.bytedeco.tesseract.global.tesseract.RIL_SYMBOL;
import static org.bytedeco.tesseract.global.tesseract.TessDeleteText;
import static org.bytedeco.tesseract.global.tesseract.TessResultIteratorDelete;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.tesseract.ChoiceIterator;
import org.bytedeco.tesseract.ResultIterator;
import org.bytedeco.tesseract.StringVector;
import org.bytedeco.tesseract.TessBaseAPI;

/**
 * {@link CharacterReader} on a Tesseract LSTM model: single-line mode, A-Z0-9 whitelist, no
 * dictionaries (plates are not words), per-symbol alternatives from the choice iterator.
 */
public final class TesseractReader implements CharacterReader {
    public static final String WHITELIST = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final int MAX_CHOICES = 4;

    private final TessBaseAPI api = new TessBaseAPI();
    private final int linePsm;
    private boolean closed;

    /**
     * @param tessdata folder holding {@code <language>.traineddata}
     * @param language model name, e.g. {@code eng} or a plate-tuned model
     */
    public TesseractReader(Path tessdata, String language) {
        this(tessdata, language, PSM_SINGLE_LINE);
    }

    /**
     * @param linePsm page segmentation mode for whole lines: 7 (single line, Tesseract finds the
     *                line) or 13 (raw line, for models trained on whole plate crops)
     */
    public TesseractReader(Path tessdata, String language, int linePsm) {
        this.linePsm = linePsm;
        Path model = tessdata.resolve(language + ".traineddata");
        if (!Files.isRegularFile(model)) {
            api.close();
            throw new IllegalStateException("Tesseract model not found: " + model
                    + " (Debian: apt-get install tesseract-ocr-" + language + ", or set ANPR_TESSDATA)");
        }
        // Dictionaries are init-only parameters: they must go through Init, not SetVariable.
        try (StringVector names = new StringVector("load_system_dawg", "load_freq_dawg");
             StringVector values = new StringVector("0", "0")) {
            int rc = api.Init(tessdata.toString(), language, OEM_LSTM_ONLY, (BytePointer) null, 0, names, values, false);
            if (rc != 0) {
                api.close();
                throw new IllegalStateException("Tesseract could not load " + model + " (rc " + rc + ")");
            }
        }
        api.SetVariable("tessedit_char_whitelist", WHITELIST);
        api.SetVariable("lstm_choice_mode", "2"); // per-symbol alternatives for the choice iterator
        api.SetVariable("debug_file", "/dev/null");
    }

    @Override
    public OcrLine read(Mat text) {
        return recognize(text, linePsm);
    }

    @Override
    public Optional<OcrSymbol> readSingle(Mat glyph) {
        List<OcrSymbol> s = recognize(glyph, PSM_SINGLE_CHAR).symbols();
        return s.size() == 1 ? Optional.of(s.get(0)) : Optional.empty();
    }

    private OcrLine recognize(Mat text, int pageSegMode) {
        if (closed) {
            throw new IllegalStateException("reader closed");
        }
        api.SetPageSegMode(pageSegMode);
        Mat img = text.isContinuous() ? text : text.clone();
        api.SetImage(img.data(), img.cols(), img.rows(), 1, (int) img.step());
        List<OcrSymbol> symbols = new ArrayList<>();
        if (api.Recognize(null) == 0) {
            ResultIterator ri = api.GetIterator();
            if (ri != null && !ri.isNull()) {
                try {
                    collect(ri, symbols);
                } finally {
                    TessResultIteratorDelete(ri);
                }
            }
        }
        api.Clear();
        return new OcrLine(symbols);
    }

    private static void collect(ResultIterator ri, List<OcrSymbol> out) {
        int[] x0 = new int[1], y0 = new int[1], x1 = new int[1], y1 = new int[1];
        do {
            BytePointer sym = ri.GetUTF8Text(RIL_SYMBOL);
            if (sym == null || sym.isNull()) {
                continue;
            }
            String best = sym.getString();
            TessDeleteText(sym);
            if (best.isEmpty()) {
                continue;
            }
            List<OcrSymbol.Choice> choices = new ArrayList<>();
            choices.add(new OcrSymbol.Choice(best.charAt(0), prob(ri.Confidence(RIL_SYMBOL))));
            try (ChoiceIterator ci = new ChoiceIterator(ri)) {
                do {
                    BytePointer c = ci.GetUTF8Text(); // owned by the iterator: not freed here
                    if (c != null && !c.isNull()) {
                        String s = c.getString();
                        if (s.length() == 1 && WHITELIST.indexOf(s.charAt(0)) >= 0 && choices.size() < MAX_CHOICES
                                && choices.stream().noneMatch(ch -> ch.c() == s.charAt(0))) {
                            choices.add(new OcrSymbol.Choice(s.charAt(0), prob(ci.Confidence())));
                        }
                    }
                } while (ci.Next());
            }
            ri.BoundingBox(RIL_SYMBOL, x0, y0, x1, y1);
            out.add(new OcrSymbol(choices, x0[0], x1[0]));
        } while (ri.Next(RIL_SYMBOL));
    }

    /** Tesseract reports 0-100; clamp into 0.01-1 so that a product of them stays informative. */
    private static double prob(float conf) {
        return Math.max(0.01, Math.min(1.0, conf / 100.0));
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            api.End();
            api.close();
        }
    }
}
