package tui

import "github.com/pmwiz/pmwiz/model"

// fieldLabel names a field for people, as the wizard shows it: "Human
// elements › The people side" rather than the draft's key
// "human_elements". A path no step shows is given as it is.
func fieldLabel(d *model.Draft, path string) string {
	for _, st := range steps {
		for _, b := range st.fields(d) {
			if b.path == path {
				return st.title + " › " + b.label
			}
		}
	}
	return path
}
