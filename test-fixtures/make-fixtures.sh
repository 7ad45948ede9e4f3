#!/usr/bin/env bash
# Remakes the protection fixtures in files/ with the real tools party members use.
# Needs (Debian): p7zip-full qpdf libreoffice-calc-nogui libreoffice-writer-nogui python3-uno zip gnupg openssl,
# plus Java 17 and Maven for the Apache POI files (see src/main/java/org/outward/fixtures/MakeProtectedFiles.java).
# All data is fictional. The password of every fixture is "Outward-fixture-1".
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/files"
pw="Outward-fixture-1"
work="$(mktemp -d)"
trap 'kill "${lo_pid:-}" 2>/dev/null || true; rm -rf "$work"' EXIT

rm -rf "$out"/{plain,zip,7z,pdf,pgp,cms,odf,office}
mkdir -p "$out"/{plain,zip,7z,pdf,pgp,cms,odf,office}

# --- plain sources (fictional people) -------------------------------------------------------------
cat > "$out/plain/members.csv" <<'CSV'
name,ward,email
Ada Example,North Ward,ada@example.org
Ben Sample,South Ward,ben@example.org
Cara Fictional,East Ward,cara@example.org
CSV
printf 'Campaign notes: leaflet round on Saturday, meet at the library at 10.\n' > "$out/plain/notes.txt"
# a 1x1 PNG, written byte by byte so no image tool is needed
python3 - "$out/plain/dot.png" <<'PY'
import sys, zlib, struct
def chunk(t, d): return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)) \
    + chunk(b"IDAT", zlib.compress(b"\x00\xff\x80\x00")) + chunk(b"IEND", b"")
open(sys.argv[1], "wb").write(png)
PY
cp "$out/plain/members.csv" "$work/members.csv"
cp "$out/plain/notes.txt" "$work/notes.txt"
cd "$work"

# --- ZIP: Info-ZIP and 7-Zip -------------------------------------------------------------------
zip -q -X -j "$out/zip/plain.zip" members.csv notes.txt
zip -q -X -j -P "$pw" "$out/zip/zipcrypto-infozip.zip" members.csv
7z a -bso0 -bsp0 -tzip -p"$pw" -mem=AES256 "$out/zip/aes256-7zip.zip" members.csv
7z a -bso0 -bsp0 -tzip -p"$pw" -mem=AES128 "$out/zip/aes128-7zip.zip" members.csv
7z a -bso0 -bsp0 -tzip -p"$pw" -mem=ZipCrypto "$out/zip/zipcrypto-7zip.zip" members.csv
# partly encrypted: a plain note first, then an encrypted list added to the same archive
zip -q -X -j "$out/zip/partly-encrypted.zip" notes.txt
7z a -bso0 -bsp0 -tzip -p"$pw" -mem=AES256 "$out/zip/partly-encrypted.zip" members.csv

# --- 7z: 7-Zip with and without encrypted file names ---------------------------------------------
7z a -bso0 -bsp0 -t7z "$out/7z/plain.7z" members.csv notes.txt
7z a -bso0 -bsp0 -t7z -p"$pw" -mhe=on "$out/7z/aes256-names-encrypted.7z" members.csv notes.txt
7z a -bso0 -bsp0 -t7z -p"$pw" -mhe=off "$out/7z/aes256-names-visible.7z" members.csv notes.txt
# a canvass return (from the personal-data corpus) as a careful volunteer would send it
cp "$here/personal/positive/canvass-1.csv" "$work/canvass.csv"
7z a -bso0 -bsp0 -t7z -p"$pw" -mhe=on "$out/7z/canvass-aes256.7z" canvass.csv

# --- LibreOffice: ODF (AES and Blowfish), legacy binary Office and OOXML with a password ---------
lo_pipe="outward-fixtures-$$"
soffice --headless --invisible --norestore --nologo --accept="pipe,name=$lo_pipe;urp;" \
    -env:UserInstallation="file://$work/lo-profile" >/dev/null 2>&1 &
