package export

import (
	"strings"
	"testing"
)

func TestListWideTables(t *testing.T) {
	md := "# T\n\n| Action | Owner | Due | Type | Status |\n| --- | --- | --- | --- | --- |\n" +
		"| Validate timeouts in the config pipeline | payments | 2026-12-15 | Prevent | Open |\n" +
		"| Page a \\| b | | 2027-01-10 | | Done |\n\n```text\n| not | a table |\n| --- | --- |\n```\n"
	got := ListWideTables(md, 60)
	for _, want := range []string{
		"- Validate timeouts in the config pipeline\n  - Owner: payments\n  - Due: 2026-12-15\n  - Type: Prevent\n  - Status: Open\n",
		"- Page a \\| b\n  - Due: 2027-01-10\n  - Status: Done\n",
		"```text\n| not | a table |\n| --- | --- |\n```", // code is left alone
	} {
		if !strings.Contains(got, want) {
			t.Errorf("lacks %q:\n%s", want, got)
		}
	}
	if wide := ListWideTables(md, 200); wide != md {
		t.Errorf("a table that fits was changed:\n%s", wide)
	}
	// Tables are remembered by text and width: asked again, the same.
	if again := ListWideTables(md, 60); again != got {
		t.Errorf("the second reading at 60 columns differs:\n%s", again)
	}
}

func FuzzListWideTables(f *testing.F) {
	f.Add("| a | b |\n| --- | --- |\n| 1 | 2 |\n", 3)
	f.Add("```\n| a |\n| --- |\n", 1)
	f.Fuzz(func(t *testing.T, md string, w int) {
		out := ListWideTables(md, w%300)
		if !strings.Contains(md, "|") && out != md {
			t.Fatal("text without a table changed")
		}
	})
}
