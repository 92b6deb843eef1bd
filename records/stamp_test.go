package records

import (
	"fmt"
	"testing"
	"time"
)

func TestLeadStamp(t *testing.T) {
	tests := []struct {
		line string
		want string // kind y-m-d h:m:s.ns zone | rest; "" when not a time
	}{
		{"2019-07-02T13:42:00Z deploy", "dated 2019-07-02 13:42:00.000 UTC|deploy"},
		{"2019-07-02T13:42:00.5+02:00 x", "dated 2019-07-02 13:42:00.500 +0200|x"},
		{"2019-07-02 13:42:01,123 INFO x", "dated 2019-07-02 13:42:01.123 -|INFO x"},
		{"2019-07-02 13:42:01 -0700 x", "dated 2019-07-02 13:42:01.000 -0700|x"},
		{"2019-07-02 13:42:01 UTC x", "dated 2019-07-02 13:42:01.000 UTC|x"},
		{"2019/07/02 13:42:01 x", "dated 2019-07-02 13:42:01.000 -|x"},
		{"[2019-07-02 13:42] <ana> hi", "dated 2019-07-02 13:42:00.000 -|<ana> hi"},
		{"Jul  2 13:42:01 host sshd[1]: x", "syslog 0000-07-02 13:42:01.000 -|host sshd[1]: x"},
		{"Dec 31 23:59:59 h k: x", "syslog 0000-12-31 23:59:59.000 -|h k: x"},
		{"[13:26] <ana> hi", "clock 0000-00-00 13:26:00.000 -|<ana> hi"},
		{"13:26 ana: hi", "clock 0000-00-00 13:26:00.000 -|ana: hi"},
		{"[2:05 PM] ben: hi", "clock 0000-00-00 14:05:00.000 -|ben: hi"},
		{"[12:05 am] ben: hi", "clock 0000-00-00 00:05:00.000 -|ben: hi"},
		{"14:05 UTC paged", "clock 0000-00-00 14:05:00.000 UTC|paged"},
		{"14:05 +10 users affected", "clock 0000-00-00 14:05:00.000 -|+10 users affected"},
		{"13:26: hi", "clock 0000-00-00 13:26:00.000 -|hi"},
		{"13:26", "clock 0000-00-00 13:26:00.000 -|"},
		// Not times.
		{"24:00 late", ""},
		{"13:61 x", ""},
		{"13:26abc", ""},
		{"9:05 ana: hi", "clock 0000-00-00 09:05:00.000 -|ana: hi"},
		{"2019-13-02 13:42 x", ""},
		{"2019-07-02 x", ""},
		{"Foo  2 13:42:01 x", ""},
		{"[13:26 no bracket", ""},
		{"hello 13:26", ""},
		{"", ""},
	}
	for _, tt := range tests {
		st, rest, ok := leadStamp(tt.line)
		got := ""
		if ok {
			zone := "-"
			if st.zone != nil {
				zone = time.Date(2000, 1, 1, 0, 0, 0, 0, st.zone).Format("-0700")
				if st.zone == time.UTC {
					zone = "UTC"
				}
			}
			kind := map[stampKind]string{stampDated: "dated", stampSyslog: "syslog", stampClock: "clock"}[st.kind]
			got = fmt.Sprintf("%s %04d-%02d-%02d %02d:%02d:%02d.%03d %s|%s", kind, st.year, int(st.month), st.day, st.hour, st.min, st.sec, st.nsec/1e6, zone, rest)
		}
		if got != tt.want {
			t.Errorf("leadStamp(%q) = %q, want %q", tt.line, got, tt.want)
		}
	}
}

