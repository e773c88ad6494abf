#!/bin/sh
# Parses every .go file under the given trees (testdata/ folders skipped: their files are
# partly invalid on purpose) and prints the files, bytes, syntax errors and time.
#
#   scripts/parse-corpus.sh /usr/share/go-1.19/src            # counts only
#   scripts/parse-corpus.sh --show-errors /usr/share/go-1.19/src
set -eu
cd "$(dirname "$0")/.."
swift build -c release --product cancellint-bench >/dev/null
exec .build/release/cancellint-bench --stage parse "$@"
