#!/usr/bin/env bash
# End-to-end test of the wizard, driven in tmux as a person would:
# start a new post-mortem, type into several steps, watch the score move on
# screen, quit, resume, find the text again, and check the draft's JSON.
#
#   scripts/e2e-tmux.sh PATH/TO/pmwiz
#
# Keys are sent only after the screen shows what they act on (keys sent
# before the first frame are lost), and Enter/Tab are sent on their own.
set -euo pipefail

bin=${1:?usage: scripts/e2e-tmux.sh PATH/TO/pmwiz}
command -v tmux >/dev/null || { echo "e2e: tmux is not installed" >&2; exit 77; }

work=$(mktemp -d)
sock="$work/tmux.sock"
drafts="$work/drafts"
sess=pmwiz-e2e
t() { tmux -S "$sock" "$@"; }
cleanup() { t kill-server 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

# A tmux server exits when its last session ends, and exits asynchronously:
# a new-session sent in that window reaches a dying server and fails with
# "server exited unexpectedly". That was the flake. A holder session keeps
# this private server alive from the first start to cleanup, so killing the
# pmwiz session (to restart it, or to send SIGHUP) never empties it.
t new-session -d -s holder -x 20 -y 5 "sleep 3600"

fail() {
	echo "e2e: FAIL: $*" >&2
	echo "----- screen -----" >&2
	t capture-pane -p -t "$sess" >&2 || true
	exit 1
}

screen() { t capture-pane -p -t "$sess"; }

# wait_for TEXT: poll the screen until it shows TEXT (10 s).
wait_for() {
	local i
	for i in $(seq 1 200); do
		if screen | grep -qF -- "$1"; then return 0; fi
		sleep 0.05
	done
	fail "screen never showed: $1"
}

# wait_gone TEXT: poll the screen until it no longer shows TEXT (10 s).
wait_gone() {
	local i
	for i in $(seq 1 200); do
		if ! screen | grep -qF -- "$1"; then return 0; fi
		sleep 0.05
	done
	fail "screen still shows: $1"
}

# heading: the form's step heading on screen ("8. Technologies"), its
# words one space apart (the score panel stands further away).
heading() { screen | grep -oE '\b[0-9]+\. [A-Z][A-Za-z&]*( [A-Za-z&]+)*' | head -1 | sed 's/^[0-9]*\. //'; }

# go_step NAME KEY: press KEY (PgDn or PgUp) until the form shows the step
# NAME, whatever its number: steps are named, never counted, so a step
# added elsewhere does not break this script.
go_step() {
	local i j h
	for i in $(seq 1 20); do
		h=$(heading)
		[ "$h" = "$1" ] && return 0
		keys "$2"
		for j in $(seq 1 200); do
			[ "$(heading)" != "$h" ] && break
			sleep 0.05
		done
	done
	fail "never reached the step: $1"
}
# wait_heading NAME: poll until the form shows the step NAME (10 s).
wait_heading() {
	local i
	for i in $(seq 1 200); do
		[ "$(heading)" = "$1" ] && return 0
		sleep 0.05
	done
	fail "screen never showed the step: $1"
}
next_step() { go_step "$1" PgDn; }
prev_step() { go_step "$1" PgUp; }

# score: the number before /100 in the score panel.
score() { screen | grep -o 'Score [0-9.]*/100' | head -1 | sed 's/Score \([0-9.]*\)\/100/\1/'; }

# wait_score_above N: the score on screen rises above N.
wait_score_above() {
	local i s
	for i in $(seq 1 200); do
		s=$(score)
		if [ -n "$s" ] && awk -v a="$s" -v b="$1" 'BEGIN{exit !(a>b)}'; then echo "$s"; return 0; fi
		sleep 0.05
	done
	fail "the score stayed at $(score), expected it above $1"
}

# A stand-in for $EDITOR: adds a line to the file it is given.
cat >"$work/editor.sh" <<'ED'
#!/bin/sh
printf '\nAdded in the editor.' >>"$1"
ED
chmod +x "$work/editor.sh"

start() { # start CMD...: run pmwiz in a fresh 100x30 session
	t kill-session -t "$sess" 2>/dev/null || true
	t new-session -d -s "$sess" -x 100 -y 30 \
		"env PMWIZ_DRAFTS_DIR='$drafts' EDITOR='$work/editor.sh' VISUAL= TZ=UTC NO_COLOR= TERM=xterm-256color $* ; echo EXIT=\$?; sleep 60"
}

keys() { t send-keys -t "$sess" "$@"; }
typ() { t send-keys -t "$sess" -l "$1"; }

# 1. A new post-mortem: the wizard opens on Basics with the title in it.
start "$bin" new --title "'Checkout outage'"
wait_heading "Basics"
wait_for "Checkout outage"
s0=$(score)
[ -n "$s0" ] || fail "no score on screen"
echo "e2e: opened, score $s0"

# 2. Summary: the score rises while typing, before leaving the field.
next_step "Summary"
summary="We broke checkout for 47 minutes: our config push set the payment timeout to 0 ms and every card payment failed."
typ "$summary"
wait_for "every card payment failed."
s1=$(wait_score_above "$s0")
echo "e2e: summary typed, score $s0 -> $s1"
# ctrl+e hands the field to $EDITOR and brings the text back.
keys C-e
wait_for "Added in the editor."
echo "e2e: ctrl+e round trip through \$EDITOR"

# 3. Timeline: start, detected, mitigated, end; a bad time shows an error
#    and keeps the text.
next_step "Timeline"
keys Tab
wait_for "› Started"
typ "2026-11-23 14:05"
keys Tab
typ "14:2x"
wait_for '"14:2x" is not a time'
keys BSpace
typ "0"
keys Tab
typ "14:40"
keys Tab
typ "14:52"
wait_for "14:52"
s2=$(wait_score_above "$s1")
echo "e2e: timeline typed, score $s1 -> $s2"

# 4. Impact, two fields.
next_step "Impact"
typ "Every customer paying by card in the EU"
keys Tab
typ "They could not pay; checkout said payment declined"
wait_for "checkout said"

# 5. Technologies: add an entry on the list.
next_step "Root cause"
next_step "Five Whys"
next_step "Lessons & actions"
next_step "Technologies"
keys Enter
wait_for "Technology 1"
typ "Envoy"
wait_for "Envoy"

# 6. Quit while a field holds text pmwiz cannot store: the quit stops,
#    shows the field and says what to do; fixing it lets the quit through.
prev_step "Lessons & actions"
prev_step "Five Whys"
prev_step "Root cause"
prev_step "Impact"
prev_step "Timeline"
wait_for "› Time zone"
typ "Mars/Olympus"
wait_for 'unknown time zone "Mars/Olympus"'
next_step "Impact"
next_step "Root cause"
next_step "Five Whys"
next_step "Lessons & actions"
next_step "Technologies"
keys C-c
wait_for "cannot store"
wait_heading "Timeline"
screen | grep -qF "Time zone" || fail "the quit did not show the field holding the text"
keys C-u
wait_gone "Mars/Olympus"

# 7. Quit: saved, with the path and the command to resume.
sq=$(score)
keys C-c
wait_for "EXIT=0"
# Poll for each line rather than trusting one capture: under load a single
# capture-pane can come back before tmux has the whole screen.
wait_for "Saved: $drafts/"
wait_for "Resume it with: pmwiz resume "
out=$(screen)
name=$(echo "$out" | sed -n 's/.*Resume it with: pmwiz resume \(.*\)$/\1/p' | head -1)
[ -n "$name" ] || fail "no resume command printed"
file="$drafts/$name.json"
[ -f "$file" ] || fail "no draft file $file"
echo "e2e: quit, draft $file"

# 8. The JSON holds what was typed.
grep -qF "\"summary\": \"$summary\\nAdded in the editor.\"" "$file" || fail "summary not in the JSON"
grep -qF '"start": "2026-11-23T14:05:00Z"' "$file" || fail "start time not in the JSON"
grep -qF '"detected": "2026-11-23T14:20:00Z"' "$file" || fail "fixed detection time not in the JSON"
grep -qF '"end": "2026-11-23T14:52:00Z"' "$file" || fail "end time not in the JSON"
grep -qF '"who": "Every customer paying by card in the EU"' "$file" || fail "impact not in the JSON"
grep -qF '"Envoy"' "$file" || fail "technology not in the JSON"
[ "$(stat -c %a "$file")" = 600 ] || fail "draft is not mode 0600"

grep -qF '"resume_at": "timeline.timezone"' "$file" || fail "the draft does not say where the writer left off"

# 9. Resume: it opens where the writer left off (Timeline › Time zone),
#    the text is there, the score is where it was.
start "$bin" resume "$name"
wait_heading "Timeline"
wait_for "› Time zone"
wait_for "Score $sq/100"
wait_for "2026-11-23 14:52"
prev_step "Summary"
wait_for "every card payment failed."
keys C-c
wait_for "EXIT=0"
echo "e2e: resumed and found the text"

# wait_file TEXT: the draft file comes to hold TEXT (5 s).
wait_file() {
	local i
	for i in $(seq 1 100); do
		if grep -qF -- "$1" "$file"; then return 0; fi
		sleep 0.05
	done
	fail "the draft never got: $1"
}

# 10. A dropped SSH session (SIGHUP) right after typing: the text is saved.
start "$bin" resume "$name"
wait_heading "Summary"
wait_for "every card payment failed."
keys End
typ " Hung up."
wait_for "Hung"
#     And text pmwiz cannot store yet (a bad time) is kept in the draft.
next_step "Timeline"
keys Tab
keys Tab
keys Tab
wait_for "› Mitigated"
keys C-u
typ "half past two"
wait_for '"half past two" is not a time'
t kill-session -t "$sess"
wait_file 'Hung up.'
wait_file '"timeline.mitigated": "half past two"'
echo "e2e: SIGHUP saved the last keystrokes, and the time pmwiz could not read"

# 10b. Resume: the text is back in its field; fixing it stores the time.
start "$bin" resume "$name"
wait_for "Timeline › Mitigated still holds text pmwiz could not store"
wait_heading "Timeline"
wait_for "half past two"
wait_for '"half past two" is not a time'
wait_for "› Mitigated"
keys C-u
typ "14:41"
wait_for "14:41"
keys C-c
wait_for "EXIT=0"
grep -qF '"mitigated": "2026-11-23T14:41:00Z"' "$file" || fail "the fixed mitigation time is not in the JSON"
! grep -qF '"pending"' "$file" || fail "the fixed text is still pending in the JSON"
echo "e2e: resumed, found the text in its field, fixed it"

# 11. Accessible mode asks line prompts and saves each answer, even when
#     the session is dropped mid-way.
start "$bin" resume "$name" --accessible
wait_for ": Basics"
wait_for "Title (now: Checkout outage):"
typ "Checkout outage in the EU"
keys Enter
wait_for "Severity"
t kill-session -t "$sess"
wait_file '"title": "Checkout outage in the EU"'
echo "e2e: accessible mode saved the answer; OK"
