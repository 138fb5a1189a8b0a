#!/bin/sh
# README command 1: installs the packages, builds, and runs the main job on
# the bundled data (extract the documents in data/docs, analyse them with
# the reference series, draw the standard figures, write the report).
set -eu
cd "$(dirname "$0")/.."
sh scripts/install-deps.sh
sh scripts/build.sh
./build/earnchart report
