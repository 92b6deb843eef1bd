package records

import (
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"
)

// A Slack export is a directory: users.json and channels.json at the top,
// and one folder per channel of YYYY-MM-DD.json files, each a JSON array of
// messages with an epoch "ts". pmwiz reads a whole export, one channel's
// folder, or one day's file.

// maxSlackFile bounds one day file (and users.json): a busy channel's day
// is a few megabytes.
const maxSlackFile = 256 << 20

// maxUsersFile bounds users.json, read whole: a workspace of ten thousand
// people writes about 30 MB.
const maxUsersFile = 64 << 20

var dayFile = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}\.json$`)

// slackNoise are message subtypes that are not events: people joining,
// topic changes, pins, and edit or delete notices (the export already
// holds each message's final text).
var slackNoise = map[string]bool{
	"channel_join": true, "channel_leave": true, "channel_topic": true, "channel_purpose": true,
	"channel_name": true, "channel_archive": true, "channel_unarchive": true, "group_join": true,
	"group_leave": true, "group_topic": true, "group_purpose": true, "pinned_item": true,
	"unpinned_item": true, "bot_add": true, "bot_remove": true, "reminder_add": true,
	"message_changed": true, "message_deleted": true, "tombstone": true, "channel_convert_to_private": true,
}

type slackMessage struct {
	Type        string `json:"type"`
	Subtype     string `json:"subtype"`
	User        string `json:"user"`
	Username    string `json:"username"`
	BotID       string `json:"bot_id"`
	Text        string `json:"text"`
	Ts          string `json:"ts"`
	ThreadTs    string `json:"thread_ts"`
	UserProfile *struct {
		DisplayName string `json:"display_name"`
		RealName    string `json:"real_name"`
	} `json:"user_profile"`
	BotProfile *struct {
		Name string `json:"name"`
	} `json:"bot_profile"`
	Attachments []struct {
		Fallback string `json:"fallback"`
		Title    string `json:"title"`
		Text     string `json:"text"`
	} `json:"attachments"`
	Files []struct {
		Name  string `json:"name"`
		Title string `json:"title"`
	} `json:"files"`
}

// readSlackDir reads a workspace export (channel folders) or one
// channel's folder.
func readSlackDir(root string, o Options, f *Filter, emit func(Event) error) (Stats, error) {
	type dayRef struct{ path, channel string }
	var days []dayRef
	entries, err := os.ReadDir(root)
	if err != nil {
		return Stats{}, &ReadError{Name: root, Msg: openHint(err)}
	}
	addDays := func(dir, channel string) error {
		list, err := os.ReadDir(dir)
		if err != nil {
			return &ReadError{Name: dir, Msg: openHint(err)}
		}
		for _, e := range list {
			// Only regular files: a link or a FIFO in an export is not
			// something Slack wrote.
			if e.Type().IsRegular() && dayFile.MatchString(e.Name()) && dayNear(e.Name(), f) {
				days = append(days, dayRef{filepath.Join(dir, e.Name()), channel})
			}
		}
		return nil
	}
	if err := addDays(root, filepath.Base(root)); err != nil {
		return Stats{}, err
	}
	usersDir := filepath.Dir(root)
	if len(days) == 0 {
		usersDir = root
		for _, e := range entries {
			if e.IsDir() && e.Type()&os.ModeSymlink == 0 && !strings.HasPrefix(e.Name(), ".") {
				if err := addDays(filepath.Join(root, e.Name()), e.Name()); err != nil {
					return Stats{}, err
				}
			}
		}
	}
	var total Stats
	if len(days) == 0 {
		return total, &ReadError{Name: root, Msg: "is a directory with no Slack day files (YYYY-MM-DD.json) in the time window: pass a Slack export folder, a channel's folder, or widen --since/--until"}
	}
	// Day by day, channel by channel: the caller sorts what it keeps.
	sort.Slice(days, func(i, j int) bool {
		bi, bj := filepath.Base(days[i].path), filepath.Base(days[j].path)
		if bi != bj {
			return bi < bj
		}
		return days[i].channel < days[j].channel
	})
	users := loadSlackUsers(usersDir, root)
	for _, d := range days {
		file, err := os.Open(d.path)
		if err != nil {
			return total, &ReadError{Name: d.path, Msg: openHint(err)}
		}
		channel := cleanName("#" + d.channel)
		s := &sink{name: d.path, source: channel, filter: f, emit: emit}
		err = readSlackDay(file, s, newResolver(o), users, channel)
		file.Close()
		total.Bytes += s.stats.Bytes
		total.Lines += s.stats.Lines
		total.Timed += s.stats.Timed
		total.Kept += s.stats.Kept
		total.Skipped += s.stats.Skipped
		if errors.Is(err, ErrStop) {
			return total, nil
		}
		if err != nil {
			return total, err
		}
	}
	if total.Timed == 0 {
		return total, &ReadError{Name: root, Msg: fmt.Sprintf("read %d Slack day files but found no messages with a time in them: check it is a Slack export", len(days))}
	}
	return total, nil
}

// dayNear skips day files far outside the window: a year of channel
// history need not be read for a one-hour incident.
func dayNear(name string, f *Filter) bool {
	if f == nil {
		return true
	}
	day, err := time.Parse("2006-01-02", strings.TrimSuffix(name, ".json"))
	if err != nil {
		return true
	}
	// A day file is in UTC; a day either side covers every zone.
	if f.Since != nil && day.Add(48*time.Hour).Before(*f.Since) {
		return false
	}
	if f.Until != nil && day.Add(-24*time.Hour).After(*f.Until) {
		return false
	}
	return true
}

// loadSlackUsers reads users.json from the first of dirs that has one:
// user id → the name people see. A missing or broken file only means ids
// are shown instead of names.
func loadSlackUsers(dirs ...string) map[string]string {
	users := map[string]string{}
	for _, dir := range dirs {
		path := filepath.Join(dir, "users.json")
		fi, err := os.Lstat(path)
		if err != nil || !fi.Mode().IsRegular() || fi.Size() > maxUsersFile {
			continue
		}
		data, err := os.ReadFile(path)
		if err != nil {
			continue
		}
		var list []struct {
			ID       string `json:"id"`
			Name     string `json:"name"`
			RealName string `json:"real_name"`
			Profile  struct {
				DisplayName string `json:"display_name"`
				RealName    string `json:"real_name"`
			} `json:"profile"`
		}
		if json.Unmarshal(data, &list) != nil {
			continue
		}
		for _, u := range list {
			users[u.ID] = firstNonEmpty(u.Profile.DisplayName, u.Profile.RealName, u.RealName, u.Name, u.ID)
		}
		return users
	}
	return users
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if strings.TrimSpace(v) != "" {
			return v
		}
	}
	return ""
}

// readSlackDay streams one day file's array, message by message.
func readSlackDay(r io.Reader, s *sink, res *resolver, users map[string]string, channel string) error {
	// Slack pretty-prints its exports, but other tools write a day as one
	// line: the bound is per message, not per line.
	br := &messageBound{r: io.LimitReader(r, maxSlackFile+1), s: s}
	dec := json.NewDecoder(br)
	tok, err := dec.Token()
	if err != nil || tok != json.Delim('[') {
		if br.err != nil {
			return br.err
		}
		return s.fail(0, "is not a Slack day file (a JSON array of messages)")
	}
	n := 0
	for dec.More() {
		n++
		var m slackMessage
		br.run = 0
		if err := dec.Decode(&m); err != nil {
			if br.err != nil {
				return br.err
			}
			if s.stats.Bytes > maxSlackFile {
				return s.fail(n, fmt.Sprintf("is over %d MB, more than a Slack day file holds: pass the export folder instead", maxSlackFile>>20))
			}
			return s.fail(n, "message "+fmt.Sprint(n)+" is not valid JSON: "+err.Error())
		}
		s.stats.Lines++
		if (m.Type != "" && m.Type != "message") || slackNoise[m.Subtype] {
			s.stats.Skipped++
			continue
		}
		at, ok := epoch(m.Ts)
		if !ok {
			s.stats.Skipped++
			continue
		}
		res.prev, res.seen = at, true
		if err := s.offer(Event{At: at, Line: n, Source: channel}, func(e *Event) {
			e.Who = cleanName(slackWho(m, users))
			e.Text = cleanText(slackText(m, users))
		}); err != nil {
			return err
		}
	}
	return nil
}

func slackWho(m slackMessage, users map[string]string) string {
	if m.Subtype == "bot_message" || m.BotID != "" {
		name := m.Username
		if name == "" && m.BotProfile != nil {
			name = m.BotProfile.Name
		}
		if name == "" {
			name = "bot"
		}
		return name
	}
	if name, ok := users[m.User]; ok {
		return name
	}
	if m.UserProfile != nil {
		if name := firstNonEmpty(m.UserProfile.DisplayName, m.UserProfile.RealName); name != "" {
			return name
		}
	}
	return firstNonEmpty(m.Username, m.User)
}

// slackText is a message as people read it in Slack: mentions and links
// resolved, an alert's attachment when it has no text, a thread reply
// marked as one.
func slackText(m slackMessage, users map[string]string) string {
	text := m.Text
	if strings.TrimSpace(text) == "" {
		for _, a := range m.Attachments {
			if text = firstNonEmpty(a.Fallback, a.Title, a.Text); text != "" {
				break
			}
		}
	}
	if strings.TrimSpace(text) == "" && len(m.Files) > 0 {
		text = "shared a file: " + firstNonEmpty(m.Files[0].Title, m.Files[0].Name)
	}
	text = slackMarkup(text, users)
	if m.ThreadTs != "" && m.ThreadTs != m.Ts {
		text = "(in thread) " + text
	}
	return text
}

var slackRef = regexp.MustCompile(`<([^<>]{1,500})>`)

// slackMarkup turns <@U123>, <#C1|general>, <!here> and <url|label> into
// what Slack shows, and undoes its HTML escaping.
func slackMarkup(text string, users map[string]string) string {
	if strings.IndexByte(text, '<') >= 0 {
		text = slackRef.ReplaceAllStringFunc(text, func(ref string) string {
			inner := ref[1 : len(ref)-1]
			target, label, hasLabel := strings.Cut(inner, "|")
			switch {
			case strings.HasPrefix(target, "@"):
				if hasLabel {
					return "@" + label
				}
				if name, ok := users[target[1:]]; ok {
					return "@" + name
				}
				return target
			case strings.HasPrefix(target, "#"):
				if hasLabel {
					return "#" + label
				}
				return target
			case strings.HasPrefix(target, "!"):
				if hasLabel {
					return label
				}
				name, _, _ := strings.Cut(target[1:], "^")
				return "@" + name
			case hasLabel:
				return label
			}
			return target
		})
	}
	return html.UnescapeString(text)
}

// maxSlackMessage bounds one message: Slack caps a message's text at 40,000
// characters, so a "message" of megabytes is not one.
const maxSlackMessage = 4 << 20

// messageBound is the reader of a Slack day file: it counts what is read
// and refuses more than maxSlackMessage for one message (run is reset
// before each), so memory stays bounded even on one-line files.
type messageBound struct {
	r   io.Reader
	s   *sink
	run int
	err error
}

func (b *messageBound) Read(p []byte) (int, error) {
	if b.err != nil {
		return 0, b.err
	}
	n, err := b.r.Read(p)
	b.run += n
	b.s.stats.Bytes += int64(n)
	if b.run > maxSlackMessage {
		b.err = b.s.fail(0, fmt.Sprintf("holds a message over %d MB: this is not a Slack day file pmwiz can read; pass the export folder, or check the file", maxSlackMessage>>20))
		return 0, b.err
	}
	return n, err
}
