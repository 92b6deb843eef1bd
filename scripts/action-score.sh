#!/usr/bin/env bash
# The GitHub Action's scoring step (action.yml): score the post-mortems a
# pull request (or push) changes, or the paths given, with annotations and
# a step summary. .ci/run runs it too, against a scratch repository.
#
# Environment (set by action.yml from its inputs):
#   PMWIZ_MIN    minimum score for each post-mortem (0-100)
#   PMWIZ_PATHS  files, folders or globs to score instead of the changed files
#   PMWIZ_FILES  which changed files are post-mortems: git pathspecs, space-separated
#   GITHUB_BASE_REF, GITHUB_EVENT_NAME, GITHUB_STEP_SUMMARY (set by GitHub)
set -euo pipefail

min="${PMWIZ_MIN:-80}"
# Markdown under a postmortems/, post-mortems/ or incidents/ folder, at any depth.
default_files=':(glob)**/post*mortem*/**/*.md :(glob)**/post*mortem*/**/*.markdown :(glob)**/incidents/**/*.md'
files=()
if [ -n "${PMWIZ_PATHS:-}" ]; then
  read -r -a files <<<"$PMWIZ_PATHS"
else
  read -r -a pathspecs <<<"${PMWIZ_FILES:-$default_files}"
  if [ -n "${GITHUB_BASE_REF:-}" ]; then
    # A pull request: what it changes against the branch it merges into.
    git fetch --no-tags --quiet origin "$GITHUB_BASE_REF" 2>/dev/null || true
    range="origin/$GITHUB_BASE_REF...HEAD"
  else
    # A push: what the last commit changed.
    range="HEAD^..HEAD"
  fi
  while IFS= read -r -d '' f; do
    files+=("$f")
  done < <(git diff -z --name-only --diff-filter=ACMR "$range" -- "${pathspecs[@]}")
fi

if [ ${#files[@]} -eq 0 ]; then
  echo "pmwiz: no post-mortem changed (${PMWIZ_FILES:-$default_files}); nothing to score"
  exit 0
fi

status=0
pmwiz score --format github --min "$min" -- "${files[@]}" || status=$?
if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
  {
    echo "### pmwiz score (--min $min)"
    echo
    echo '```'
    pmwiz score --format table --min "$min" -- "${files[@]}" 2>&1 || true
    echo '```'
  } >>"$GITHUB_STEP_SUMMARY"
fi
exit "$status"
