package main

import (
	"strings"

	"github.com/spf13/cobra"
)

// What each command's positional argument is, in words for someone who
// left it out: cobra's own "accepts 1 arg(s), received 0" does not say.
const (
	draftArg  = "a DRAFT: a draft name (see \"pmwiz list\"), or a path to a .json draft or a Markdown post-mortem"
	importArg = "a FILE.md: the Markdown post-mortem to turn into a draft"
	rmArg     = "at least one DRAFT: a draft name (see \"pmwiz list\") or a path to a .json draft"
)

// argsBetween accepts min to max arguments (max < 0: no limit) and, when
// the count is wrong, says what the command needs and how it is used.
func argsBetween(min, max int, what string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		usage := "Usage: " + strings.TrimSuffix(cmd.UseLine(), " [flags]")
		switch {
		case len(args) < min:
			return exitCode(2, "%s needs %s\n%s", cmd.CommandPath(), what, usage)
		case max >= 0 && len(args) > max:
			return exitCode(2, "%s takes %d argument(s), got %d (%s): quote a name with spaces, and put flags before or after it\n%s",
				cmd.CommandPath(), max, len(args), strings.Join(args, " "), usage)
		}
		return nil
	}
}
