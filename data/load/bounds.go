package load

import "fmt"

// Decoding bounds. The YAML library builds a node of about 175 bytes for
// every value before the loader sees any, so a file far under the size
// limits can still ask for gigabytes: a 30 MB flow list of one-letter
// terms is 15 million nodes. Before any text is decoded into one node tree
// (the whole file, the skeleton of a file cut in pieces, each piece), a
// scan of its bytes estimates the values it holds and counts the items of
// every [ ] and { } list, and text past a bound is refused with the line
// where the bound was passed, before the library allocates anything.
const (
	// maxFlowItems bounds the items of one [ ] or { } list: the longest
	// list a corpus needs in flow style (terms, a meeting's sources) is a
	// few dozen; the long lists belong in block style.
	maxFlowItems = 100_000
	// maxDecodedValues bounds the values of one decoded text, about 700 MB
	// of nodes; a file cut in pieces decodes a few hundred kilobytes at a
	// time and never comes near it.
	maxDecodedValues = 4_000_000
)

// boundFailure is where a text passes a decoding bound, and which.
type boundFailure struct {
	line int
	msg  string
}

// checkDecodeBounds scans YAML text (its first line being firstLine of the
// file) for the decoding bounds. The scan is conservative about what it
// cannot tell apart cheaply: it overestimates values rather than missing
// them, and knows quoted scalars, block scalars, comments and flow
// collections well enough not to count their contents as structure.
func checkDecodeBounds(text []byte, firstLine int) *boundFailure {
	s := boundScan{text: text, line: firstLine, blockIndent: -1}
	return s.run()
}

type boundScan struct {
	text        []byte
	i, line     int
	bol         int // where the line of s.i begins
	values      int
	flow        []int // items so far in each open flow collection
	blockIndent int   // lines indented deeper than this are block scalar content; -1: none
}

func (s *boundScan) fail(format string, a ...any) *boundFailure {
	return &boundFailure{s.line, fmt.Sprintf(format, a...)}
}

func (s *boundScan) count(n int) *boundFailure {
	s.values += n
	if s.values > maxDecodedValues {
		return s.fail("the corpus file holds more than %d YAML values where it is decoded whole (about 700 MB of memory); keep the sources, meetings and annotations lists in block style, so that a large file is decoded in pieces", maxDecodedValues)
	}
	return nil
}

func (s *boundScan) run() *boundFailure {
	for s.i < len(s.text) {
		if f := s.lineStart(); f != nil {
			return f
		}
	}
	return nil
}

// lineStart reads one line in block context (or goes on with a flow
// collection or quoted scalar that the line before left open).
func (s *boundScan) lineStart() *boundFailure {
	indent := 0
	for s.i+indent < len(s.text) && s.text[s.i+indent] == ' ' {
		indent++
	}
	rest := s.i + indent
	if rest >= len(s.text) || s.text[rest] == '\n' || s.text[rest] == '\r' || s.text[rest] == '#' {
		s.skipLine()
		return nil
	}
	if s.blockIndent >= 0 {
		if indent > s.blockIndent {
			s.skipLine()
			return nil
		}
		s.blockIndent = -1
	}
	if f := s.count(1); f != nil { // a value; one more for a key, and for each "- "
		return f
	}
	s.i = rest
	return s.blockLine(indent)
}

// blockLine reads the values that start on the rest of a block line: items
// ("- "), keys and their values, one of which may open a flow collection,
// a quoted scalar or a block scalar.
func (s *boundScan) blockLine(owner int) *boundFailure {
	for s.i < len(s.text) {
		c := s.text[s.i]
		switch {
		case c == '\n':
			s.newline()
			return nil
		case c == ' ' || c == '\r':
			s.i++
		case c == '#' && (s.i == 0 || s.text[s.i-1] == ' '):
			s.skipLine()
			return nil
		case c == '-' && (s.i+1 >= len(s.text) || s.text[s.i+1] == ' ' || s.text[s.i+1] == '\n'):
			owner = s.i - s.bol
			s.i++
			if f := s.count(1); f != nil {
				return f
			}
		case c == '[' || c == '{':
			if f := s.flowCollection(); f != nil {
				return f
			}
		case c == '"' || c == '\'':
			s.quoted(c)
		case c == '|' || c == '>':
			s.blockIndent = owner
			s.skipLine()
			return nil
		default:
			// A plain scalar: a key if ": " follows on this line, else a
			// value to the end of the line.
			owner = s.i - s.bol
			if !s.plainKey() {
				s.skipLine()
				return nil
			}
			if f := s.count(1); f != nil {
				return f
			}
		}
	}
	return nil
}

// plainKey moves past a plain scalar; it reports whether the scalar was a
// key (followed by ": " or ":" at the end of the line), leaving the scan
// on the key's value.
func (s *boundScan) plainKey() bool {
	for s.i < len(s.text) {
		switch c := s.text[s.i]; {
		case c == '\n':
			return false
		case c == ':' && (s.i+1 >= len(s.text) || s.text[s.i+1] == ' ' || s.text[s.i+1] == '\n' || s.text[s.i+1] == '\r'):
			s.i++
			return true
		case c == '#' && s.text[s.i-1] == ' ':
			return false
		}
		s.i++
	}
	return false
}

// flowCollection reads a [ ] or { } collection to its end, across lines,
// counting its items and values.
func (s *boundScan) flowCollection() *boundFailure {
	for s.i < len(s.text) {
		c := s.text[s.i]
		switch {
		case c == '[' || c == '{':
			s.flow = append(s.flow, 1)
			if f := s.count(2); f != nil {
				return f
			}
		case c == ']' || c == '}':
			if len(s.flow) > 0 {
				s.flow = s.flow[:len(s.flow)-1]
			}
			if len(s.flow) == 0 {
				s.i++
				return nil
			}
		case c == ',':
			top := len(s.flow) - 1
			s.flow[top]++
			if s.flow[top] > maxFlowItems {
				return s.fail("a [ ] or { } list here has more than %d items; write a long list in block style, a line \"- \" per item", maxFlowItems)
			}
			if f := s.count(2); f != nil {
				return f
			}
		case c == '"' || c == '\'':
			s.quoted(c)
			continue
		case c == '#' && s.i > 0 && (s.text[s.i-1] == ' ' || s.text[s.i-1] == '\t'):
			s.skipLine()
			continue
		case c == '\n':
			s.newline()
			continue
		}
		s.i++
	}
	return nil
}

// quoted moves past a quoted scalar that starts at s.i, across lines.
func (s *boundScan) quoted(q byte) {
	s.i++
	for s.i < len(s.text) {
		c := s.text[s.i]
		switch {
		case c == '\n':
			s.newline()
			continue
		case q == '"' && c == '\\':
			s.i++
			if s.i < len(s.text) && s.text[s.i] == '\n' {
				s.newline()
				continue
			}
		case c == q && q == '\'' && s.i+1 < len(s.text) && s.text[s.i+1] == '\'':
			s.i++ // '' is a quote inside
		case c == q:
			s.i++
			return
		}
		s.i++
	}
}

// skipLine moves to the start of the next line.
func (s *boundScan) skipLine() {
	for s.i < len(s.text) && s.text[s.i] != '\n' {
		s.i++
	}
	if s.i < len(s.text) {
		s.newline()
	}
}

// newline moves past the line feed at s.i.
func (s *boundScan) newline() {
	s.i++
	s.line++
	s.bol = s.i
}
