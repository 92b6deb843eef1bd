package export

import (
	"strings"
	"testing"
	"time"
	"unicode"

	"mvdan.cc/sh/v3/syntax"

	"github.com/pmwiz/pmwiz/model"
)

// FuzzActionsGHScriptIsInert parses the gh script as a POSIX shell would
// and checks that every word is a plain literal (no expansion, command
// substitution or second command) equal to the value it stands for, and
// that every body arrives through a quoted here-document unchanged.
func FuzzActionsGHScriptIsInert(f *testing.F) {
	f.Add("Fix it'; rm -rf ~; echo '", "al\"ice $(id)", "line one\nPMWIZ_BODY\n`id`", "post mortem")
	f.Add("$((1+1)) ${HOME} \\ # x", "-o", "\t\r\x1b[31m", "")
	f.Fuzz(func(t *testing.T, what, owner, more, label string) {
		d := model.New("t", fixedTime)
		d.ActionItems = []model.ActionItem{{What: what + "\n" + more, Owner: owner}}
		var labels []string
		if strings.TrimSpace(label) != "" && !strings.Contains(label, ",") {
			labels = []string{label}
		}
		script := string(ActionsGHScript(d, labels))
		file, err := syntax.NewParser(syntax.Variant(syntax.LangPOSIX)).Parse(strings.NewReader(script), "issues.sh")
		if err != nil {
			t.Fatalf("the script does not parse: %v\n%s", err, script)
		}
		calls := 0
		for _, stmt := range file.Stmts {
			call, ok := stmt.Cmd.(*syntax.CallExpr)
			if !ok {
				t.Fatalf("unexpected statement %T in\n%s", stmt.Cmd, script)
			}
			if len(call.Args) > 0 && call.Args[0].Lit() == "set" {
				continue
			}
			calls++
			var argv []string
			for _, w := range call.Args {
				argv = append(argv, literal(t, w))
			}
			if argv[4] == "" {
				t.Errorf("an empty --title: %q", argv)
			}
			if argv[0] != "gh" || argv[1] != "issue" || argv[2] != "create" || argv[4] != shellWordValue(actionSummary(d.ActionItems[0])) {
				t.Errorf("argv %q", argv)
			}
			if len(stmt.Redirs) != 1 || stmt.Redirs[0].Op != syntax.DashHdoc && stmt.Redirs[0].Op != syntax.Hdoc {
				t.Fatalf("want one here-document, got %v", stmt.Redirs)
			}
			// A quoted here-document is literal through and through: its
			// text is the parser's, backslashes and all.
			var body strings.Builder
			for _, p := range stmt.Redirs[0].Hdoc.Parts {
				lit, ok := p.(*syntax.Lit)
				if !ok {
					t.Fatalf("an expansion in the body: %T", p)
				}
				body.WriteString(lit.Value)
			}
			if !strings.Contains(script, "<<'") {
				t.Fatal("the here-document's marker must be quoted")
			}
			if body.String() != actionDescription(d.ActionItems[0], d.Title) {
				t.Errorf("body changed on the way:\n%q\n%q", body.String(), actionDescription(d.ActionItems[0], d.Title))
			}
		}
		if want := len(OpenActions(d)); calls != want {
			t.Errorf("%d gh calls for %d open items\n%s", calls, want, script)
		}
	})
}

// literal is a word's value when it has no expansion at all.
func literal(t *testing.T, w *syntax.Word) string {
	t.Helper()
	if w == nil {
		return ""
	}
	var b strings.Builder
	for _, p := range w.Parts {
		switch x := p.(type) {
		case *syntax.Lit:
			// An unquoted backslash keeps the next character literal.
			v := x.Value
			for i := 0; i < len(v); i++ {
				if v[i] == '\\' && i+1 < len(v) {
					i++
				}
				b.WriteByte(v[i])
			}
		case *syntax.SglQuoted:
			if x.Dollar {
				t.Fatalf("$'…' is not POSIX")
			}
			b.WriteString(x.Value)
		case *syntax.DblQuoted:
			for _, q := range x.Parts {
				lit, ok := q.(*syntax.Lit)
				if !ok {
					t.Fatalf("an expansion inside double quotes: %T", q)
				}
				b.WriteString(lit.Value)
			}
		default:
			t.Fatalf("a word with an expansion: %T", p)
		}
	}
	return b.String()
}

// shellWordValue is what shellWord's quoted form stands for.
func shellWordValue(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\uFFFD':
			return '?'
		case r != ' ' && !unicode.IsPrint(r):
			return ' '
		}
		return r
	}, model.SafeLine(s))
}

var fixedTime = time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)
