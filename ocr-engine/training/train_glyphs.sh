#!/usr/bin/env bash
# Trains the glyph classifier (OpenCV ANN_MLP over HOG) on synthetic plate lines and installs it as
# ocr-engine/src/main/resources/org/anpr/ocr/model/glyphs.bin.gz.
# Usage: ocr-engine/training/train_glyphs.sh [lines=8000] [seed=11] [difficulty=0.8] [epochs=12]
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
WORK="${WORK:-/tmp/anpr-glyphs}"
mkdir -p "$WORK"
cd "$ROOT"
mvn -q -B -pl ocr-engine dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt"
SRC="$ROOT/ocr-engine/src/main/java"
rm -rf "$WORK/classes"
# compiled into the work dir so a concurrent "mvn clean" of the module cannot break a long run
javac --release 17 -nowarn -d "$WORK/classes" -cp "$(cat "$WORK/cp.txt")" \
  $(find "$SRC/org/anpr/ocr/synth" "$SRC/org/anpr/ocr/charclass" -name '*.java') \
  "$SRC/org/anpr/ocr/Quad.java" "$SRC/org/anpr/ocr/BoundingBox.java" "$SRC/org/anpr/ocr/Region.java"
nice -n 10 java -Djava.awt.headless=true -cp "$WORK/classes:$(cat "$WORK/cp.txt")" \
  org.anpr.ocr.charclass.TrainGlyphsMain "$WORK/glyphs.bin.gz" "${1:-8000}" "${2:-11}" "${3:-0.8}" "${4:-12}" \
  | tee "$WORK/train.log"
OUT="${OUT:-$ROOT/ocr-engine/src/main/resources/org/anpr/ocr/model}"
mkdir -p "$OUT"
cp "$WORK/glyphs.bin.gz" "$OUT/glyphs.bin.gz"
