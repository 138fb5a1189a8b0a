#!/bin/sh
# Configures and builds earnchart in ./build (extra arguments go to cmake).
# Idempotent: a second run only rebuilds what changed.
set -eu
cd "$(dirname "$0")/.."
cmake -S . -B build "$@"
jobs=$(nproc 2>/dev/null || echo 2)
cmake --build build -j "$jobs"
