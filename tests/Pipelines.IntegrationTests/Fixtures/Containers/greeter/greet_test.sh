#!/bin/sh
# two tests of greet.sh as JUnit XML on stdout; BREAK_TEST=1 makes greets_by_name fail; exit code = failures
failed=0
cases=""
check() {
  if [ "$2" = "$3" ]; then cases="$cases<testcase classname=\"greet\" name=\"$1\"/>"
  else cases="$cases<testcase classname=\"greet\" name=\"$1\"><failure message=\"expected $3, got $2\"/></testcase>"; failed=$((failed + 1)); fi
}
check greets_world "$(sh greet.sh)" "hello, world"
expected="hello, pipelines"; [ "${BREAK_TEST:-0}" = 1 ] && expected="goodbye, pipelines"
check greets_by_name "$(sh greet.sh pipelines)" "$expected"
echo "<testsuites><testsuite name=\"greet\" tests=\"2\" failures=\"$failed\">$cases</testsuite></testsuites>"
exit $failed
