#!/usr/bin/env bash
# Turns the best checkpoint into a small integer model and installs it as a resource of ocr-engine.
# Usage: ocr-engine/training/finalize.sh [workdir=/tmp/anpr-train] [checkpoint]
# Default checkpoint: the hard stage's "best" checkpoint with the lowest training BCER (synthetic data
# only; real images never choose the model), else the latest checkpoint.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
WORK="${1:-/tmp/anpr-train}"
BEST="$(ls "$WORK"/ck_hard/anpr_plate_[0-9]*.checkpoint 2>/dev/null \
  | sed 's|.*/anpr_plate_\([0-9.]*\)_.*|\1 &|' | sort -g | head -1 | cut -d' ' -f2 || true)"
CK="${2:-${BEST:-$WORK/ck_hard/anpr_plate_checkpoint}}"
echo "finalizing $CK"
OUT="${OUT:-$HERE/../src/main/resources/org/anpr/ocr/model}"
mkdir -p "$OUT"
lstmtraining --stop_training --convert_to_int \
  --continue_from "$CK" \
  --traineddata "$WORK/lang/out/anpr_plate/anpr_plate.traineddata" \
  --model_output "$OUT/anpr_plate.traineddata"
ls -la "$OUT/anpr_plate.traineddata"
