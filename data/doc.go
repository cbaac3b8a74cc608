// Package data owns the corpus: its model (topics, meetings, sources,
// annotations, eras), loading it from YAML and text files, validating every
// field and reference, anchoring each annotation to an exact span of its
// source text, and counting annotations for the views. Large corpus files
// are decoded in pieces on all cores (pieces.go), and the corpus cache
// (cache.go) reopens an unchanged corpus without decoding or anchoring it.
//
// It never imports Fyne, so everything here tests without a window, and it
// never writes to a corpus (the cache lives in the user's cache folder).
package data