lo_pid=$!
lo() { /usr/bin/python3 "$here/scripts/lo_save.py" "$lo_pipe" "$@"; }
lo "$work/members.csv" "$out/odf/plain.ods" calc8
lo "$work/members.csv" "$out/odf/aes256.ods" calc8 "$pw"
lo "$work/notes.txt" "$out/odf/plain.odt" writer8
lo "$work/notes.txt" "$out/odf/aes256.odt" writer8 "$pw"
lo "$work/members.csv" "$out/odf/blowfish-odf11.ods" calc8 "$pw" 2
lo "$work/members.csv" "$out/office/plain-libreoffice.xls" "MS Excel 97"
lo "$work/notes.txt" "$out/office/plain-libreoffice.doc" "MS Word 97"
# LibreOffice 7.4 ignores a Password given through UNO to its MS Office filters (the files come out
# unencrypted), so the encrypted .doc/.xls/.docx/.xlsx fixtures come from Apache POI below.
lo "$work/notes.txt" "$work/notes.pdf" writer_pdf_Export
kill "$lo_pid"; wait "$lo_pid" 2>/dev/null || true; lo_pid=

# --- PDF: qpdf ------------------------------------------------------------------------------------
qpdf --deterministic-id "$work/notes.pdf" "$out/pdf/plain.pdf"
qpdf --encrypt "$pw" "$pw-owner" 256 -- "$work/notes.pdf" "$out/pdf/aes256-user.pdf"
qpdf --encrypt "$pw" "$pw-owner" 128 --use-aes=y -- "$work/notes.pdf" "$out/pdf/aes128-user.pdf"
qpdf --allow-weak-crypto --encrypt "$pw" "$pw-owner" 128 --use-aes=n -- "$work/notes.pdf" "$out/pdf/rc4-128-user.pdf"
qpdf --allow-weak-crypto --encrypt "$pw" "$pw-owner" 40 -- "$work/notes.pdf" "$out/pdf/rc4-40-user.pdf"
qpdf --encrypt "" "$pw-owner" 256 --print=none --modify=none --extract=n -- "$work/notes.pdf" "$out/pdf/aes256-owner-only.pdf"

# --- OpenPGP: GnuPG -------------------------------------------------------------------------------
export GNUPGHOME="$work/gnupg"; mkdir -m 700 "$GNUPGHOME"
gpg -q --batch --passphrase '' --quick-gen-key "Outward Fixture <fixture@example.org>" future-default default never
g() { gpg -q --batch --yes --pinentry-mode loopback "$@"; }
g --passphrase "$pw" --symmetric --cipher-algo AES256 -o "$out/pgp/symmetric-aes256.gpg" members.csv
g --passphrase "$pw" --symmetric --cipher-algo AES256 --armor -o "$out/pgp/symmetric-aes256.asc" members.csv
g --trust-model always -r fixture@example.org --encrypt -o "$out/pgp/public-key-encrypted.gpg" members.csv
g --trust-model always -r fixture@example.org --encrypt --armor -o "$out/pgp/public-key-encrypted.asc" members.csv
g --passphrase '' --sign -o "$out/pgp/signed-only.gpg" notes.txt
g --passphrase '' --clearsign -o "$out/pgp/clearsigned.asc" notes.txt
g --armor --export fixture@example.org > "$out/pgp/public-key.asc"

# --- CMS / S/MIME: OpenSSL -----------------------------------------------------------------------
openssl req -x509 -newkey rsa:2048 -nodes -keyout key.pem -out cert.pem -days 3650 \
    -subj "/CN=Outward Fixture/emailAddress=fixture@example.org" 2>/dev/null
openssl cms -encrypt -binary -aes256 -in members.csv -outform DER -out "$out/cms/enveloped-aes256.p7m" cert.pem
openssl cms -encrypt -binary -aes256 -in members.csv -outform PEM -out "$out/cms/enveloped-aes256.pem" cert.pem
openssl cms -encrypt -binary -des3 -in members.csv -outform DER -out "$out/cms/enveloped-3des.p7m" cert.pem
openssl cms -encrypt -binary -aes-256-gcm -in members.csv -outform DER -out "$out/cms/authenveloped-aes256-gcm.p7m" cert.pem
openssl cms -sign -binary -nodetach -in notes.txt -signer cert.pem -inkey key.pem -outform DER -out "$out/cms/signed-only.p7m"
openssl cms -sign -binary -in notes.txt -signer cert.pem -inkey key.pem -outform DER -out "$out/cms/detached-signature.p7s"

# --- Apache POI: OOXML Agile and Standard, legacy CryptoAPI RC4 ------------------------------------
cd "$here/.."
mvn -B -q -pl test-fixtures compile dependency:build-classpath -Dmdep.outputFile="$work/cp.txt"
java -cp "$here/target/classes:$(cat "$work/cp.txt")" org.outward.fixtures.MakeProtectedFiles "$out/office" "$pw"

echo "fixtures written to $out"
