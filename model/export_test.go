package model

// What the external tests (package model_test) need to see of the
// free-text walk: the list or field each text is filed under (its base)
// and whether the rubric's evidence knows that base.

// FreeTextBases lists, for every text the walk reads in d, its path and
// its base ("five_whys" for "five_whys[2].because").
func FreeTextBases(d *Draft) (paths, bases []string) {
	eachFreeText(d, func(ref fieldRef, _ string) {
		paths = append(paths, ref.String())
		bases = append(bases, ref.field.path)
	})
	return paths, bases
}

// EvidenceKnows reports whether evidence has a category and a label for
// texts filed under base (an unmapped section is labelled by its heading).
func EvidenceKnows(base string) bool {
	for _, tf := range textFields {
		if tf.path == base {
			return tf.cat != 0 && tf.label != ""
		}
	}
	return false
}
