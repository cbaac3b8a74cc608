// Package data owns the corpus model: topics, meetings, sources,
// annotations and eras, the anchors that tie annotations to exact spans of
// text, the problems a corpus can have, and the queries the views make of
// it (counts by year, meeting and topic; statistics). It knows nothing of
// how a corpus is read or written, as go/ast knows nothing of go/parser:
//
//   - data/load reads a corpus from YAML and text files, checks every field
//     and reference, and anchors each annotation;
//   - data/cache reopens an unchanged corpus without decoding or anchoring;
//   - data/textmatch matches text: folding, anchoring quotes, search,
//     keyword in context;
//   - data/safetext makes corpus text safe for terminals and CSV cells.
//
// It never imports Fyne, so everything here tests without a window.
package data
