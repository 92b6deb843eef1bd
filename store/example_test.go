package store_test

import (
	"fmt"
	"os"
	"time"

	"github.com/pmwiz/pmwiz/store"
)

// The wizard's side of autosave: lock the draft, feed every change to the
// autosaver, show its results, and flush on the way out, whatever the way.
func ExampleAutosaver() {
	dir, _ := os.MkdirTemp("", "pmwiz-example")
	defer os.RemoveAll(dir)
	s, _ := store.Open(dir)
	name, d, _ := s.Create("Checkout outage", time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC))

	lock, err := s.Lock(name)
	if err != nil {
		fmt.Println(err) // a *store.LockedError says who has it open
		return
	}
	defer lock.Unlock()

	a := store.NewAutosaver(s, name, store.AutosaveOptions{})
	// In the wizard: a tea.Cmd that waits on a.Results() and returns the
	// result as a message, re-armed after each one.
	go func() {
		for r := range a.Results() {
			_ = r // show "saved 09:14:03" or r.Err in the status line
		}
	}()

	d.Summary = "We shipped a config change that halved the connection pool."
	a.Changed(d) // on every keystroke; returns at once

	// On quit, SIGINT/SIGTERM/SIGHUP, or in a deferred recover:
	if err := a.Close(); err != nil {
		fmt.Println("not saved:", err)
	}
	l, _ := s.Load(name)
	fmt.Println(name)
	fmt.Println(l.Draft.Summary)
	// Output:
	// 2026-11-24-checkout-outage
	// We shipped a config change that halved the connection pool.
}
