package store

import (
	"strconv"
	"time"

	jsonv2 "github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"

	"github.com/pmwiz/pmwiz/model"
)

// fastDecode is what List decodes with: encoding/json v2 (the module that
// mirrors Go 1.27's encoding/json/v2) straight into the draft, several
// times faster than model.Decode, which also collects every problem and
// keeps unknown keys for writing back, neither of which a listing needs.
// Anything it does not accept cleanly goes to model.Decode, so a broken
// draft gets the same error as "pmwiz resume", and a draft it does accept
// is the draft model.Decode gives (FuzzListDecode checks both).
//
// That holds because the options below make the fast decoder refuse,
// rather than read differently, what model.Decode reads its own way:
//   - a key given twice: model.Decode keeps the last value alone, where a
//     decoder into a struct would merge two "timeline" objects, or keep a
//     title that a later "title": null empties;
//   - bytes that are not UTF-8: model.Decode leaves them out, where a
//     decoder would put U+FFFD in their place;
//   - keys in another case ("SCHEMA", "Title"): model.Decode ignores them,
//     where encoding/json (v1) fills the field they fold to.
//
// The schema is read raw: only a plain whole number in range is taken
// here; "1.0", "1e0" or null get model.Decode's own error.
func fastDecode(data []byte) (*model.Draft, error) {
	var d struct {
		model.Draft
		Schema jsontext.Value `json:"schema"`
	}
	if jsonv2.Unmarshal(data, &d, strictDraft) == nil {
		if n, err := strconv.Atoi(string(d.Schema)); err == nil && n >= 1 && n <= model.SchemaVersion {
			d.Draft.Schema = n
			return &d.Draft, nil
		}
	}
	return model.Decode(data)
}

// strictDraft spells out the defaults fastDecode relies on, so that a
// change of default could not quietly make it read a draft differently
// from model.Decode.
var strictDraft = jsonv2.JoinOptions(
	jsontext.AllowDuplicateNames(false),
	jsontext.AllowInvalidUTF8(false),
	jsonv2.MatchCaseInsensitiveNames(false),
)

// skimDecode reads what a listing shows of a draft it does not score:
// title, status, date and authors. It is fastDecode with every other
// value checked as JSON and skipped rather than built, a third of the
// cost; the values it gives are fastDecode's (FuzzListSkim). What it
// does not check is the types of those other values: a draft that only
// a full decode finds broken is found so when it is shown, for every
// draft shown is scored, and scoring decodes it whole.
func skimDecode(data []byte) (*model.Draft, error) {
	var h struct {
		Title   string         `json:"title"`
		Status  model.Status   `json:"status"`
		Authors []string       `json:"authors"`
		Updated *time.Time     `json:"updated"`
		Schema  jsontext.Value `json:"schema"`
	}
	if jsonv2.Unmarshal(data, &h, strictDraft) == nil {
		if n, err := strconv.Atoi(string(h.Schema)); err == nil && n >= 1 && n <= model.SchemaVersion {
			return &model.Draft{Schema: n, Title: h.Title, Status: h.Status, Authors: h.Authors, Updated: h.Updated}, nil
		}
	}
	return fastDecode(data)
}
