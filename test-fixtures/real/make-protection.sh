#!/usr/bin/env bash
# Makes real/protection/made/ (see README.md). Needs qpdf 11, 7-Zip (p7zip), Info-ZIP zip,
# GnuPG 2.2 and OpenSSL 3. Run from test-fixtures/real; files change byte by byte on every run (salts, dates), their
# verdicts do not. Every password is Corpus-pass-1 (PDF owner passwords add -owner).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out="$here/protection/made"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
cd "$work"
P=Corpus-pass-1
printf 'Agenda for the branch meeting\nItem 1: leaflets\nItem 2: treasurer report\n' > agenda.txt
printf 'Minutes: the committee agreed the printing budget.\n' > minutes.txt
# Two PDFs from other producers: LibreOffice (via the project's fixture) and PDFBox's unencrypted test file.
cp "$here/../files/pdf/plain.pdf" base1.pdf
cp "$here/protection/pdfbox/unencrypted.pdf" base2.pdf

weak=(--allow-weak-crypto)
for b in base1 base2; do
  qpdf "${weak[@]}" --encrypt $P $P-owner 40 -- $b.pdf "$out/$b-rc4-40-user.pdf"
  qpdf "${weak[@]}" --encrypt $P $P-owner 128 --use-aes=n -- $b.pdf "$out/$b-rc4-128-user.pdf"
  qpdf --encrypt $P $P-owner 128 --use-aes=y -- $b.pdf "$out/$b-aes-128-user.pdf"
  qpdf --encrypt $P $P-owner 256 -- $b.pdf "$out/$b-aes-256-r6-user.pdf"
  qpdf --encrypt "" $P-owner 256 --print=none --modify=none -- $b.pdf "$out/$b-aes-256-owner-only.pdf"
  qpdf "${weak[@]}" --encrypt "" $P-owner 128 --use-aes=n --print=none -- $b.pdf "$out/$b-rc4-128-owner-only.pdf"
done
qpdf --encrypt $P $P-owner 128 --use-aes=y --cleartext-metadata -- base1.pdf "$out/base1-aes-128-cleartext-metadata.pdf"
qpdf "${weak[@]}" --encrypt $P $P-owner 256 --force-R5 -- base1.pdf "$out/base1-aes-256-r5-user.pdf"
qpdf "${weak[@]}" --encrypt "" $P-owner 40 -- base2.pdf "$out/base2-rc4-40-owner-only.pdf"

