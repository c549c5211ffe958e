#!/bin/sh
# Install the Debian packages a make target needs, when they are missing.
# Usage: scripts/deps.sh build|check|fuzz|bench
# As root it runs apt-get; otherwise it prints the exact apt-get line and fails.
set -eu
want="gcc make pkg-config libcsv-dev libsqlite3-dev zlib1g-dev libutf8proc-dev libxxhash-dev sqlite3"
case "${1:-build}" in
build|demo) ;;
check) want="$want libcriterion-dev chromium clang libclang-rt-14-dev" ;;
fuzz) want="$want clang libclang-rt-14-dev" ;;
bench) want="$want libcriterion-dev time" ;;
*) echo "deps.sh: unknown target '$1'" >&2; exit 2 ;;
esac
missing=""
for p in $want; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
		missing="$missing $p"
	fi
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
	echo "gvaudit: missing packages:$missing" >&2
	echo "gvaudit: run as root: apt-get update && apt-get install -y$missing" >&2
	exit 1
fi
echo "gvaudit: installing:$missing" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends $missing >/dev/null
