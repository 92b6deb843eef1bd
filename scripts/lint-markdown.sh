#!/usr/bin/env bash
# Lint every golden export with markdownlint (npm markdownlint-cli): the
# default rules, except MD013 (line length), which would force us to wrap
# paragraphs people write on one line. Config: export/testdata/.markdownlint.json.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v markdownlint >/dev/null 2>&1; then
  echo "lint-markdown: markdownlint not found; install it with: npm install -g markdownlint-cli@0.50.0" >&2
  exit 2
fi

shopt -s nullglob
files=(export/testdata/*.golden export/testdata/*/*.golden)
if [ ${#files[@]} -eq 0 ]; then
  echo "lint-markdown: no golden exports found under export/testdata" >&2
  exit 1
fi
# Golden files of rendered terminal output (glamour, the preview) are not
# Markdown; they live under directories named *Render* / *Preview* / *Pager*.
md=()
for f in "${files[@]}"; do
  case "$f" in
    *Render*|*Preview*|*Pager*) ;;
    *) md+=("$f") ;;
  esac
done
markdownlint --config export/testdata/.markdownlint.json "${md[@]}"
echo "lint-markdown: ${#md[@]} golden exports are clean"
