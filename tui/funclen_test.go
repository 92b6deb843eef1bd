package tui

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strings"
	"testing"
)

// maxFuncLines is the longest a function of the package may be: one a
// reader takes in at a glance. Longer ones are split into named steps.
const maxFuncLines = 60

// No function in the package (tests aside) is longer than maxFuncLines.
func TestNoFunctionIsLongerThanAScreen(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	checked := 0
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok {
				continue
			}
			checked++
			start, end := fset.Position(fd.Pos()).Line, fset.Position(fd.End()).Line
			if n := end - start + 1; n > maxFuncLines {
				t.Errorf("%s:%d: %s is %d lines, more than %d: split it into named steps", name, start, fd.Name.Name, n, maxFuncLines)
			}
		}
	}
	if checked < 100 {
		t.Fatalf("checked only %d functions: is the test in the package's folder?", checked)
	}
}
