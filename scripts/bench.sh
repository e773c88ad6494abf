#!/bin/sh
# Benchmark: on the same trees, in one run, the `cat` floor, reading through the engine, lexing
# only, parsing, and the full lint with every rule — files, MB, seconds, MB/s and peak memory.
#
#   scripts/bench.sh /usr/share/go-1.19/src
#
# Every stage but `cat` goes through the linter's own engine (same file discovery: vendor/,
# testdata/, hidden folders and generated files skipped; same reading and parallelism), so the
# stages differ only in the work each adds. `lint` is the real `cancellint` binary, start-up included.
set -eu
if [ $# -eq 0 ]; then
	echo "usage: scripts/bench.sh DIR..." >&2
	exit 2
fi
cd "$(dirname "$0")/.."
swift build -c release --product cancellint >/dev/null
swift build -c release --product cancellint-bench >/dev/null
bin=$PWD/.build/release
cd "$OLDPWD"

# Runs a command under GNU time; prints its stage line with wall seconds and peak memory.
measure() {
	stage=$1
	shift
	timing=$(mktemp)
	output=$(/usr/bin/time -f '%e %M' -o "$timing" "$@" 2>/dev/null | tail -n 1) || true
	seconds=$(cut -d' ' -f1 "$timing")
	kilobytes=$(cut -d' ' -f2 "$timing")
	rm -f "$timing"
	echo "$output" | awk -v stage="$stage" -v seconds="$seconds" -v kb="$kilobytes" '{
		for (i = 1; i <= NF; i++) { split($i, kv, "="); value[kv[1]] = kv[2] }
		mb = value["bytes"] / 1000000
		printf "%-6s files=%d MB=%.1f seconds=%.2f MB/s=%.0f peak_MB=%.0f\n", stage, value["files"], mb, seconds, mb / (seconds > 0 ? seconds : 0.01), kb / 1024
	}'
	echo "$output" | grep -q 'syntax_errors=0' || echo "       ($output)"
}

# The floor: cat of the same files (found with the same skip rules; generated files included).
list=$(mktemp)
trap 'rm -f "$list"' EXIT
find "$@" \( -name testdata -o -name vendor -o -name node_modules -o -name '.?*' \) -prune -o -type f -name '*.go' -print0 >"$list"
count=$(tr -cd '\0' <"$list" | wc -c)
bytes=$(xargs -0 cat <"$list" | wc -c)
measure cat sh -c "xargs -0 cat <'$list' >/dev/null; echo files=$count bytes=$bytes syntax_errors=0"
read_line=$("$bin/cancellint-bench" --stage read "$@")
measure read "$bin/cancellint-bench" --stage read "$@"
measure lex "$bin/cancellint-bench" --stage lex "$@"
measure parse "$bin/cancellint-bench" --stage parse "$@"
# The real command, start-up and output included; files and bytes as the engine read them.
measure lint sh -c "'$bin/cancellint' --quiet $* >/dev/null; echo '$read_line' | sed 's/syntax_errors=[0-9]*/syntax_errors=0/'"
