#!/bin/sh
# Black-box tests for wcount. Writes JUnit XML to $JUNIT (default: test-results/junit.xml)
# and exits with the number of failed cases (capped at 1).
set -u
WCOUNT=${WCOUNT:-bin/wcount}
JUNIT=${JUNIT:-test-results/junit.xml}
mkdir -p "$(dirname "$JUNIT")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cases="$work/cases.xml"
: > "$cases"
tests=0
failures=0

xml_escape() { sed -e 's/&/\&amp;/g' -e 's/</\&lt;/g' -e 's/>/\&gt;/g' -e 's/"/\&quot;/g'; }

# check NAME EXPECTED_STATUS EXPECTED_STDOUT -- COMMAND...   (stdin from $work/stdin if present)
check() {
    name=$1 want_status=$2 want_out=$3
    shift 4
    tests=$((tests + 1))
    if [ -f "$work/stdin" ]; then
        got_out=$("$@" < "$work/stdin" 2> "$work/stderr"); got_status=$?
    else
        got_out=$("$@" < /dev/null 2> "$work/stderr"); got_status=$?
    fi
    if [ "$got_status" = "$want_status" ] && [ "$got_out" = "$want_out" ]; then
        echo "ok   $name"
        printf '  <testcase classname="wcount" name="%s"/>\n' "$name" >> "$cases"
    else
        failures=$((failures + 1))
        echo "FAIL $name: status $got_status (want $want_status), output [$got_out] (want [$want_out])"
        msg=$(printf 'status %s (want %s)\ngot:  %s\nwant: %s\nstderr: %s' \
            "$got_status" "$want_status" "$got_out" "$want_out" "$(cat "$work/stderr")" | xml_escape)
        printf '  <testcase classname="wcount" name="%s">\n    <failure message="unexpected result">%s</failure>\n  </testcase>\n' \
            "$name" "$msg" >> "$cases"
    fi
    rm -f "$work/stdin"
}

printf 'one two three\nfour five\n' > "$work/a.txt"
printf 'no newline at end' > "$work/b.txt"
: > "$work/empty.txt"

check counts_lines_words_bytes 0 "      2       5      24 $work/a.txt" -- "$WCOUNT" "$work/a.txt"
check lines_only 0 "      2 $work/a.txt" -- "$WCOUNT" -l "$work/a.txt"
check combined_flags 0 "      5      24 $work/a.txt" -- "$WCOUNT" -wc "$work/a.txt"
check last_line_without_newline 0 "      0       4      17 $work/b.txt" -- "$WCOUNT" "$work/b.txt"
check empty_file 0 "      0       0       0 $work/empty.txt" -- "$WCOUNT" "$work/empty.txt"
check several_files_print_total 0 "$(printf '      2 %s\n      0 %s\n      2 total' "$work/a.txt" "$work/b.txt")" -- "$WCOUNT" -l "$work/a.txt" "$work/b.txt"
printf 'alpha  beta\tgamma\n\n' > "$work/stdin"
check reads_stdin 0 "      2       3      19" -- "$WCOUNT"
check missing_file_fails_but_counts_others 1 "$(printf '      2 %s\n      2 total' "$work/a.txt")" -- "$WCOUNT" -l "$work/a.txt" "$work/missing.txt"
check unknown_option_is_usage_error 2 "" -- "$WCOUNT" -x
check version 0 "wcount ${EXPECTED_VERSION:-dev}" -- "$WCOUNT" --version
# a 1 MiB input crosses the 64 KiB read buffer several times
head -c 1048576 /dev/zero | tr '\0' 'x' > "$work/big.txt"
check large_input_bytes 0 "1048576 $work/big.txt" -- "$WCOUNT" -c "$work/big.txt"

{
    echo '<?xml version="1.0" encoding="UTF-8"?>'
    echo "<testsuites><testsuite name=\"wcount\" tests=\"$tests\" failures=\"$failures\">"
    cat "$cases"
    echo '</testsuite></testsuites>'
} > "$JUNIT"
echo "$tests tests, $failures failures"
[ "$failures" -eq 0 ]
