#!/bin/sh
# Benchmark: on the same trees, in one run, the `cat` floor, reading through the engine, lexing
# only, parsing, and the full lint with every rule — files, MB, seconds, MB/s and peak memory.
#
#   scripts/bench.sh /usr/share/go-1.19/src
#   scripts/bench.sh --scaling [SHAPE...]
#
# --scaling: for every shape of Sources/ScalingShapes (or those named), lints the generated input
# at n, 2n, 4n and 8n with the real binary and prints CPU seconds (user + system) and peak
# memory; `ratio` is each time over the previous one (linear work doubles, quadratic
# quadruples). CANCELLINT=PATH measures another binary (an older build) on the same inputs;
# a run longer than SCALING_TIMEOUT seconds (default 300) is stopped and shown as `>N`, and the
# shape's larger sizes are skipped.
#
# Every stage but `cat` goes through the linter's own engine (same file discovery: vendor/,
# testdata/, hidden folders and generated files skipped; same reading and parallelism), so the
# stages differ only in the work each adds. `lint` is the real `cancellint` binary, start-up included.
set -eu
if [ $# -eq 0 ]; then
	echo "usage: scripts/bench.sh DIR... | scripts/bench.sh --scaling [SHAPE...]" >&2
	exit 2
fi
cd "$(dirname "$0")/.."
swift build -c release --product cancellint >/dev/null
swift build -c release --product cancellint-bench >/dev/null
bin=$PWD/.build/release
cd "$OLDPWD"

if [ "$1" = "--scaling" ]; then
	shift
	linter=${CANCELLINT:-$bin/cancellint}
	work=$(mktemp -d)
	trap 'rm -rf "$work"' EXIT
	printf '%-44s %8s %9s %8s %7s %8s\n' shape n KB cpu_s ratio peak_MB
	"$bin/cancellint-bench" --list-shapes | while IFS="$(printf '\t')" read -r name base arguments; do
		if [ $# -gt 0 ]; then
			case " $* " in *" $name "*) ;; *) continue ;; esac
		fi
		previous=""
		limit=${SCALING_TIMEOUT:-300}
		for factor in 1 2 4 8; do
			size=$((base * factor))
			rm -rf "$work/in"
			mkdir "$work/in"
			"$bin/cancellint-bench" --emit "$name" "$size" "$work/in"
			kilobytes=$(du -sk "$work/in" | cut -f1)
			# Word splitting of $arguments is intended: it holds the shape's options.
			# shellcheck disable=SC2086
			timed_out=0
			(cd "$work/in" && /usr/bin/time -f '%U %S %M' -o "$work/time" timeout "$limit" "$linter" --quiet --no-color $arguments . >/dev/null 2>&1) || [ $? -ne 124 ] || timed_out=1
			if [ "$timed_out" -eq 1 ]; then
				printf '%-44s %8d %9d %8s %7s %8s\n' "$name" "$size" "$kilobytes" ">$limit" - -
				break
			fi
			cpu=$(tail -n 1 "$work/time" | awk '{ printf "%.3f", $1 + $2 }')
			peak=$(tail -n 1 "$work/time" | awk '{ printf "%.0f", $3 / 1024 }')
			ratio=$(awk -v now="$cpu" -v before="$previous" 'BEGIN { if (before == "" || before == 0) print "-"; else printf "%.1f", now / before }')
			printf '%-44s %8d %9d %8s %7s %8s\n' "$name" "$size" "$kilobytes" "$cpu" "$ratio" "$peak"
			previous=$cpu
		done
	done
	exit 0
fi

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
