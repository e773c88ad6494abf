#!/bin/sh
# Runs the test suite under AddressSanitizer and under ThreadSanitizer, each in its own build
# folder (.build-asan, .build-tsan) so the normal build is untouched.
#
#   scripts/sanitize.sh [address|thread]...     default: both
#
# The 50 MB hostile-input test is slow under the sanitizers; set SANITIZE_FILTER to narrow the run.
set -eu
cd "$(dirname "$0")/.."
kinds=${*:-address thread}
status=0
# Tests with time budgets widen them under a sanitizer.
export CANCELLINT_SANITIZER=1
for kind in $kinds; do
	case "$kind" in
	address) scratch=.build-asan ;;
	thread) scratch=.build-tsan ;;
	*) echo "usage: scripts/sanitize.sh [address|thread]..." >&2; exit 2 ;;
	esac
	echo "== swift test --sanitize=$kind"
	if [ -n "${SANITIZE_FILTER:-}" ]; then
		swift test --scratch-path "$scratch" --sanitize="$kind" --filter "$SANITIZE_FILTER" || status=1
	else
		swift test --scratch-path "$scratch" --sanitize="$kind" || status=1
	fi
done
exit "$status"
