#!/usr/bin/env bash
# The ctrl+e round trip through $EDITOR, many times over, in tmux: the
# wizard must paint again after every editor that returns at once.
#
#   scripts/editor-tmux.sh PATH/TO/pmwiz [ROUNDS] [DUMPDIR]
#
# Each round presses ctrl+e on the Summary field; a stand-in editor writes
# "Edit N." into the file and exits at once, and the round passes when the
# screen shows "Edit N.". A round that never shows it (10 s) is a hang:
# the script sends SIGQUIT to pmwiz (GOTRACEBACK=all, stderr kept in
# DUMPDIR/hang-K.txt when DUMPDIR is given), counts it and starts a fresh
# wizard. It prints "hangs H of R rounds" and exits 1 if H > 0.
set -euo pipefail

bin=${1:?usage: scripts/editor-tmux.sh PATH/TO/pmwiz [ROUNDS] [DUMPDIR]}
rounds=${2:-20}
dumps=${3:-}
command -v tmux >/dev/null || { echo "editor-tmux: tmux is not installed" >&2; exit 77; }

work=$(mktemp -d)
sock="$work/tmux.sock"
sess=pmwiz-editor
t() { tmux -S "$sock" "$@"; }
# pmwiz saves its draft as the server goes: wait for it (5 s) before removing the files.
cleanup() {
	local i
	t kill-server 2>/dev/null || true
	for i in $(seq 1 100); do
		[ -f "$work/pid" ] && kill -0 "$(cat "$work/pid")" 2>/dev/null || break
		sleep 0.05
	done
	rm -rf "$work"
}
trap cleanup EXIT

# A holder session keeps the private server alive across restarts.
t new-session -d -s holder -x 20 -y 5 "sleep 3600"

screen() { t capture-pane -p -t "$sess" 2>/dev/null || true; }

# wait_for TEXT: poll the screen until it shows TEXT; 1 if it never does (10 s).
wait_for() {
	local i
	for i in $(seq 1 200); do
		if screen | grep -qF -- "$1"; then return 0; fi
		sleep 0.05
	done
	return 1
}

# The stand-in editor: replaces the text with "Edit N." (N counts its runs)
# and exits at once, as a scripted $EDITOR or a fast `ed` would.
cat >"$work/editor.sh" <<ED
#!/bin/sh
n=\$(cat "$work/count" 2>/dev/null || echo 0)
n=\$((n + 1))
echo "\$n" >"$work/count"
printf 'Edit %s.' "\$n" >"\$1"
ED
chmod +x "$work/editor.sh"

stderr_file=/dev/null
start() {
	t kill-session -t "$sess" 2>/dev/null || true
	rm -f "$work/pid"
	t new-session -d -s "$sess" -x 100 -y 30 \
		"sh -c 'echo \$\$ >\"$work/pid\"; exec env PMWIZ_DRAFTS_DIR=\"$work/drafts\" EDITOR=\"$work/editor.sh\" VISUAL= TZ=UTC NO_COLOR= TERM=xterm-256color GOTRACEBACK=all \"$bin\" new --title Editor-loop 2>\"$stderr_file\"'; sleep 600"
	wait_for "1. Basics" || { echo "editor-tmux: the wizard never opened" >&2; screen >&2; exit 1; }
	t send-keys -t "$sess" PgDn
	wait_for ". Summary" || { echo "editor-tmux: no Summary step" >&2; screen >&2; exit 1; }
}

hangs=0
if [ -n "$dumps" ]; then mkdir -p "$dumps"; stderr_file="$dumps/hang-1.txt"; fi
start
for r in $(seq 1 "$rounds"); do
	n=$(($(cat "$work/count" 2>/dev/null || echo 0) + 1))
	t send-keys -t "$sess" C-e
	if wait_for "Edit $n."; then continue; fi
	hangs=$((hangs + 1))
	echo "editor-tmux: round $r: the screen never came back after the editor (count $(cat "$work/count" 2>/dev/null))" >&2
	if [ -f "$work/pid" ]; then
		kill -QUIT "$(cat "$work/pid")" 2>/dev/null || true
		sleep 1
	fi
	if [ -n "$dumps" ]; then
		screen >"$dumps/screen-$hangs.txt"
		stderr_file="$dumps/hang-$((hangs + 1)).txt"
	fi
	start
done
echo "editor-tmux: hangs $hangs of $rounds rounds"
[ "$hangs" -eq 0 ]
