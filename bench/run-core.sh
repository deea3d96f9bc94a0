#!/bin/sh
# bench/run-core.sh — builds bench-core (optimized) and runs it.
# Usage: bench/run-core.sh [--quick] [bench-core options]; BUILD=dir to choose
# the build directory (default: build-bench next to the source).
set -e
src=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD:-$src/build-bench}
if [ ! -f "$build/build.ninja" ]; then
    meson setup "$build" "$src" --buildtype=release >/dev/null
fi
ninja -C "$build" bench/core/bench-core >/dev/null
exec "$build/bench/core/bench-core" "$@"
