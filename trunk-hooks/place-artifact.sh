#!/bin/sh
# Trunk post-build hook: copies the corpus artifact that build.rs wrote into the staging dir as
# corpus-<hash>.bin and points the preload link in index.html at it.
set -eu
target="${CARGO_TARGET_DIR:-$TRUNK_SOURCE_DIR/target}"
dir="$target/wasm32-unknown-unknown/$TRUNK_PROFILE"
hash=$(cat "$dir/briefwissel-corpus.hash")
name="corpus-$hash.bin"
cp "$dir/briefwissel-corpus.bin" "$TRUNK_STAGING_DIR/$name"
sed -i "s|href=\"corpus.bin\"|href=\"$name\"|" "$TRUNK_STAGING_DIR/index.html"
echo "briefwissel: corpus artifact $name ($(wc -c < "$TRUNK_STAGING_DIR/$name") bytes)"
# SHIP's post-build step (precache list, CSP hashes, 404.html); Trunk runs hooks of a stage concurrently, so it is chained here.
node scripts/postbuild.mjs "$TRUNK_STAGING_DIR"
