#!/bin/sh
# Puts the Outward plugin and its libraries into a James image laid out by jib.
#
#   align-libs.sh JAMES_ROOT PLUGIN_DIR
#
# JAMES_ROOT is the image's /root (libs/, extensions-jars/, jib-classpath-file); PLUGIN_DIR holds the jars of
# mailet/target/extensions-jars. For each plugin jar:
#   - James has the same file in libs/: it is left out (one copy is enough);
#   - James has the library in another version: the newer one stays in libs/ (and in the class path file), as
#     Maven chooses for the embedded gateway the tests run; Outward needs e.g. a newer commons-lang3 than James;
#   - BouncyCastle *-jdk18on replaces James's *-jdk15on in libs/ (the same classes; two copies clash);
#   - otherwise it goes to extensions-jars/, which James loads after its own libraries.
# A library is named by its file name up to the first "-<digit>" (commons-lang3-3.18.0.jar: commons-lang3).
set -eu

root=$1
plugin=$2
libs=$root/libs
ext=$root/extensions-jars
classpath=$root/jib-classpath-file
mkdir -p "$ext"

name_of() {
    basename "$1" .jar | sed -E 's/-[0-9].*$//'
}

version_of() {
    basename "$1" .jar | sed -E 's/^[^0-9]*-([0-9].*)$/\1/'
}

# Replaces James's jar $1 (a path in libs/) by the plugin's jar $2, in libs/ and in the class path file.
replace() {
    rm -f "$1"
    cp "$2" "$libs/"
    sed -i "s#$1#$libs/$(basename "$2")#" "$classpath"
    echo "libs: $(basename "$1") -> $(basename "$2")"
}

for jar in "$plugin"/*.jar; do
    file=$(basename "$jar")
    name=$(name_of "$jar")
    if [ -e "$libs/$file" ]; then
        echo "kept James's $file"
        continue
    fi
    case "$name" in
        bc*-jdk18on)
            old=$(ls "$libs"/"${name%-jdk18on}"-jdk15on-*.jar 2>/dev/null | head -n 1 || true)
            if [ -n "$old" ]; then
                replace "$old" "$jar"
                continue
            fi
            ;;
    esac
    james=$(ls "$libs"/"$name"-[0-9]*.jar 2>/dev/null | head -n 1 || true)
    if [ -n "$james" ] && [ "$(name_of "$james")" = "$name" ]; then
        ours=$(version_of "$jar")
        theirs=$(version_of "$james")
        newest=$(printf '%s\n%s\n' "$ours" "$theirs" | sort -V | tail -n 1)
        if [ "$newest" = "$ours" ]; then
            replace "$james" "$jar"
        else
            echo "kept James's newer $(basename "$james") over $file"
        fi
        continue
    fi
    cp "$jar" "$ext/"
done

# Every entry of the class path must exist, or the JVM starts without it and fails later.
{ tr ':' '\n' < "$classpath"; echo; } | while read -r entry; do
    case "$entry" in
        *.jar) [ -e "$entry" ] || { echo "missing from the class path: $entry" >&2; exit 1; } ;;
    esac
done
