package records

import (
	"io"
	"strings"
	"time"
)

// readLines reads timestamped lines: chat clients, IRC, syslog, application
// logs and shell history with timestamps. Lines without a time (stack
// traces, wrapped messages) are counted and skipped.
func readLines(r io.Reader, s *sink, res *resolver) error {
	var histAt time.Time // bash's "#1562074920" line dates the next command
	return s.scanLines(r, func(line string, n int) error {
		if isBashStamp(line) {
			histAt, _ = epoch(line[1:])
			return nil
		}
		if at, cmd, ok := zshHistory(line); ok {
			return s.offer(Event{At: at, Line: n}, func(e *Event) { e.Text = cleanText(cmd) })
		}
		if !histAt.IsZero() {
			at := histAt
			histAt = time.Time{}
			return s.offer(Event{At: at, Line: n}, func(e *Event) { e.Text = cleanText(line) })
		}
		st, rest, ok := leadStamp(line)
		if !ok {
			s.stats.Skipped++
			return nil
		}
		at, err := res.resolve(st)
		if err != nil {
			return s.failWith(n, err)
		}
		return s.offer(Event{At: at, Line: n}, func(e *Event) {
			who, text := splitWho(rest, st.syslogStyle || journalStyle(rest))
			e.Who, e.Text = cleanName(who), cleanText(text)
		})
	})
}

// isBashStamp is bash's HISTTIMEFORMAT line: "#" and ten digits.
func isBashStamp(l string) bool {
	if len(l) != 11 || l[0] != '#' {
		return false
	}
	_, ok := epoch(l[1:])
	return ok
}

func isZshHistory(l string) bool {
	_, _, ok := zshHistory(l)
	return ok
}

// zshHistory reads zsh's extended history: ": 1562074920:0;command".
func zshHistory(l string) (time.Time, string, bool) {
	if !strings.HasPrefix(l, ": ") || len(l) < 14 {
		return time.Time{}, "", false
	}
	at, ok := epoch(l[2:12])
	if !ok || l[12] != ':' {
		return time.Time{}, "", false
	}
	_, cmd, ok := strings.Cut(l[13:], ";")
	return at, cmd, ok
}

// levelWords are log levels, which are not people even when followed by a
// colon ("ERROR: disk full").
var levelWords = map[string]bool{
	"TRACE": true, "DEBUG": true, "INFO": true, "NOTICE": true, "WARN": true, "WARNING": true,
	"ERROR": true, "ERR": true, "FATAL": true, "CRITICAL": true, "CRIT": true, "ALERT": true, "EMERG": true,
}

// splitWho separates the speaker from what was said: "<ana> text" (IRC),
// "ana: text" (chat clients), "host prog[123]: text" (syslog: the program).
func splitWho(rest string, syslog bool) (who, text string) {
	if strings.HasPrefix(rest, "<") {
		if end := strings.IndexByte(rest, '>'); end > 1 && end <= 40 && !strings.ContainsAny(rest[1:end], " \t") {
			return strings.TrimLeft(rest[1:end], "@+%~&"), strings.TrimSpace(rest[end+1:])
		}
	}
	head, tail, ok := strings.Cut(rest, " ")
	if syslog && ok {
		// "host prog[123]: text" or "host prog: text"
		prog, msg, found := strings.Cut(tail, ": ")
		if found && !strings.Contains(prog, " ") && prog != "" {
			if i := strings.IndexByte(prog, '['); i > 0 {
				prog = prog[:i]
			}
			return prog, strings.TrimSpace(msg)
		}
		return "", rest
	}
	if ok && strings.HasSuffix(head, ":") && len(head) > 1 && len(head) <= 33 && isNameLike(head[:len(head)-1]) && !levelWords[strings.ToUpper(head[:len(head)-1])] {
		return head[:len(head)-1], strings.TrimSpace(tail)
	}
	return "", rest
}

func isNameLike(s string) bool {
	for _, r := range s {
		if !(r == '.' || r == '-' || r == '_' || r == '@' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r > 0x7f) {
			return false
		}
	}
	return true
}

// journalStyle spots "host prog[123]: text" after an ISO time, as
// journalctl -o short-iso and rsyslog's RFC 3339 format write it.
func journalStyle(rest string) bool {
	_, tail, ok := strings.Cut(rest, " ")
	if !ok {
		return false
	}
	prog, _, ok := strings.Cut(tail, ": ")
	open := strings.IndexByte(prog, '[')
	if !ok || open < 1 || !strings.HasSuffix(prog, "]") || strings.Contains(prog, " ") {
		return false
	}
	for _, c := range prog[open+1 : len(prog)-1] {
		if c < '0' || c > '9' {
			return false
		}
	}
	return len(prog) > open+2
}
