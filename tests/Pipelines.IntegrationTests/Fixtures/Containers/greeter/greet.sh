#!/bin/sh
# prints a greeting for the name given (default: world)
echo "hello, ${1:-world}"
