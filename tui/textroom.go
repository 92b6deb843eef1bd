package tui

// stepHeadRows is about what the step's title, guidance and blank line
// take above the fields.
const stepHeadRows = 4

// textRoom is how many rows the focused text field i may take: what the
// body has left once the step's head and its other fields are drawn, so
// a long Summary is seen whole instead of in four rows above an empty
// screen. Never fewer than four rows; when the other fields already fill
// the body, half of it, and the form scrolls.
func (m *Model) textRoom(i, body int) int {
	w := max(m.layout().form-2, 1)
	p := m.formPane(body)
	used := stepHeadRows + 1 + b2i(p.showGuide(i, m.fields[i])) // the head, this field's label and guide
	if m.fields[i].first {
		used++
	}
	for j, f := range m.fields {
		if j != i {
			used += p.fieldHeight(j, f, w)
		}
	}
	used += len(p.notes(m.fields[i], w))
	if room := body - used; room >= 4 {
		return room
	}
	return max(body/2, 4)
}
