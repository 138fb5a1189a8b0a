#!/bin/sh
# README command 2: installs the packages, builds with warnings as errors
# and runs the whole test suite.  Exits non-zero on any failure.
set -eu
cd "$(dirname "$0")/.."
sh scripts/install-deps.sh
sh scripts/build.sh -DEC_WERROR=ON -DEC_SANITIZE=OFF
jobs=$(nproc 2>/dev/null || echo 2)
ctest --test-dir build --output-on-failure -j "$jobs"
