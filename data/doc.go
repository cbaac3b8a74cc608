// Package data owns the corpus: its model (topics, meetings, sources,
// annotations, eras), loading it from YAML and text files, validating every
// field and reference, anchoring each annotation to an exact span of its
// source text, and counting annotations for the views.
//
// It never imports Fyne, so everything here tests without a window, and it
// never writes to a corpus.
package data
