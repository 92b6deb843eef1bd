#!/usr/bin/env bash
# Runs what the README's "Use in CI" section tells teams to run: the GitHub
# Action's scoring step (scripts/action-score.sh, as action.yml calls it)
# and the pre-commit hook (.pre-commit-hooks.yaml), against a scratch
# repository with a good and a weak post-mortem. Called by .ci/run.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

fail() { echo "ci-integrations: $*" >&2; exit 1; }

mkdir -p "$tmp/bin"
(cd "$repo" && go build -o "$tmp/bin/pmwiz" ./cmd/pmwiz)
export PATH="$tmp/bin:$PATH"
export PMWIZ_DRAFTS_DIR="$tmp/drafts" XDG_CONFIG_HOME="$tmp/config"
git_id=(-c user.name=ci -c user.email=ci@example.com -c init.defaultBranch=main -c commit.gpgsign=false)

# A team repository: main has a README; the pull request adds two
# post-mortems, one complete (pmwiz's own export of the test draft), one weak.
git init -q --bare "$tmp/origin.git"
git "${git_id[@]}" clone -q "$tmp/origin.git" "$tmp/work" 2>/dev/null
cd "$tmp/work"
echo "# Team docs" >README.md
git add README.md && git "${git_id[@]}" commit -qm base && git push -q origin HEAD:main
git checkout -qb add-postmortems
mkdir -p postmortems
pmwiz export "$repo/cmd/pmwiz/testdata/complete.json" >postmortems/checkout.md
printf '# Cache outage\n\nThe cache went down. We fixed it.\n' >postmortems/cache.md
echo "more" >>README.md
git add -A && git "${git_id[@]}" commit -qm "add post-mortems"

echo "ci-integrations: the Action on a pull request with a weak post-mortem fails"
set +e
out=$(GITHUB_BASE_REF=main GITHUB_STEP_SUMMARY="$tmp/summary.md" PMWIZ_MIN=80 bash "$repo/scripts/action-score.sh")
code=$?
set -e
[ "$code" -eq 1 ] || fail "action on a weak post-mortem: exit $code, want 1: $out"
grep -q '^::error file=postmortems/cache.md,line=1,title=pmwiz score ' <<<"$out" || fail "no error annotation for the weak file: $out"
grep -q '^::notice file=postmortems/checkout.md,line=1,title=pmwiz score 97.5/100' <<<"$out" || fail "no notice for the good file: $out"
grep -q 'README.md' <<<"$out" && fail "the README is not a post-mortem, yet it was scored: $out"
grep -q 'postmortems/cache.md' "$tmp/summary.md" || fail "the step summary lacks the table"

echo "ci-integrations: the Action passes once the weak post-mortem is gone"
git rm -q postmortems/cache.md && git "${git_id[@]}" commit -qm "drop the weak one"
GITHUB_BASE_REF=main PMWIZ_MIN=80 bash "$repo/scripts/action-score.sh" >/dev/null || fail "action on a good post-mortem failed"

echo "ci-integrations: on a push, the Action scores what the last commit changed (nothing here)"
out=$(PMWIZ_MIN=80 bash "$repo/scripts/action-score.sh") || fail "push with no post-mortem changed: $out"
grep -q "nothing to score" <<<"$out" || fail "push: $out"

echo "ci-integrations: the Action with paths scores a folder"
out=$(PMWIZ_PATHS="postmortems/" PMWIZ_MIN=95 bash "$repo/scripts/action-score.sh") || fail "paths: $out"

echo "ci-integrations: the pre-commit hook's entry rejects a weak post-mortem"
entry=$(sed -n 's/^ *entry: *//p' "$repo/.pre-commit-hooks.yaml")
printf '# Cache outage\n\nThe cache went down. We fixed it.\n' >postmortems/cache.md
# shellcheck disable=SC2086 # the entry is words, as pre-commit splits it
if $entry postmortems/cache.md >/dev/null 2>&1; then fail "hook entry passed a weak post-mortem"; fi
# shellcheck disable=SC2086
$entry postmortems/checkout.md >/dev/null || fail "hook entry failed a good post-mortem"

if command -v pre-commit >/dev/null 2>&1; then
  echo "ci-integrations: pre-commit try-repo installs the hook from this repository and runs it"
  export GOMODCACHE="$(go env GOMODCACHE)" PRE_COMMIT_HOME="$tmp/pre-commit-home"
  git add postmortems/cache.md
  if pre-commit try-repo "$repo" pmwiz-score --files postmortems/cache.md >"$tmp/pc.log" 2>&1; then
    cat "$tmp/pc.log"; fail "pre-commit passed a weak post-mortem"
  fi
  grep -q "below --min 80" "$tmp/pc.log" || { cat "$tmp/pc.log"; fail "pre-commit did not run pmwiz score"; }
  pre-commit try-repo "$repo" pmwiz-score --files postmortems/checkout.md >"$tmp/pc.log" 2>&1 || { cat "$tmp/pc.log"; fail "pre-commit failed a good post-mortem"; }
else
  echo "ci-integrations: pre-commit is not installed; ran the hook's entry only"
fi
echo "ci-integrations: ok"