func TestEpoch(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{"1795441500", "2026-11-23T13:45:00Z"},
		{"1795441500.25", "2026-11-23T13:45:00.25Z"},
		{"1795441500250", "2026-11-23T13:45:00.25Z"},
		{"1795441500250000", "2026-11-23T13:45:00.25Z"},
		{"1795441500250000000", "2026-11-23T13:45:00.25Z"},
		{"8080", ""},
		{"17954415002", ""},
		{"-1795441500", ""},
		{"1795441500.", "2026-11-23T13:45:00Z"},
		{"", ""},
	}
	for _, tt := range tests {
		got := ""
		if t2, ok := epoch(tt.in); ok {
			got = t2.Format(time.RFC3339Nano)
		}
		if got != tt.want {
			t.Errorf("epoch(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestResolveClock: the first clock-only time is the occurrence nearest the
// incident's start; later ones follow in order across midnight.
func TestResolveClock(t *testing.T) {
	utc := time.UTC
	tests := []struct {
		name   string
		day    string
		clocks []string
		want   []string
	}{
		{"same day", "2026-11-23T14:00:00Z", []string{"13:50", "14:05"}, []string{"2026-11-23T13:50:00Z", "2026-11-23T14:05:00Z"}},
		{"evening before a start after midnight", "2026-11-24T00:10:00Z", []string{"23:50", "00:20"}, []string{"2026-11-23T23:50:00Z", "2026-11-24T00:20:00Z"}},
		{"after midnight from a start before it", "2026-11-23T23:55:00Z", []string{"00:05", "01:00"}, []string{"2026-11-24T00:05:00Z", "2026-11-24T01:00:00Z"}},
		{"a little out of order stays on the day", "2026-11-23T14:00:00Z", []string{"14:05", "14:03"}, []string{"2026-11-23T14:05:00Z", "2026-11-23T14:03:00Z"}},
		{"a long run over two midnights", "2026-11-23T20:00:00Z", []string{"20:00", "04:00", "12:00", "23:00", "01:00"}, []string{"2026-11-23T20:00:00Z", "2026-11-24T04:00:00Z", "2026-11-24T12:00:00Z", "2026-11-24T23:00:00Z", "2026-11-25T01:00:00Z"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := newResolver(Options{Zone: utc, Day: at(tt.day)})
			for i, c := range tt.clocks {
				st, _, ok := leadStamp(c)
				if !ok {
					t.Fatalf("%q not read", c)
				}
				got, err := r.resolve(st)
				if err != nil {
					t.Fatal(err)
				}
				if got.Format(time.RFC3339) != tt.want[i] {
					t.Errorf("%s = %s, want %s", c, got.Format(time.RFC3339), tt.want[i])
				}
			}
		})
	}
}

func TestResolveNoDay(t *testing.T) {
	for _, line := range []string{"13:26 ana: hi", "Jul  2 13:42:01 h p: x"} {
		st, _, _ := leadStamp(line)
		_, err := newResolver(Options{Zone: time.UTC}).resolve(st)
		if err == nil || !contains(err.Error(), "--day") {
			t.Errorf("%q without a day: %v, want advice to pass --day", line, err)
		}
	}
}

// TestSyslogYear: a log from late December read for an incident early in
// January is last year's.
func TestSyslogYear(t *testing.T) {
	st, _, _ := leadStamp("Dec 31 23:59:00 h k: x")
	got, err := newResolver(Options{Zone: time.UTC, Day: at("2027-01-01T00:10:00Z")}).resolve(st)
	if err != nil || got.Format(time.RFC3339) != "2026-12-31T23:59:00Z" {
		t.Errorf("got %v, %v", got, err)
	}
}

func contains(s, sub string) bool {
	return len(sub) == 0 || (len(s) >= len(sub) && indexOf(s, sub) >= 0)
}

func indexOf(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return i
		}
	}
	return -1
}

func TestSplitWho(t *testing.T) {
	tests := []struct {
		line, who, text string
	}{
		{"[13:26] <@ana> hi", "ana", "hi"},
		{"13:26 ana: hi there", "ana", "hi there"},
		{"13:26 ERROR: disk full", "", "ERROR: disk full"},
		{"13:26 see http://x: y", "", "see http://x: y"},
		{"Jul  2 13:42:01 db1 sshd[77]: accepted key", "sshd", "accepted key"},
		{"Jul  2 13:42:01 db1 kernel: oom", "kernel", "oom"},
		{"2026-11-23T14:05:00+0100 db1 checkout[811]: started", "checkout", "started"},
		{"2026-11-23T14:05:00+0100 deploy started on db1 by ana", "", "deploy started on db1 by ana"},
		{"2026-11-23 14:05:00 INFO checkout[web]: x", "", "INFO checkout[web]: x"},
	}
	for _, tt := range tests {
		st, rest, ok := leadStamp(tt.line)
		if !ok {
			t.Fatalf("%q not read", tt.line)
		}
		who, text := splitWho(rest, st.syslogStyle || journalStyle(rest))
		if who != tt.who || text != tt.text {
			t.Errorf("%q: who %q text %q, want %q %q", tt.line, who, text, tt.who, tt.text)
		}
	}
}
