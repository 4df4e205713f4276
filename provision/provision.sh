#!/usr/bin/env bash
# Installs the Debian packages listed for a purpose, but only those missing; silent when none are.
#   provision/provision.sh runtime   -> provision/apt-runtime.txt  (what ./sandmle needs)
#   provision/provision.sh test      -> provision/apt-packages.txt (what ./run-tests needs)
# Exit codes: 0 all present (or installed), 2 bad usage, 3 packages missing and not installable here.
# SANDMLE_DPKG_QUERY and SANDMLE_APT_GET override the tools (tests use them); SANDMLE_UID overrides the uid.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
case "${1:-}" in
  runtime) list="$here/apt-runtime.txt" ;;
  test) list="$here/apt-packages.txt" ;;
  *) echo "usage: provision/provision.sh runtime|test" >&2; exit 2 ;;
esac
dpkg_query="${SANDMLE_DPKG_QUERY:-dpkg-query}"
apt_get="${SANDMLE_APT_GET:-apt-get}"
uid="${SANDMLE_UID:-$(id -u)}"

wanted=$(grep -v '^[[:space:]]*\(#\|$\)' "$list" | tr -d '[:blank:]')
if ! command -v "$dpkg_query" >/dev/null 2>&1; then
  echo "provision: this is not a Debian-like system (no dpkg-query); install by hand: $(echo $wanted)" >&2
  exit 3
fi
# One dpkg-query for the whole list keeps the no-op case cheap (./sandmle runs this on every start).
installed=" $("$dpkg_query" -W -f='${Package} ${Status}\n' $wanted 2>/dev/null | awk '/ install ok installed$/ {print $1}' | tr '\n' ' ' || true) "
missing=()
for package in $wanted; do
  [[ "$installed" == *" $package "* ]] || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if ! command -v "$apt_get" >/dev/null 2>&1; then
  echo "provision: apt-get is not available; install these packages by hand: ${missing[*]}" >&2
  exit 3
fi
if [ "$uid" != 0 ]; then
  echo "provision: missing packages need root; run: sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
  exit 3
fi
echo "provision: installing ${missing[*]}" >&2
log="$(mktemp "${TMPDIR:-/tmp}/sandmle-apt.XXXXXX")"
if ! { "$apt_get" update && DEBIAN_FRONTEND=noninteractive "$apt_get" install -y --no-install-recommends "${missing[@]}"; } >"$log" 2>&1; then
  echo "provision: apt-get could not install ${missing[*]}; see $log" >&2
  exit 3
fi
rm -f "$log"
