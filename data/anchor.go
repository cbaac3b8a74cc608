package data

// AnchorStatus tells how an annotation's quote was found in its source text.
type AnchorStatus int

const (
	// Exact: the quote is where the annotation says (at its start offset, or
	// the only place its quote and context fit).
	Exact AnchorStatus = iota
	// Relocated: the quote was found, but not at the given offset or not with
	// the given prefix and suffix.
	Relocated
	// Fuzzy: only an approximate match was found (a few characters differ).
	Fuzzy
	// Ambiguous: the quote and its context fit several places; the first is used.
	Ambiguous
	// Orphaned: the quote is not in the text.
	Orphaned
)

// AnchorStatuses lists every status in order, for reports.
var AnchorStatuses = []AnchorStatus{Exact, Relocated, Fuzzy, Ambiguous, Orphaned}

func (s AnchorStatus) String() string {
	return [...]string{"exact", "relocated", "fuzzy", "ambiguous", "orphaned"}[s]
}

// Anchor is where an annotation landed in its source text. Offsets count
// Unicode code points of the stored text (as in the W3C Web Annotation
// TextPositionSelector); ByteStart and ByteEnd index the Go string.
type Anchor struct {
	Status             AnchorStatus
	Start, End         int
	ByteStart, ByteEnd int
	Score              float64 // 1 for every found quote; below 1 for a fuzzy one
	Matches            int     // how many places fit (for ambiguous anchors)
	Detail             string  // why the status is not exact
}
