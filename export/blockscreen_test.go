package export

import (
	"strings"
	"testing"
)

// RenderScreen's first lines are Render's for every edit; it reports
// deferred exactly when a changed block below them kept its old drawing,
// and a Render after it is the document's render.
func TestRenderScreenDrawsTheScreenRight(t *testing.T) {
	long := strings.Repeat("Every retry opened a new connection to the primary database.\n", 400)
	var tail strings.Builder
	for i := range 40 {
		tail.WriteString("## Event " + strings.Repeat("x", i%7) + "\n\nThe queue grew by a thousand.\n\n")
	}
	md := "# Outage\n\n" + long + "\n" + tail.String()
	edits := []struct {
		name     string
		edit     func(string) string
		deferred bool
	}{
		{"nothing", func(s string) string { return s }, false},
		{"the title", func(s string) string { return strings.Replace(s, "# Outage", "# The outage", 1) }, false},
		{"the long block's start", func(s string) string { return strings.Replace(s, "Every", "Nearly every", 1) }, true},
		{"a block far below", func(s string) string {
			return strings.Replace(s, "The queue grew by a thousand.\n\n## Event x", "It halved.\n\n## Event x", 1)
		}, true},
		{"a block added", func(s string) string { return s + "\n\nOne more paragraph.\n" }, false},
	}
	for _, style := range Styles {
		for _, e := range edits {
			br := newBlockRendererMust(t, style, 60)
			if _, err := br.Render(md); err != nil {
				t.Fatal(err)
			}
			edited := e.edit(md)
			screen, deferred, err := br.RenderScreen(edited, 30)
			if err != nil {
				t.Fatal(err)
			}
			if deferred != e.deferred {
				t.Errorf("%s, %s: deferred %v, want %v", style, e.name, deferred, e.deferred)
			}
			whole, err := newBlockRendererMust(t, style, 60).Render(edited)
			if err != nil {
				t.Fatal(err)
			}
			sl, wl := strings.Split(seen(screen), "\n"), strings.Split(seen(whole), "\n")
			for i := range 30 {
				if sl[i] != wl[i] {
					t.Errorf("%s, %s: line %d on screen %q, the render %q", style, e.name, i+1, sl[i], wl[i])
					break
				}
			}
			if !deferred && screen != whole {
				t.Errorf("%s, %s: nothing deferred, but not the whole render", style, e.name)
			}
			if again, _ := br.Render(edited); again != whole {
				t.Errorf("%s, %s: Render after RenderScreen is not the document's render", style, e.name)
			}
		}
	}
}
