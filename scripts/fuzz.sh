#!/usr/bin/env bash
# Runs every fuzz target of the module for a short time, one at a time.
#
# Usage: scripts/fuzz.sh [SECONDS [REGEXP]]
#   SECONDS per target (default 20); REGEXP (grep -E) keeps only the
#   targets whose "dir FuzzName" matches, e.g. 'extract|FuzzAccount'.
#
# The targets are found by looking for "func FuzzXxx(" in the module's
# _test.go files, so a new target is picked up without editing this
# script. Each runs as
#   go test ./PKG -run '^$' -fuzz '^FuzzXxx$' -fuzztime SECONDSs
# On a failure go writes the failing input under PKG/testdata/fuzz/FuzzXxx/;
# the script names the target and that file, goes on with the others, and
# exits 1 at the end. Commit the file: plain "go test ./PKG" then replays
# it as a regression test. A summary line per target gives its execs.
set -uo pipefail
cd "$(dirname "$0")/.."

secs=${1:-20}
only=${2:-}
case $secs in
'' | *[!0-9]*)
	echo "fuzz.sh: SECONDS must be a whole number, not '$secs'" >&2
	exit 2
	;;
esac

# "dir name" pairs, sorted, from every _test.go outside testdata,
# node_modules and hidden folders.
mapfile -t targets < <(
	find . \( -name testdata -o -name node_modules -o -name '.?*' \) -prune -o -name '*_test.go' -print0 |
		xargs -0 grep -H -o -E '^func Fuzz[A-Za-z0-9_]*\(' |
		sed -E 's#^\./##; s#^(.*)/[^/]*_test\.go:func (Fuzz[A-Za-z0-9_]*)\($#\1 \2#; s#^[^/ ]*_test\.go:func (Fuzz[A-Za-z0-9_]*)\($#. \1#' |
		sort -u |
		grep -E -- "${only:-.}"
)
if [ ${#targets[@]} -eq 0 ]; then
	echo "fuzz.sh: no fuzz targets found${only:+ matching '$only'}" >&2
	exit 1
fi
echo "fuzz.sh: ${#targets[@]} targets, ${secs}s each"

log=$(mktemp)
trap 'rm -f "$log"' EXIT
failed=0
summary=()
for t in "${targets[@]}"; do
	dir=${t% *}
	name=${t#* }
	pkg=./$dir
	[ "$dir" = . ] && pkg=.
	corpus=$dir/testdata/fuzz/$name
	before=$(ls "$corpus" 2>/dev/null | sort)
	echo "=== $pkg $name"
	start=$(date +%s)
	for try in 1 2; do
		# The outer timeout is a guard against a hung target (build included).
		timeout $((secs * 3 + 300)) go test "$pkg" -run '^$' -fuzz "^$name\$" -fuzztime "${secs}s" -fuzzminimizetime 5s >"$log" 2>&1
		rc=$?
		new=$(comm -13 <(echo "$before") <(ls "$corpus" 2>/dev/null | sort) | sed "s#^#$corpus/#")
		# Go 1.26's fuzz coordinator can fail a target at the end of
		# -fuzztime with a bare "context deadline exceeded" and no input
		# written (golang/go#75804, fixed in Go 1.27): no input failed, so
		# the target is run once more, and a second such end is a flake.
		flake=0
		if [ $rc -ne 0 ] && [ $rc -ne 124 ] && [ -z "$new" ] && grep -q '^    context deadline exceeded$' "$log"; then
			flake=1
		fi
		[ $flake -eq 1 ] && [ $try -eq 1 ] && echo "fuzz.sh: $pkg $name ended with Go's fuzz-deadline race (no failing input); running it again" >&2 && continue
		break
	done
	took=$(($(date +%s) - start))
	execs=$(grep -o -E 'execs: [0-9]+' "$log" | tail -1 | grep -o -E '[0-9]+')
	if [ $rc -eq 0 ] || [ $flake -eq 1 ]; then
		note=""
		[ $flake -eq 1 ] && note=" (twice ended by golang/go#75804 with no failing input)"
		summary+=("ok    $pkg $name: ${execs:-?} execs, ${took}s$note")
		tail -n 3 "$log"
		continue
	fi
	failed=1
	cat "$log"
	why="failed (exit $rc)"
	[ $rc -eq 124 ] && why="timed out after $((secs * 3 + 300))s"
	summary+=("FAIL  $pkg $name: $why after ${execs:-?} execs; crasher: ${new:-none written}")
	echo "fuzz.sh: $pkg $name $why" >&2
	for f in $new; do echo "fuzz.sh: failing input $f (replay: go test $pkg -run '^$name/')" >&2; done
done
echo
echo "fuzz.sh summary (${secs}s per target):"
printf '  %s\n' "${summary[@]}"
exit $failed