# 7-Zip: with and without encrypted headers, one and two files, and a plain archive.
rm -f "$out"/*.7z "$out"/*.zip
7z a -bd -p$P -mhe=on "$out/7z-aes256-headers-encrypted.7z" agenda.txt minutes.txt >/dev/null
7z a -bd -p$P -mhe=off "$out/7z-aes256-headers-visible.7z" agenda.txt minutes.txt >/dev/null
7z a -bd -p$P -mhe=on -mx=0 "$out/7z-aes256-store-headers-encrypted.7z" agenda.txt >/dev/null
7z a -bd -p$P -mhe=off -m0=bzip2 "$out/7z-aes256-bzip2-headers-visible.7z" agenda.txt >/dev/null
7z a -bd "$out/7z-plain.7z" agenda.txt minutes.txt >/dev/null
# ZIP: ZipCrypto from Info-ZIP and 7-Zip, WinZip AES from 7-Zip, plain, and an archive of one of each.
zip -q -P $P "$out/zip-zipcrypto-infozip.zip" agenda.txt minutes.txt
7z a -bd -tzip -p$P -mem=ZipCrypto "$out/zip-zipcrypto-7zip.zip" agenda.txt >/dev/null
7z a -bd -tzip -p$P -mem=AES128 "$out/zip-aes128-7zip.zip" agenda.txt >/dev/null
7z a -bd -tzip -p$P -mem=AES192 "$out/zip-aes192-7zip.zip" agenda.txt >/dev/null
7z a -bd -tzip -p$P -mem=AES256 "$out/zip-aes256-7zip.zip" agenda.txt minutes.txt >/dev/null
7z a -bd -tzip -p$P -mem=AES256 -mm=Store "$out/zip-aes256-stored-7zip.zip" agenda.txt >/dev/null
zip -q "$out/zip-plain-infozip.zip" agenda.txt minutes.txt
zip -q -P $P "$out/zip-zipcrypto-then-aes.zip" agenda.txt
7z a -bd -tzip -p$P -mem=AES256 "$out/zip-zipcrypto-then-aes.zip" minutes.txt >/dev/null

# OpenPGP: symmetric (several ciphers, armoured and binary), public key, signed only, clear-signed.
export GNUPGHOME="$work/gnupg"
mkdir -m 700 "$GNUPGHOME"
gpg -q --batch --pinentry-mode loopback --passphrase '' --quick-gen-key 'Corpus Test <corpus@example.org>' ed25519 sign never
fpr=$(gpg --list-keys --with-colons corpus@example.org | awk -F: '/^fpr/ {print $10; exit}')
gpg -q --batch --pinentry-mode loopback --passphrase '' --quick-add-key "$fpr" cv25519 encr never
gpg -q --batch --pinentry-mode loopback --passphrase '' --quick-gen-key 'Corpus RSA <rsa@example.org>' rsa2048 sign,encr never
rm -f "$out"/*.gpg "$out"/*.asc "$out"/*.pgp
sym() { gpg -q --batch --yes --pinentry-mode loopback --passphrase $P "$@"; }
sym --symmetric --cipher-algo AES256 -o "$out/pgp-sym-aes256.gpg" agenda.txt
sym --symmetric --cipher-algo AES256 --armor -o "$out/pgp-sym-aes256.asc" agenda.txt
sym --symmetric --cipher-algo AES128 -o "$out/pgp-sym-aes128.gpg" agenda.txt
sym --symmetric --cipher-algo CAMELLIA256 --armor -o "$out/pgp-sym-camellia256.asc" agenda.txt
sym --symmetric --cipher-algo TWOFISH -o "$out/pgp-sym-twofish.gpg" agenda.txt
sym --symmetric --cipher-algo CAST5 -o "$out/pgp-sym-cast5.gpg" agenda.txt
sym --symmetric --cipher-algo 3DES --armor -o "$out/pgp-sym-3des.asc" agenda.txt
gpg -q --batch --yes --trust-model always -r corpus@example.org --encrypt -o "$out/pgp-pub-ecdh.gpg" agenda.txt
gpg -q --batch --yes --trust-model always -r corpus@example.org --encrypt --armor -o "$out/pgp-pub-ecdh.asc" agenda.txt
gpg -q --batch --yes --trust-model always -r rsa@example.org --encrypt -o "$out/pgp-pub-rsa.pgp" agenda.txt
gpg -q --batch --yes --trust-model always -r rsa@example.org --encrypt --armor -o "$out/pgp-pub-rsa.asc" agenda.txt
gpg -q --batch --yes -u corpus@example.org --sign -o "$out/pgp-signed-only.gpg" agenda.txt
gpg -q --batch --yes -u corpus@example.org --sign --armor -o "$out/pgp-signed-only.asc" agenda.txt
gpg -q --batch --yes -u corpus@example.org --clearsign -o "$out/pgp-clearsigned.asc" agenda.txt
gpg -q --batch --yes -u corpus@example.org --detach-sign --armor -o "$out/pgp-detached-signature.asc" agenda.txt

# CMS: enveloped (DER, PEM, BER streamed) with several ciphers, signed (DER, BER), and S/MIME-free DER.
rm -f "$out"/cms-*
openssl req -x509 -newkey rsa:2048 -nodes -keyout key.pem -out cert.pem -days 3650 -subj '/CN=Corpus Test' 2>/dev/null
ossl() { openssl cms -binary -in agenda.txt "$@"; }
ossl -encrypt -aes256 -outform DER -out "$out/cms-enveloped-aes256.der.p7m" cert.pem
ossl -encrypt -aes128 -outform DER -out "$out/cms-enveloped-aes128.der.p7m" cert.pem
ossl -encrypt -aes256 -outform PEM -out "$out/cms-enveloped-aes256.pem" cert.pem
ossl -encrypt -aes256 -stream -indef -outform DER -out "$out/cms-enveloped-aes256.ber.p7m" cert.pem
ossl -encrypt -des3 -outform DER -out "$out/cms-enveloped-3des.der.p7m" cert.pem
ossl -encrypt -des3 -stream -indef -outform DER -out "$out/cms-enveloped-3des.ber.p7m" cert.pem
ossl -encrypt -aes-256-gcm -outform DER -out "$out/cms-authenveloped-aes256gcm.der.p7m" cert.pem
ossl -sign -nodetach -signer cert.pem -inkey key.pem -outform DER -out "$out/cms-signed.der.p7m"
ossl -sign -nodetach -signer cert.pem -inkey key.pem -stream -indef -outform DER -out "$out/cms-signed.ber.p7m"
ossl -sign -signer cert.pem -inkey key.pem -outform DER -out "$out/cms-detached.der.p7s"
ossl -sign -nodetach -signer cert.pem -inkey key.pem -outform PEM -out "$out/cms-signed.pem"

# ODF: LibreOffice 7.4 files from the project's own fixtures (make-fixtures.sh), AES-256 and ODF 1.1 Blowfish.
cp "$here/../files/odf/blowfish-odf11.ods" "$out/odf-blowfish-odf11-libreoffice.ods"
cp "$here/../files/odf/aes256.odt" "$out/odf-aes256-libreoffice.odt"
cp "$here/../files/odf/plain.odt" "$out/odf-plain-libreoffice.odt"
