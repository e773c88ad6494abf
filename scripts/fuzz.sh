#!/bin/sh
# Coverage-guided fuzzing of a front end (lexer, parser, every rule) with libFuzzer and
# AddressSanitizer, seeded with the repository's examples and rule documents of that language, and
# with the largest instance of each scaling shape up to 16 KB (a quarter of -max_len: under
# AddressSanitizer a 64 KB instance can take most of the one-second timeout without any bug).
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
# And the largest instance up to 16 KB of every scaling shape (Sources/ScalingShapes): inputs
# that once cost quadratic time, so a regression shows up as a timeout (-timeout=1) while fuzzing.
swift build -c release --product cancellint-bench >/dev/null
bench="$(swift build -c release --product cancellint-bench --show-bin-path)/cancellint-bench"
shapes=$(mktemp -d)
"$bench" --list-shapes | while IFS="$(printf '\t')" read -r name base _; do
	size=$((base / 8 > 0 ? base / 8 : 1))
	# At most 20 doublings: a shape whose growth is not in a file of this language (a long
	# configuration key) would otherwise double forever.
	doublings=0
	while [ "$doublings" -lt 20 ]; do
		doublings=$((doublings + 1))
		rm -rf "$shapes/next"
		mkdir "$shapes/next"
		"$bench" --emit "$name" "$size" "$shapes/next"
		# Largest file and total: a shape of many small files (a package) stops growing at 256 KB.
		sizes=$(find "$shapes/next" -type f -name "*.$language" -exec wc -c {} + |
			awk '$2 != "total" { t += $1; if ($1 > m) m = $1 } END { print m + 0, t + 0 }')
		largest=${sizes% *}
		total=${sizes#* }
		everything=$(du -sk "$shapes/next" | cut -f1)
		[ "$largest" -gt 0 ] && [ "$largest" -le 16384 ] && [ "$total" -le 65536 ] && [ "$everything" -le 1024 ] || break
		rm -rf "$shapes/fits"
		mv "$shapes/next" "$shapes/fits"
		size=$((size * 2))
	done
	if [ -d "$shapes/fits" ]; then
		# The fuzzer lints one file at a time: two files of a many-file shape are enough.
		find "$shapes/fits" -type f -name "*.$language" | sort | head -n 2 | while read -r file; do
			cp "$file" "$corpus/shape-$name-$(basename "$file")"
		done
		rm -rf "$shapes/fits"
	fi
done
rm -rf "$shapes"
exec "$scratch/cancellint-fuzz-$language" "$corpus" -artifact_prefix=fuzz-out/crashes/ \
	-max_total_time="$seconds" -timeout=1 -max_len=65536 -rss_limit_mb=4096 -print_final_stats=1
