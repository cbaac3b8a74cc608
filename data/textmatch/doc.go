// Package textmatch matches text the way a reader means it: folding white
// space, dashes, quotes, case and composed characters (fold.go), anchoring
// an annotation's quote with its context and offset, exactly or within a
// few edits (anchor.go, fuzzy.go), searching every source of a corpus
// (search.go), cutting keyword-in-context lines (kwic.go) and suggesting
// the known name nearest a typo (suggest.go).
//
// It depends only on the corpus model (package data), never on how a
// corpus is read.
package textmatch
