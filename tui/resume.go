package tui

// notePosition records in the draft where the writer is, so that the next
// `pmwiz resume` opens on the same step and field ("where you left off").
func (m *Model) notePosition() {
	if m.readOnly {
		return
	}
	m.draft.ResumeAt = m.FocusedPath()
}

// openAt puts the wizard on the step holding the field at path and focuses
// it; a path that no longer exists (its entry was deleted) leaves the
// wizard on the first step.
func (m *Model) openAt(path string) {
	if path == "" {
		return
	}
	for i, st := range steps {
		for _, b := range st.fields(m.draft) {
			if b.path == path {
				m.step = i
				m.buildFields(path)
				return
			}
		}
	}
}
