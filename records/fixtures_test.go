package records

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func mustZone(t testing.TB, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Skipf("time zone %s not available: %v", name, err)
	}
	return loc
}

func at(s string) *time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return &t
}

// readAll reads a fixture and shows each event as "UTC time|source|who|text".
func readAll(t *testing.T, path string, o Options, f *Filter) ([]string, Stats) {
	t.Helper()
	var got []string
	st, err := ReadPath(path, o, f, func(e Event) error {
		got = append(got, fmt.Sprintf("%s|%s|%s|%s", e.At.UTC().Format(time.RFC3339Nano), e.Source, e.Who, e.Text))
		return nil
	})
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return got, st
}

func TestFixtures(t *testing.T) {
	ny := mustZone(t, "America/New_York")
	berlin := mustZone(t, "Europe/Berlin")
	tests := []struct {
		file string
		o    Options
		f    *Filter
		want []string
	}{{
		// Clock-only chat times on the incident's day, across midnight and
		// the spring-forward gap (01:59 EST is followed by 03:05 EDT, six
		// minutes later).
		file: "chat.txt",
		o:    Options{Zone: ny, Day: at("2026-03-07T23:45:00-05:00")},
		want: []string{
			"2026-03-08T04:40:00Z|chat.txt|ana|checkout error rate is climbing, anyone deploying?",
			"2026-03-08T04:41:00Z|chat.txt|ben|yes, 4.12 went out at 23:30",
			"2026-03-08T04:58:00Z|chat.txt|ana|PagerDuty alert: checkout 5xx above 5%",
			"2026-03-08T05:05:00Z|chat.txt|ben|rolling back to 4.11",
			"2026-03-08T06:30:00Z|chat.txt|ana|rollback stuck on the db migration",
			"2026-03-08T06:59:00Z|chat.txt|ben|retrying the migration down-step",
			"2026-03-08T07:05:00Z|chat.txt|ana|rolled back, error rate falling",
			"2026-03-08T07:20:00Z|chat.txt|ben|all clear, back to normal",
		},
	}, {
		// Syslog has no year and no zone: the incident's year, Berlin
		// time, and the repeated hour when summer time ends (02:50 CEST,
		// then 02:10 CET) kept in order.
		file: "syslog.log",
		o:    Options{Zone: berlin, Day: at("2026-10-25T02:00:00+02:00")},
		want: []string{
			"2026-10-25T00:30:00Z|syslog.log|postgres|checkpoint taking longer than expected",
			"2026-10-25T00:50:00Z|syslog.log|kernel|nvme0: I/O timeout, resetting controller",
			"2026-10-25T01:10:00Z|syslog.log|postgres|FATAL: could not write to file",
			"2026-10-25T01:40:00Z|syslog.log|systemd|postgresql.service: restarted",
		},
	}, {
		// Zones as each line states them; none stated: the draft's zone.
		file: "app.jsonl",
		o:    Options{Zone: berlin},
		want: []string{
			"2026-11-23T13:42:00Z|app.jsonl|deployer|deploy 4.12 started",
			"2026-11-23T13:45:30Z|app.jsonl|api|ERROR checkout: upstream timeout",
			"2026-11-23T14:05:00Z|app.jsonl|alertmanager|alert fired: CheckoutErrors",
			"2026-11-23T13:50:00Z|app.jsonl|deployer|fix deployed red",
		},
	}, {
		file: "app.logfmt",
		o:    Options{Zone: time.UTC},
		want: []string{
			"2026-11-23T13:40:00Z|app.logfmt|gateway|config reload",
			"2026-11-23T13:44:10.25Z|app.logfmt|gateway|WARN p99 latency 2.3s",
			"2026-11-23T13:45:00Z|app.logfmt|gateway|ERROR circuit breaker \"payments\" open",
		},
	}, {
		file: "alerts.csv",
		o:    Options{Zone: time.UTC},
		want: []string{
			"2026-11-23T13:45:00Z|alerts.csv|checkout|Checkout error rate above 5% (triggered)",
			"2026-11-23T14:55:00Z|alerts.csv|checkout|Resolved, all clear",
		},
	}, {
		// Python logging, Go's log package and an ISO time with an offset
		// in one file; a traceback's lines have no time and are skipped.
		file: "python.log",
		o:    Options{Zone: ny},
		want: []string{
			"2026-11-23T18:42:01.123Z|python.log||INFO deploy: starting 4.12",
			"2026-11-23T18:46:09.5Z|python.log||ERROR checkout: NullPointerException in PriceService",
			"2026-11-23T19:02:00Z|python.log||reverted to 4.11",
			"2026-11-23T22:10:00Z|python.log|ops-bot|mitigated",
		},
	}, {
		file: "bash_history",
		want: []string{
			"2026-11-23T13:45:00Z|bash_history||kubectl rollout undo deploy/checkout",
			"2026-11-23T13:46:00Z|bash_history||kubectl get pods",
		},
	}, {
		file: "zsh_history",
		want: []string{
			"2026-11-23T13:45:00Z|zsh_history||kubectl rollout undo deploy/checkout",
			"2026-11-23T13:47:00Z|zsh_history||curl -s checkout/health",
		},
	}, {
		// A workspace export: joins and edit notices are not events, a
		// bot's alert is read from its attachment, names come from
		// users.json, a thread reply is marked, markup is resolved and an
		// escape sequence in a message is dropped. The window leaves out
		// the evening before. Days are read channel by channel (the caller
		// sorts).
		file: "slack",
		f:    &Filter{Since: at("2026-03-08T00:00:00Z")},
		want: []string{
			"2026-03-08T05:02:30.0002Z|#incident-checkout|PagerDuty|Triggered: Checkout 5xx > 5%",
			"2026-03-08T05:10:00.0003Z|#incident-checkout|ana|@Ben Ortiz are you deploying? see the status page",
			"2026-03-08T06:30:00.0004Z|#incident-checkout|Ben Ortiz|(in thread) yes, rolling back now & watching",
			"2026-03-08T07:00:00.0005Z|#incident-checkout|ana|resolved, all clear @here",
			"2026-03-08T07:01:00.0006Z|#incident-checkout|cara|shared a file: error rate graph",
			"2026-03-08T05:16:40.0001Z|#random|Ben Ortiz|lunch?",
		},
	}}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			got, _ := readAll(t, filepath.Join("testdata", tt.file), tt.o, tt.f)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("events:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}
