#!/bin/sh
# Trunk post-build hook: copies the corpus artifact that build.rs wrote (the head, as
# corpus-<hash>.bin, its index chunks zoekindex-<hash>.bin and text shards tekst-<hash>.bin) into the staging dir and points the
# preload link in index.html at the head; copies the PDF and Word originals to originals/ and the
# parse report to verantwoording.html.
set -eu
target="${CARGO_TARGET_DIR:-$TRUNK_SOURCE_DIR/target}"
dir="$target/wasm32-unknown-unknown/$TRUNK_PROFILE"
hash=$(cat "$dir/briefwissel-corpus.hash")
name="corpus-$hash.bin"
cp "$dir/briefwissel-corpus.bin" "$TRUNK_STAGING_DIR/$name"
for chunk in "$dir"/briefwissel-corpus-chunks/zoekindex-*.bin "$dir"/briefwissel-corpus-chunks/tekst-*.bin; do
  if [ -e "$chunk" ]; then cp "$chunk" "$TRUNK_STAGING_DIR/"; fi
done
sed -i "s|href=\"corpus.bin\"|href=\"$name\"|" "$TRUNK_STAGING_DIR/index.html"
# The PDF and Word originals of the corpus' documents (build.rs gathers them), for the document page's link.
originals=0
if [ -d "$dir/briefwissel-originals" ]; then
  mkdir -p "$TRUNK_STAGING_DIR/originals"
  cp -R "$dir/briefwissel-originals/." "$TRUNK_STAGING_DIR/originals/"
  originals=$(ls "$TRUNK_STAGING_DIR/originals" | wc -l)
fi
echo "briefwissel: corpus artifact $name ($(wc -c < "$TRUNK_STAGING_DIR/$name") bytes) and $(ls "$dir"/briefwissel-corpus-chunks | grep -c zoekindex) index and $(ls "$dir"/briefwissel-corpus-chunks | grep -c tekst) text files, $originals originals"
# The parse report page (build.rs writes it), linked to the site's content-hashed stylesheet.
if [ -f "$dir/briefwissel-report.html" ]; then
  css=$(cd "$TRUNK_STAGING_DIR" && ls style-*.css 2>/dev/null | head -n 1)
  sed "s|@STYLESHEET@|$css|" "$dir/briefwissel-report.html" > "$TRUNK_STAGING_DIR/verantwoording.html"
fi
# The reader of own documents: a wasm module of its own under lezer/, loaded only when someone adds one.
node scripts/reader-worker.mjs "$TRUNK_STAGING_DIR" "$TRUNK_PROFILE"
# SHIP's post-build step (precache list, CSP hashes, 404.html); Trunk runs hooks of a stage concurrently, so it is chained here.
node scripts/postbuild.mjs "$TRUNK_STAGING_DIR"
