#!/bin/sh
# two tiny tests of greet.sh; BREAK_TEST=1 makes the second one fail on purpose
failed=0
check() { if [ "$2" = "$3" ]; then echo "PASS $1"; else echo "FAIL $1: expected '$3', got '$2'"; failed=1; fi; }
check greets_world "$(sh greet.sh)" "hello, world"
expected="hello, pipelines"; [ "${BREAK_TEST:-0}" = 1 ] && expected="goodbye, pipelines"
check greets_by_name "$(sh greet.sh pipelines)" "$expected"
exit $failed
