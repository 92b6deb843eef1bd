// Command hellotea is bubbletea's hello world: the baseline the
// performance scripts compare pmwiz's first frame with.
package main

import (
	"fmt"
	"os"

	tea "charm.land/bubbletea/v2"
)

type hello struct{}

func (hello) Init() tea.Cmd { return nil }

func (h hello) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if _, ok := msg.(tea.KeyPressMsg); ok {
		return h, tea.Quit
	}
	return h, nil
}

func (hello) View() tea.View { return tea.NewView("Hello, world. Press any key.") }

func main() {
	if _, err := tea.NewProgram(hello{}).Run(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
