#!/usr/bin/env bash
# Makes real/ordinary/made/: files that must be held, from the corpus's own files cut or packed with ordinary tools.
# Run from test-fixtures/real after the other ordinary files are in place.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out="$here/ordinary/made"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
rm -f "$out"/*
# A PDF and a zip cut off half-way, as a failed download or a mail client's size limit leaves them.
src_pdf=$(ls "$here"/ordinary/pdfbox/*.pdf | head -1)
head -c $(( $(stat -c %s "$src_pdf") / 2 )) "$src_pdf" > "$out/truncated-half.pdf"
src_zip=$(ls "$here"/ordinary/tika/*.zip | head -1)
head -c $(( $(stat -c %s "$src_zip") / 2 )) "$src_zip" > "$out/truncated-half.zip"
# A decompression bomb: 200 MB of zeros deflated to about 200 KB (ratio about 1000, the policy allows 100).
head -c 200000000 /dev/zero > "$work/zeros.bin"
(cd "$work" && zip -q -9 "$out/bomb-200mb-zeros.zip" zeros.bin)
# Real disguises: a spreadsheet, an archive and a Word document under other formats' names.
cp "$(ls "$here"/ordinary/poi/*.xlsx | head -1)" "$out/disguised-xlsx-as.pdf"
cp "$(ls "$here"/ordinary/tika/*.zip | head -1)" "$out/disguised-zip-as.txt"
cp "$(ls "$here"/ordinary/poi/*.doc | head -1)" "$out/disguised-doc-as.csv"
