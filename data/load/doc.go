// Package load reads a corpus: the YAML corpus file (decoded whole, or in
// pieces on all cores when it is large, pieces.go, each by a parser of the
// block style when it keeps to it, fastyaml.go; a large file's bytes are
// held outside the Go heap while they are decoded, files_linux.go), the
// source text files it names (read ahead in parallel, prefetch.go, only
// inside the corpus folder, files.go), every field and reference checked
// with FILE:LINE:COL problems, and every annotation anchored to its span
// through data/textmatch. What it makes is a data.Corpus, derived by
// Corpus.Derive.
//
// It never writes, and never reads outside the corpus folder.
package load
