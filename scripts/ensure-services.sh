#!/usr/bin/env bash
# Starts the machine's PostgreSQL (127.0.0.1:5432) and Redis (127.0.0.1:6379) when they
# are installed but stopped, and installs Debian's Chromium (/usr/bin/chromium, for the
# headless browser test of the HTML quality report) when it is missing and apt-get exists.
# Tests that need them fail, never skip, when they are absent.
set -u
if command -v pg_isready >/dev/null && ! pg_isready -q -h 127.0.0.1 -p 5432; then
  if command -v pg_ctlcluster >/dev/null && [ -d /etc/postgresql ]; then
    echo "starting PostgreSQL"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start || true
  fi
fi
if command -v redis-cli >/dev/null && ! redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
  if command -v redis-server >/dev/null; then
    echo "starting Redis"
    redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no || true
  fi
fi
if [ ! -x /usr/bin/chromium ] && command -v apt-get >/dev/null; then
  echo "installing Chromium (headless browser tests)"
  sudo=""
  if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null; then sudo="sudo"; fi
  $sudo apt-get update -qq || true
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium || true
fi
exit 0
