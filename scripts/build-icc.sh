#!/bin/sh
# Builds styles/icc/folio-newsprint-tac<TAC>.icc, Folio's coldset newsprint output profile, with ArgyllCMS.
# Why build one: no newspaper CMYK profile is installable here (Debian lacks `icc-profiles`), but
# icc-profiles-free ships CGATS TR 002 (SNAP), the characterisation data for coldset newsprint.
# Usage: scripts/build-icc.sh [TAC percent, default 240]   (takes about 2 minutes)
set -eu
TAC="${1:-240}"
SRC=/usr/share/color/icc/TR002.ti3
SRGB=/usr/share/color/icc/sRGB.icc
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OUT="$ROOT/styles/icc/folio-newsprint-tac$TAC.icc"

command -v colprof >/dev/null || { echo "colprof missing: apt-get install argyll" >&2; exit 1; }
[ -f "$SRC" ] || { echo "$SRC missing: apt-get install icc-profiles-free" >&2; exit 1; }

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
cp "$SRC" "$WORK/snap.ti3"
# -kh: half black generation (GCR) keeps greys stable on a coldset press without harsh K in highlights.
# -l: total ink limit, baked into every B2A table so anything converted through it stays under TAC.
# -S sRGB: gamut-map the perceptual/saturation tables from sRGB, the colour space Chromium writes.
# -nc: leave the 928 measurement rows out of the profile (smaller file, same tables).
colprof -qm -kh -l"$TAC" -L100 -nc -S "$SRGB" -cmt -dpp \
  -D "Folio coldset newsprint (CGATS TR002 SNAP data, TAC $TAC%)" \
  -C "Built by Folio scripts/build-icc.sh with ArgyllCMS colprof from CGATS TR 002 data in icc-profiles-free (zlib)" \
  -O "$WORK/out.icc" "$WORK/snap" >/dev/null
mv "$WORK/out.icc" "$OUT.tmp" && mv "$OUT.tmp" "$OUT"
echo "$OUT"
