package main

import (
	"fmt"
	"os"
	"os/exec"
	"strings"

	"github.com/spf13/cobra"
	"mvdan.cc/sh/v3/shell"
)

// pagerCommand is $PMWIZ_PAGER, else $PAGER, split the way a shell
// splits it ("less -R", "'/opt/My Pager/bin/pg' -x"); nil when neither is
// set, so preview uses its built-in pager.
func pagerCommand() ([]string, string, error) {
	for _, env := range []string{"PMWIZ_PAGER", "PAGER"} {
		v := strings.TrimSpace(os.Getenv(env))
		if v == "" {
			continue
		}
		argv, err := shell.Fields(v, os.Getenv)
		if err != nil {
			return nil, env, fmt.Errorf("$%s=%q cannot be read as a command: %v; quote it as you would in a shell", env, v, err)
		}
		if len(argv) > 0 {
			return argv, env, nil
		}
	}
	return nil, "", nil
}

// runPager pipes text into the pager, the terminal still its output. Like
// gh and git, it sets LESS=FRX (colour, quit if one screen) and LV=-c
// unless the user set them.
func runPager(cmd *cobra.Command, argv []string, env, text string) error {
	p := exec.CommandContext(cmd.Context(), argv[0], argv[1:]...)
	p.Stdin = strings.NewReader(text)
	p.Stdout = cmd.OutOrStdout()
	p.Stderr = cmd.ErrOrStderr()
	p.Env = os.Environ()
	if _, ok := os.LookupEnv("LESS"); !ok {
		p.Env = append(p.Env, "LESS=FRX")
	}
	if _, ok := os.LookupEnv("LV"); !ok {
		p.Env = append(p.Env, "LV=-c")
	}
	if err := p.Run(); err != nil {
		return exitCode(2, "the pager $%s (%s) failed: %v; unset it to use pmwiz's own pager", env, argv[0], err)
	}
	return nil
}
