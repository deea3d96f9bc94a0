#!/usr/bin/env bash
# quickstart.sh — sets up a Debian 12 machine for emu, builds it, and runs
# either the demo or the whole test suite. Idempotent; quiet when nothing
# is missing. Usage: ./quickstart.sh demo | test  (as root, or with the
# packages already installed).
set -euo pipefail

cd "$(dirname "$0")"
what=${1:-}
case "$what" in
demo|test) ;;
*) echo "usage: $0 demo|test" >&2; exit 1 ;;
esac

# Everything the build, the tests and the guest test programs need.
packages=(
  meson ninja-build pkg-config gcc libc6-dev python3 file
  libcapstone-dev libffi-dev zlib1g-dev libcmocka-dev
  gcc-arm-linux-gnueabi gcc-arm-linux-gnueabihf gcc-i686-linux-gnu
  gcc-mips-linux-gnu gcc-mipsel-linux-gnu gcc-powerpc-linux-gnu
  gcc-sparc64-linux-gnu
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' ||
    missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "quickstart: missing packages (run as root to install): ${missing[*]}" >&2
    exit 1
  fi
  echo "quickstart: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

build=${EMU_BUILD_DIR:-build}
if [ ! -f "$build/build.ninja" ]; then
  meson setup "$build" >/dev/null
fi
ninja -C "$build" >/dev/null

case "$what" in
demo)
  arm="$build/linux-user/arm/emu-arm"
  echo "== file tools/demo/hello-arm-static: $(file -b "$build/tools/demo/hello-arm-static" 2>/dev/null | cut -d, -f1-2)"
  echo "== emu-arm $build/tools/demo/hello-arm-static a b"
  "$arm" "$build/tools/demo/hello-arm-static" a b
  echo "== emu-arm -L /usr/arm-linux-gnueabi $build/tools/demo/hello-arm-dynamic (dynamically linked)"
  "$arm" -L /usr/arm-linux-gnueabi "$build/tools/demo/hello-arm-dynamic"
  echo "== the same on the interpreter backend (-accel interp)"
  "$arm" -accel interp "$build/tools/demo/hello-arm-static"
  echo "== the translator core on its own: a micro-op program on the JIT and the interpreter"
  "$build/tools/emu-ir-demo" | tail -n 4
  ;;
test)
  exec scripts/run-tests.sh "$build"
  ;;
esac
