#!/bin/sh
# Coverage-guided fuzzing of the Go front end (lexer, parser, every rule) with libFuzzer and
# AddressSanitizer, seeded with the repository's Go examples and rule documents.
#
#   scripts/fuzz.sh [SECONDS]        default 600; crashes land in fuzz-out/
#
# The libraries are built with -sanitize=fuzzer,address in their own scratch folder, then linked
# with Fuzz/FuzzGoFrontEnd.swift into .build-fuzz/cancellint-fuzz.
set -eu
cd "$(dirname "$0")/.."
seconds=${1:-600}
scratch=.build-fuzz
swift build -c release --scratch-path "$scratch" --target GoRules \
	-Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library >/dev/null
build="$scratch/release"
objects=$(find "$build/LintCore.build" "$build/GoSyntax.build" "$build/GoAnalysis.build" "$build/GoRules.build" -name '*.o')
# shellcheck disable=SC2086
swiftc -O -sanitize=fuzzer,address -parse-as-library -I "$build/Modules" \
	Fuzz/FuzzGoFrontEnd.swift $objects -o "$scratch/cancellint-fuzz"

corpus=fuzz-out/corpus
mkdir -p "$corpus" fuzz-out/crashes
find Examples -name '*.go' -exec cp {} "$corpus/" \;
# Every ```go block of the rule documents is a seed too.
awk '/^```go/{n++; f=sprintf("'"$corpus"'/doc-%04d.go", n); next} /^```/{f=""} f{print > f}' Rules/*.md
exec "$scratch/cancellint-fuzz" "$corpus" -artifact_prefix=fuzz-out/crashes/ \
	-max_total_time="$seconds" -timeout=1 -max_len=65536 -rss_limit_mb=4096 -print_final_stats=1
