#!/bin/sh
# Installs the Debian 12 packages earnchart needs to build, test and run.
# Idempotent: installs only what is missing and runs `apt-get update` only
# when a package cannot be found or installed without it.  Run as root (or
# with sudo available).
set -eu

PACKAGES="build-essential cmake pkg-config libgsl-dev libcairo2-dev
libpango1.0-dev libcsv-dev libdeflate-dev libpng-dev fonts-dejavu-core
librsvg2-bin poppler-utils libxml2-utils python3 clang libclang-rt-14-dev
valgrind"

missing=""
for p in $PACKAGES; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null |
		grep -q 'install ok installed'; then
		missing="$missing $p"
	fi
done
if [ -z "$missing" ]; then
	echo "install-deps: all packages present"
	exit 0
fi

SUDO=""
if [ "$(id -u)" != 0 ]; then
	if command -v sudo >/dev/null 2>&1; then
		SUDO=sudo
	else
		echo "install-deps: missing:$missing; run as root" >&2
		exit 1
	fi
fi
export DEBIAN_FRONTEND=noninteractive
echo "install-deps: installing$missing"
# shellcheck disable=SC2086
if ! $SUDO apt-get install -y --no-install-recommends $missing; then
	# The package lists are missing or stale: refresh them once.
	$SUDO apt-get update
	# shellcheck disable=SC2086
	$SUDO apt-get install -y --no-install-recommends $missing
fi
