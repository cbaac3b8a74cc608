package data

import (
	"fmt"
	"sort"
	"strings"

	"github.com/alliance-timeline/alliance-timeline/data/safetext"
)

// Severity tells whether a problem stops a corpus from loading.
type Severity int

const (
	// Warning marks something the user should look at; the corpus still loads.
	Warning Severity = iota
	// Error marks something that makes the corpus unusable.
	Error
)

func (s Severity) String() string {
	if s == Error {
		return "error"
	}
	return "warning"
}

// Problem is one finding of the loader, placed in a file by line and column
// (both 1-based; 0 when unknown).
type Problem struct {
	File     string
	Line     int
	Col      int
	Severity Severity
	Message  string
}

// String formats the problem as FILE:LINE:COL: severity: message, the form
// editors and terminals recognise, on one line: control and bidi
// characters in the file name or the message are made visible.
func (p Problem) String() string {
	line, col := p.Line, p.Col
	if line < 1 {
		line = 1
	}
	if col < 1 {
		col = 1
	}
	return safetext.Visible(fmt.Sprintf("%s:%d:%d: %s: %s", p.File, line, col, p.Severity, p.Message))
}

// Problems is every finding of one load, in the order of the files and lines.
type Problems []Problem

// HasErrors reports whether any problem is an error.
func (ps Problems) HasErrors() bool {
	return ps.Count(Error) > 0
}

// Count returns how many problems have the given severity.
func (ps Problems) Count(s Severity) int {
	n := 0
	for _, p := range ps {
		if p.Severity == s {
			n++
		}
	}
	return n
}

// Summary is a one-line account such as "2 errors, 1 warning".
func (ps Problems) Summary() string {
	return safetext.Plural(ps.Count(Error), "error") + ", " + safetext.Plural(ps.Count(Warning), "warning")
}

// String lists the problems one per line.
func (ps Problems) String() string {
	var b strings.Builder
	for _, p := range ps {
		b.WriteString(p.String())
		b.WriteByte('\n')
	}
	return b.String()
}

// Sort orders the problems by file, line and column, keeping the order of
// those at one place.
func (ps Problems) Sort() {
	sort.SliceStable(ps, func(i, j int) bool {
		a, b := ps[i], ps[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
}
