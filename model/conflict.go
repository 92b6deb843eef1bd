package model

import "encoding/json"

// Conflict is one field two people changed differently since the version
// they both started from, as recorded by Merge. The draft keeps our
// version in the field itself; the conflict keeps all three texts so
// nothing either person wrote is lost, until someone chooses or combines
// them and removes the conflict.
type Conflict struct {
	// Path is the field in the merged draft, in the draft file's own key
	// names, e.g. "summary" or "timeline.events[3].text".
	Path string `json:"path"`
	// Base is the field before either change ("" when it was empty or the
	// entry did not exist yet).
	Base string `json:"base,omitempty"`
	// Ours and Theirs are the two versions: ours is the branch merged into
	// (the one checked out), theirs the branch merged in. "" means that
	// side emptied the field or removed the entry.
	Ours   string `json:"ours"`
	Theirs string `json:"theirs"`
	// Note says more when a plain field comparison does not, e.g. that one
	// side removed an entry the other edited (the entry is kept).
	Note string `json:"note,omitempty"`

	Extra map[string]json.RawMessage `json:"-"` // unknown keys, kept to write back
}
