#!/bin/sh
# Runs the browser tests of the HTML report and of the web service: installs Debian's chromium and
# chromedriver when missing, then opens a generated report in headless
# Chromium, clicks a citation, checks the highlighted passage and saves a
# screenshot under testout/.
#
# Usage: scripts/browser-test.sh   (from anywhere; needs apt-get when the
# browser is missing, so run as root or with sudo available)
set -eu

cd "$(dirname "$0")/.."

need=""
command -v chromium >/dev/null 2>&1 || need="$need chromium"
command -v chromedriver >/dev/null 2>&1 || need="$need chromium-driver"
if [ -n "$need" ]; then
	echo "browser-test: installing$need" >&2
	SUDO=""
	if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
	$SUDO apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $need fonts-dejavu-core >/dev/null
fi

mkdir -p testout
CORROBORATE_BROWSER=1 \
CHROMIUM="$(command -v chromium)" \
CHROMEDRIVER="$(command -v chromedriver)" \
CORROBORATE_TESTOUT="$(pwd)/testout" \
	go test -count=1 -run 'TestBrowser' -v ./report/html/ ./server/
echo "browser-test: screenshots in testout/ (report-citation.png, service-*.png)" >&2
