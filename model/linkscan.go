package model

import "strings"

// Links and email addresses are found by hand-written scanners rather
// than regular expressions: they run on every sentence of a draft, and
// the regexps were a tenth of scoring one cold. Each keeps the regexp it
// replaces as its reference in linkscan_test.go, where a fuzz target
// holds them to the same answers.

// blankURLs blanks every link in s (a scheme, "://" and what follows up
// to white space, ")", ">" or "]"), keeping every byte offset: an
// address is not prose. It returns s itself when there is none. The
// regexp it replaces: [A-Za-z][A-Za-z0-9+.-]*://[^\s)>\]]+
func blankURLs(s string) string {
	var b []byte
	from := 0 // where the next link may start: after the last one
	for {
		k := strings.Index(s[from:], "://")
		if k < 0 {
			break
		}
		k += from
		start, end := urlAt(s, from, k)
		if start < 0 {
			from = k + 1
			continue
		}
		if b == nil {
			b = []byte(s)
		}
		for i := start; i < end; i++ {
			b[i] = ' '
		}
		from = end
	}
	if b == nil {
		return s
	}
	return string(b)
}

// urlAt is the link whose "://" is at k, not starting before from:
// the scheme from its first letter, and an address of at least a byte;
// start is -1 when there is none.
func urlAt(s string, from, k int) (start, end int) {
	start = k
	for start > from && urlSchemeByte(s[start-1]) {
		start--
	}
	for start < k && !asciiLetter(s[start]) {
		start++
	}
	if start == k {
		// No scheme: the address is not read, or a paste of "://" with
		// no space would be read to its end once for each.
		return -1, -1
	}
	end = k + len("://")
	for end < len(s) && !urlStop(s[end]) {
		end++
	}
	if end == k+len("://") {
		return -1, -1
	}
	return start, end
}

func asciiLetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

func asciiDigit(c byte) bool { return c >= '0' && c <= '9' }

// urlSchemeByte: [A-Za-z0-9+.-].
func urlSchemeByte(c byte) bool {
	return asciiLetter(c) || asciiDigit(c) || c == '+' || c == '.' || c == '-'
}

// urlStop ends an address: white space as regexp's \s has it, ")", ">"
// and "]". None is a byte of a longer UTF-8 character.
func urlStop(c byte) bool {
	switch c {
	case ' ', '\t', '\n', '\f', '\r', ')', '>', ']':
		return true
	}
	return false
}

// hasEmail reports whether s holds a full email address: a local part
// that starts at a word boundary, "@", a domain of two labels or more
// whose last read label starts with two letters or more, at a word
// boundary. The regexp it replaces:
// \b[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b
func hasEmail(s string) bool {
	for at := strings.IndexByte(s, '@'); at >= 0; {
		if emailLocalBefore(s, at) && emailDomainAt(s, at+1) {
			return true
		}
		next := strings.IndexByte(s[at+1:], '@')
		if next < 0 {
			break
		}
		at += 1 + next
	}
	return false
}

// emailLocalBefore: the run of local-part bytes ([A-Za-z0-9._%+-])
// before at holds a word byte, so some start of it is a word boundary
// (every word byte is a local-part byte, so the byte before the run is
// not one).
func emailLocalBefore(s string, at int) bool {
	for i := at - 1; i >= 0 && emailLocalByte(s[i]); i-- {
		if asciiWordByte(s[i]) {
			return true
		}
	}
	return false
}

// emailDomainAt: from i, labels of [A-Za-z0-9-] joined by dots, where a
// label after the first starts with two letters or more followed by no
// word byte: the top-level domain, at a word boundary.
func emailDomainAt(s string, i int) bool {
	for labels := 0; ; labels++ {
		start := i
		for i < len(s) && asciiLetter(s[i]) {
			i++
		}
		if labels > 0 && i-start >= 2 && (i == len(s) || !asciiWordByte(s[i])) {
			return true
		}
		for i < len(s) && (asciiLetter(s[i]) || asciiDigit(s[i]) || s[i] == '-') {
			i++
		}
		if i == start || i == len(s) || s[i] != '.' {
			return false
		}
		i++
	}
}

func emailLocalByte(c byte) bool {
	return asciiLetter(c) || asciiDigit(c) || strings.IndexByte("._%+-", c) >= 0
}

// asciiWordByte is a byte of a word as regexp's \b has it: [0-9A-Za-z_].
func asciiWordByte(c byte) bool { return asciiLetter(c) || asciiDigit(c) || c == '_' }
