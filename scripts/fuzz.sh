#!/bin/sh
# Coverage-guided fuzzing of a front end (lexer, parser, every rule) with libFuzzer and
# AddressSanitizer, seeded with the repository's examples and rule documents of that language.
#
#   scripts/fuzz.sh [SECONDS] [go|swift]     default 600 go; crashes land in fuzz-out/
#
# The libraries are built with -sanitize=fuzzer,address in their own scratch folder, then linked
# with Fuzz/FuzzGoFrontEnd.swift (or FuzzSwiftFrontEnd.swift) into .build-fuzz/cancellint-fuzz-LANGUAGE.
set -eu
cd "$(dirname "$0")/.."
seconds=${1:-600}
language=${2:-go}
scratch=.build-fuzz
case "$language" in
go) target=GoRules; modules="LintCore GoSyntax GoAnalysis GoRules"; entry=Fuzz/FuzzGoFrontEnd.swift ;;
swift) target=SwiftLangRules; modules="LintCore SwiftLangSyntax SwiftLangRules"; entry=Fuzz/FuzzSwiftFrontEnd.swift ;;
*) echo "usage: scripts/fuzz.sh [SECONDS] [go|swift]" >&2; exit 2 ;;
esac
swift build -c release --scratch-path "$scratch" --target "$target" \
	-Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library >/dev/null
build="$scratch/release"
objects=""
for module in $modules; do
	objects="$objects $(find "$build/$module.build" -name '*.o' | tr '\n' ' ')"
done
# shellcheck disable=SC2086
swiftc -O -sanitize=fuzzer,address -parse-as-library -I "$build/Modules" \
	"$entry" $objects -o "$scratch/cancellint-fuzz-$language"

corpus=fuzz-out/corpus-$language
mkdir -p "$corpus" fuzz-out/crashes
find Examples -name "*.$language" -exec cp {} "$corpus/" \;
# Every code block of the language in the rule documents is a seed too.
awk '/^```'"$language"'/{n++; f=sprintf("'"$corpus"'/doc-%04d.'"$language"'", n); next} /^```/{f=""} f{print > f}' Rules/*.md
exec "$scratch/cancellint-fuzz-$language" "$corpus" -artifact_prefix=fuzz-out/crashes/ \
	-max_total_time="$seconds" -timeout=1 -max_len=65536 -rss_limit_mb=4096 -print_final_stats=1
