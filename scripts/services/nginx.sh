#!/usr/bin/env bash
# nginx (Debian package) for tests/test_nginx.py. Idempotent: nothing to do when it is installed.
# The tests start their own nginx on a loopback port with a config in a temporary folder;
# the system service is not needed, so it is not started (and stopped if the package starts it).
set -euo pipefail
if command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ]; then
  echo "nginx present: $(/usr/sbin/nginx -v 2>&1 || nginx -v 2>&1)"
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq --no-install-recommends nginx >/dev/null
# The packaged service is not needed: stop it if the install started it.
(command -v service >/dev/null 2>&1 && service nginx stop >/dev/null 2>&1) || true
echo "nginx installed: $(/usr/sbin/nginx -v 2>&1)"
