#!/usr/bin/env bash
# tests/integration/fetch-debs.sh — fetches Debian packages of a foreign
# architecture (plus the shared libraries they need) into a cache and unpacks
# them into a sysroot for `emu-<arch> -L <sysroot>`.
#
# usage: fetch-debs.sh <debian-arch> <cache-dir> <pkg...>
#
# Layout:  <cache-dir>/debs/*.deb     the downloaded packages (kept)
#          <cache-dir>/sysroot/       every .deb unpacked with dpkg-deb -x
#          <cache-dir>/packages.txt   the resolved package list
#          <cache-dir>/.stamp         the request that the sysroot satisfies
# A second run with the same request touches neither apt nor the network.
# Dependencies: Depends and Pre-Depends are followed recursively within the
# architecture, keeping only shared-library packages (Debian names them lib*:
# libc6, libacl1, libpcre2-8-0 ...); tools such as dpkg or install-info that
# packages want only for their maintainer scripts are left out.
#
# Exit status: 0 ready, 77 cannot fetch here (no apt, no network, not root
# and the architecture is not enabled; the reason is printed), 1 other error.
set -euo pipefail

if [ $# -lt 3 ]; then
    echo "usage: $0 <debian-arch> <cache-dir> <pkg...>" >&2
    exit 1
fi
arch=$1
cache=$2
shift 2
mkdir -p "$cache"
cache=$(cd "$cache" && pwd)
debs=$cache/debs
sysroot=$cache/sysroot

skip() {
    echo "SKIP: cannot fetch $arch packages: $*" >&2
    exit 77
}

request="$arch $*"

# Serialise concurrent callers (meson runs several tests at once).
exec 9>"$cache/.lock"
flock 9

if [ -f "$cache/.stamp" ] && [ "$(cat "$cache/.stamp")" = "$request" ] &&
   [ -d "$sysroot" ]; then
    exit 0
fi

command -v apt-cache >/dev/null && command -v apt-get >/dev/null &&
    command -v dpkg-deb >/dev/null || skip "apt-get/apt-cache/dpkg-deb not found"

apt_q=(-q -o Debug::NoLocking=1)
known() {
    apt-cache "${apt_q[@]}" show "$1:$arch" >/dev/null 2>&1
}

# Make the architecture known to apt, only when the packages cannot be found.
if ! known "$1"; then
    native=$(dpkg --print-architecture 2>/dev/null || echo unknown)
    if [ "$arch" != "$native" ] &&
       ! dpkg --print-foreign-architectures | grep -qx "$arch"; then
        [ "$(id -u)" = 0 ] ||
            skip "architecture $arch not enabled (run as root: dpkg --add-architecture $arch && apt-get update)"
        dpkg --add-architecture "$arch"
    fi
    [ "$(id -u)" = 0 ] || skip "package $1:$arch unknown to apt and not root to run apt-get update"
    apt-get -qq update >/dev/null 2>&1 || skip "apt-get update failed (no network?)"
    known "$1" || skip "package $1:$arch not found after apt-get update"
fi

# Resolve the dependency closure breadth first, one apt-cache call a level.
declare -A seen=()
all=()
level=()
for p in "$@"; do
    if [ -z "${seen[$p]:-}" ]; then
        seen[$p]=1
        level+=("$p")
    fi
done
while [ ${#level[@]} -gt 0 ]; do
    all+=("${level[@]}")
    out=$(apt-cache "${apt_q[@]}" depends --no-recommends --no-suggests \
              --no-conflicts --no-breaks --no-replaces --no-enhances \
              "${level[@]/%/:$arch}" 2>/dev/null) ||
        skip "apt-cache depends failed for ${level[*]}"
    for p in "${level[@]}"; do
        grep -qx "$p:$arch" <<<"$out" || grep -qx "$p" <<<"$out" ||
            skip "package $p:$arch not found"
    done
    level=()
    for d in $(sed -n 's/^ *|\{0,1\}\(Pre\)\{0,1\}Depends: \([^ <>]*\).*/\2/p' <<<"$out"); do
        d=${d%:"$arch"}
        case $d in
        *:*) continue ;;          # another architecture (or :any)
        lib*) ;;
        *) continue ;;
        esac
        if [ -z "${seen[$d]:-}" ]; then
            seen[$d]=1
            level+=("$d")
        fi
    done
done

# Download what the cache does not hold yet.
mkdir -p "$debs"
missing=()
for p in "${all[@]}"; do
    if ! compgen -G "$debs/${p}_*_${arch}.deb" >/dev/null &&
       ! compgen -G "$debs/${p}_*_all.deb" >/dev/null; then
        missing+=("$p:$arch")
    fi
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "fetch-debs: downloading ${missing[*]}" >&2
    (cd "$debs" && apt-get -qq -o APT::Sandbox::User=root download \
         "${missing[@]}" >/dev/null) ||
        skip "apt-get download failed (no network?)"
fi

# Unpack into a fresh sysroot.
rm -rf "$sysroot.tmp"
mkdir -p "$sysroot.tmp"
for p in "${all[@]}"; do
    # The newest version when the cache holds several.
    f=$( (ls "$debs/${p}"_*_"${arch}".deb "$debs/${p}"_*_all.deb 2>/dev/null || true) |
        sort -V | tail -n 1)
    dpkg-deb -x "$f" "$sysroot.tmp"
done
rm -rf "$sysroot"
mv "$sysroot.tmp" "$sysroot"
printf '%s\n' "${all[@]}" >"$cache/packages.txt"
printf '%s' "$request" >"$cache/.stamp"
echo "fetch-debs: $arch sysroot ready in $sysroot (${#all[@]} packages)" >&2
