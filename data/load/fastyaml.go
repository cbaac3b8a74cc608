package load

import (
	"bytes"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// A piece of a large corpus file is decoded by a small parser of its own
// when the piece keeps to the block style that `gen`, the importers and
// most writers use: block lists and mappings of plain keys, plain, quoted
// and block (| >) texts, and [ ] and { } lists of texts on one line. It
// builds the same yaml.Node tree as yaml.v3 (kinds, values, tags as the
// reader looks at them, lines and columns) from a slab that is used again
// for the next piece once the piece's records are read. yaml.v3 allocated
// 40 bytes for every byte of such a file (its tokens, events and nodes),
// which set the pace of the collector and the peak of the load; the slab
// makes the nodes free.
//
// Anything else in a piece (a multi-line plain text, an escape it does not
// know, a tab, a CR, a key that is not a plain word, a comment after a
// block scalar's indicator, ...) makes the parser give the piece up, and
// yaml.v3 decodes it as before, with its messages. FuzzFastPiece checks
// that every tree the parser gives equals yaml.v3's.

// nodeSlab holds the nodes of one piece, to be used again.
type nodeSlab struct {
	nodes   [][]yaml.Node // chunks; the last has room
	used    int           // nodes used in the last chunk
	chunk   int           // the chunk in use
	ptrs    []*yaml.Node  // the Content of every node, carved in turn
	scratch []*yaml.Node  // children of the nodes being built, as a stack
	lines   [][]byte      // the piece's lines
}

const slabChunk = 4096

// reset makes the slab's nodes free for another piece: nothing may still
// point at them.
func (s *nodeSlab) reset() {
	s.chunk, s.used = 0, 0
	s.ptrs = s.ptrs[:0]
	s.scratch = s.scratch[:0]
	clear(s.lines) // the piece's text may go
	s.lines = s.lines[:0]
}

// node is a fresh node from the slab.
func (s *nodeSlab) node(kind yaml.Kind, tag string, line, col int) *yaml.Node {
	if len(s.nodes) == 0 {
		s.nodes = append(s.nodes, make([]yaml.Node, slabChunk))
	}
	if s.used == slabChunk {
		s.chunk++
		s.used = 0
		if s.chunk == len(s.nodes) {
			s.nodes = append(s.nodes, make([]yaml.Node, slabChunk))
		}
	}
	n := &s.nodes[s.chunk][s.used]
	s.used++
	*n = yaml.Node{Kind: kind, Tag: tag, Line: line, Column: col}
	return n
}

// content gives n the children pushed on the scratch stack since mark. A
// grown ptrs leaves earlier Contents in the old array, which stays valid.
func (s *nodeSlab) content(n *yaml.Node, mark int) {
	kids := s.scratch[mark:]
	if len(kids) > 0 {
		if cap(s.ptrs)-len(s.ptrs) < len(kids) {
			s.ptrs = make([]*yaml.Node, 0, max(2*cap(s.ptrs), 4*len(kids), 1024))
		}
		start := len(s.ptrs)
		s.ptrs = append(s.ptrs, kids...)
		n.Content = s.ptrs[start:len(s.ptrs):len(s.ptrs)]
	}
	clear(kids)
	s.scratch = s.scratch[:mark]
}

// fastParser reads one piece: lines are its lines without line breaks.
type fastParser struct {
	slab      *nodeSlab
	lines     [][]byte
	i         int // the line being read
	firstLine int // the file's line number of lines[0]
	ok        bool
}

// parseFastPiece decodes a piece (a block list's items, from the file's
// line firstLine) into nodes from slab; ok is false when the piece is not
// in the style the parser knows, and the slab then holds nothing of use.
func parseFastPiece(text []byte, firstLine int, slab *nodeSlab) (items []*yaml.Node, ok bool) {
	if !plainCharacters(text) {
		return nil, false
	}
	if len(text) == 0 || text[len(text)-1] != '\n' {
		return nil, false // a last line without a break: yaml.v3 knows its chomping
	}
	lines := slab.lines[:0]
	for rest := text[:len(text)-1]; ; {
		i := bytes.IndexByte(rest, '\n')
		if i < 0 {
			lines = append(lines, rest)
			break
		}
		lines = append(lines, rest[:i])
		rest = rest[i+1:]
	}
	slab.lines = lines
	p := &fastParser{slab: slab, lines: lines, firstLine: firstLine, ok: true}
	indent, ok := p.nextContent()
	if !ok || !isItemStart(p.lines[p.i][indent:]) {
		return nil, false
	}
	seq := p.sequence(indent)
	if _, more := p.nextContent(); more || !p.ok {
		return nil, false
	}
	return seq.Content, true
}

// plainCharacters reports a text with no character that yaml.v3 refuses
// or reads as a line break (a control character, CR, NEL, LS, PS) and no
// byte-order mark: those pieces are yaml.v3's, for its messages.
func plainCharacters(text []byte) bool {
	for k := 0; k < len(text); {
		c := text[k]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\t' && c != '\n' || c == 0x7f {
				return false
			}
			k++
			continue
		}
		r, width := utf8.DecodeRune(text[k:])
		switch {
		case r == utf8.RuneError && width == 1,
			r >= 0x80 && r <= 0x9f, r == 0x2028, r == 0x2029, r == 0xfeff, r == 0xfffe, r == 0xffff:
			return false
		}
		k += width
	}
	return true
}

// fail gives the piece up.
func (p *fastParser) fail() { p.ok = false }

// nextContent moves to the next line with something for the parser and
// returns its indentation; ok is false at the end.
func (p *fastParser) nextContent() (indent int, ok bool) {
	for ; p.i < len(p.lines); p.i++ {
		l := p.lines[p.i]
		n := 0
		for n < len(l) && l[n] == ' ' {
			n++
		}
		if n < len(l) && l[n] == '\t' {
			p.fail()
			return 0, false
		}
		if n == len(l) || l[n] == '#' {
			continue
		}
		return n, true
	}
	return 0, false
}

// col is the 1-based column, in characters, of byte off of the line.
func (p *fastParser) col(off int) int {
	l := p.lines[p.i]
	for k := 0; k < off; k++ {
		if l[k] >= utf8.RuneSelf {
			return utf8.RuneCount(l[:off]) + 1
		}
	}
	return off + 1
}

func (p *fastParser) line() int { return p.firstLine + p.i }

// sequence reads a block list whose items start at indent.
func (p *fastParser) sequence(indent int) *yaml.Node {
	seq := p.slab.node(yaml.SequenceNode, "!!seq", p.line(), indent+1)
	mark := len(p.slab.scratch)
	for p.ok {
		at, more := p.nextContent()
		if !more || at != indent || !isItemStart(p.lines[p.i][at:]) {
			break
		}
		l := p.lines[p.i]
		off := indent + 1
		for off < len(l) && l[off] == ' ' {
			off++
		}
		if off == len(l) {
			p.fail() // an item on the lines below its "-"
			break
		}
		var item *yaml.Node
		if isKeyStart(l[off:]) {
			item = p.mapping(off, off)
		} else {
			item = p.inlineValue(off, indent)
		}
		p.slab.scratch = append(p.slab.scratch, item)
	}
	p.slab.content(seq, mark)
	return seq
}

// isKeyStart reports a plain key and its colon: a word of letters, digits,
// '_' and '-', then ':' and a space or the end of the line.
func isKeyStart(c []byte) bool {
	k := keyLen(c)
	return k > 0
}

// keyLen is the length of the key that c starts with, without its colon;
// 0 for none.
func keyLen(c []byte) int {
	k := 0
	for k < len(c) && isKeyByte(c[k]) {
		k++
	}
	// yaml.v3 refuses a key of more than 1024 characters; keys this
	// long are nobody's, and left to it.
	if k == 0 || k > maxFastKey || k == len(c) || c[k] != ':' || (k+1 < len(c) && c[k+1] != ' ') {
		return 0
	}
	if c[0] == '-' && (k == 1 || c[1] == ' ') {
		return 0
	}
	return k
}

// maxFastKey is the longest key the fast parser reads, in bytes.
const maxFastKey = 128

func isKeyByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '_' || b == '-'
}

// mapping reads a block mapping whose keys stand at column indent; the
// first key starts at byte off of the current line (after a "- ", or at
// indent).
func (p *fastParser) mapping(indent, off int) *yaml.Node {
	m := p.slab.node(yaml.MappingNode, "!!map", p.line(), p.col(off))
	mark := len(p.slab.scratch)
	first := true
	for p.ok {
		if !first {
			at, more := p.nextContent()
			if !more || at < indent {
				break
			}
			if at > indent || !isKeyStart(p.lines[p.i][at:]) {
				p.fail()
				break
			}
			off = at
		}
		first = false
		l := p.lines[p.i]
		k := keyLen(l[off:])
		key := p.slab.node(yaml.ScalarNode, "!!str", p.line(), p.col(off))
		key.Value = keyString(l[off : off+k])
		key.Tag = plainTag(key.Value)
		if key.Value == "<<" || key.Tag != "!!str" {
			p.fail() // a key yaml.v3 resolves otherwise: leave it to yaml.v3
			break
		}
		colon := off + k
		v := colon + 1
		for v < len(l) && l[v] == ' ' {
			v++
		}
		var value *yaml.Node
		switch {
		case v == len(l) || l[v] == '#' && v > colon+1:
			value = p.valueBelow(indent, colon)
		case l[v] == '|' || l[v] == '>':
			value = p.blockScalar(v, indent)
		default:
			value = p.inlineValue(v, indent)
		}
		p.slab.scratch = append(p.slab.scratch, key, value)
	}
	p.slab.content(m, mark)
	return m
}

// keyString is a key as a string: the corpus's own keys without an
// allocation.
func keyString(b []byte) string {
	if k, ok := knownKeys[string(b)]; ok {
		return k
	}
	return string(b)
}

// knownKeys are the keys of the lists read in pieces.
var knownKeys = func() map[string]string {
	out := map[string]string{}
	for _, kind := range []string{"source", "meeting", "annotation", "participant", "exclude"} {
		for _, k := range Keys[kind] {
			out[k] = k
		}
	}
	return out
}()

// valueBelow reads the value of a key whose line ends after its colon (at
// byte colon): a block node on the lines below, or null.
func (p *fastParser) valueBelow(indent, colon int) *yaml.Node {
	nullAt, nullCol := p.line(), p.col(colon+1)
	p.i++
	at, more := p.nextContent()
	switch {
	case !p.ok:
		return nil
	case more && at > indent:
		if isItemStart(p.lines[p.i][at:]) {
			return p.sequence(at)
		}
		if isKeyStart(p.lines[p.i][at:]) {
			return p.mapping(at, at)
		}
		p.fail() // a text on the lines below its key
		return nil
	case more && at == indent && isItemStart(p.lines[p.i][at:]):
		return p.sequence(at)
	}
	return p.slab.node(yaml.ScalarNode, "!!null", nullAt, nullCol)
}

// inlineValue reads a value that starts at byte off of the current line
// and ends on it, in a node at indent; it moves past the line.
func (p *fastParser) inlineValue(off, indent int) *yaml.Node {
	l := p.lines[p.i]
	var n *yaml.Node
	end := off
	switch c := l[off]; {
	case c == '"' || c == '\'':
		n, end = p.quoted(off)
	case c == '[':
		n, end = p.flowSequence(off)
	case c == '{':
		n, end = p.flowMapping(off)
	default:
		n, end = p.plainBlock(off)
	}
	if !p.ok {
		return nil
	}
	if !restIsComment(l[end:]) {
		p.fail()
		return nil
	}
	p.i++
	// A deeper line below would continue a plain text or be an error:
	// either way yaml.v3's to read.
	if at, more := p.nextContent(); more && at > indent {
		p.fail()
	}
	return n
}

// restIsComment reports what may follow a value on its line: spaces, and a
// comment after one.
func restIsComment(rest []byte) bool {
	t := bytes.TrimLeft(rest, " ")
	return len(t) == 0 || t[0] == '#' && len(t) < len(rest)
}

// plainBlock reads a plain text in block context from byte off to the end
// of the line or a comment.
func (p *fastParser) plainBlock(off int) (*yaml.Node, int) {
	l := p.lines[p.i]
	if !plainStart(l[off:]) {
		p.fail()
		return nil, 0
	}
	end := len(l)
	for k := off; k < len(l); k++ {
		if l[k] == '\t' {
			p.fail() // yaml.v3 trims tabs, and takes some as separators
			return nil, 0
		}
		if l[k] == '#' && l[k-1] == ' ' {
			end = k - 1 // the rest, " #...", is a comment
			break
		}
		if l[k] == ':' && (k+1 == len(l) || l[k+1] == ' ') {
			p.fail() // a key where a value should be
			return nil, 0
		}
	}
	v := bytes.TrimRight(l[off:end], " ")
	n := p.slab.node(yaml.ScalarNode, "", p.line(), p.col(off))
	n.Value = string(v)
	n.Tag = plainTag(n.Value)
	return n, end
}

// plainStart reports whether c can start a plain text: not with an
// indicator (YAML's, or one this parser leaves to yaml.v3).
func plainStart(c []byte) bool {
	if len(c) == 0 {
		return false
	}
	switch c[0] {
	case '-', '?', ':':
		return len(c) > 1 && c[1] != ' '
	case '[', ']', '{', '}', ',', '#', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`':
		return false
	}
	return true
}

// quoted reads a quoted text that opens at byte off and closes on the line.
func (p *fastParser) quoted(off int) (*yaml.Node, int) {
	l := p.lines[p.i]
	q := l[off]
	n := p.slab.node(yaml.ScalarNode, "!!str", p.line(), p.col(off))
	var b []byte // the value, once it differs from the bytes
	start := off + 1
	for k := start; k < len(l); k++ {
		c := l[k]
		switch {
		case c < 0x20:
			p.fail()
			return nil, 0
		case q == '\'' && c == '\'':
			if k+1 < len(l) && l[k+1] == '\'' {
				b = append(append(b, l[start:k]...), '\'')
				k++
				start = k + 1
				continue
			}
			n.Value = quotedValue(b, l[start:k])
			n.Style = yaml.SingleQuotedStyle
			return n, k + 1
		case q == '"' && c == '"':
			n.Value = quotedValue(b, l[start:k])
			n.Style = yaml.DoubleQuotedStyle
			return n, k + 1
		case q == '"' && c == '\\':
			if k+1 == len(l) {
				p.fail()
				return nil, 0
			}
			r, width, ok := unescape(l[k+1:])
			if !ok {
				p.fail()
				return nil, 0
			}
			b = append(append(b, l[start:k]...), r...)
			k += width
			start = k + 1
		}
	}
	p.fail()
	return nil, 0
}

// quotedValue is a quoted text's value: what was built, then the rest.
func quotedValue(built, rest []byte) string {
	if built == nil {
		return string(rest)
	}
	return string(append(built, rest...))
}

// unescape decodes the escape after a backslash: its bytes and how many
// bytes of c it took.
func unescape(c []byte) (out []byte, width int, ok bool) {
	switch c[0] {
	case '0':
		return []byte{0}, 1, true
	case 'a':
		return []byte{7}, 1, true
	case 'b':
		return []byte{8}, 1, true
	case 't':
		return []byte{9}, 1, true
	case 'n':
		return []byte{10}, 1, true
	case 'v':
		return []byte{11}, 1, true
	case 'f':
		return []byte{12}, 1, true
	case 'r':
		return []byte{13}, 1, true
	case 'e':
		return []byte{0x1b}, 1, true
	case ' ', '"', '\'', '\\': // yaml.v3 knows no "\/" (YAML 1.1's escapes)
		return c[:1], 1, true
	case 'N':
		return []byte("\u0085"), 1, true
	case '_':
		return []byte("\u00a0"), 1, true
	case 'L':
		return []byte("\u2028"), 1, true
	case 'P':
		return []byte("\u2029"), 1, true
	case 'x', 'u', 'U':
		digits := map[byte]int{'x': 2, 'u': 4, 'U': 8}[c[0]]
		if len(c) < 1+digits {
			return nil, 0, false
		}
		v, err := strconv.ParseUint(string(c[1:1+digits]), 16, 32)
		if err != nil || !utf8.ValidRune(rune(v)) {
			return nil, 0, false
		}
		return utf8.AppendRune(nil, rune(v)), 1 + digits, true
	}
	return nil, 0, false
}

// flowItem reads a text in a [ ] or { } list from byte off: quoted, or
// plain up to the next ',', ']', '}' or ':'.
func (p *fastParser) flowItem(off int) (*yaml.Node, int) {
	l := p.lines[p.i]
	if off == len(l) {
		p.fail() // the list goes on to the next line
		return nil, 0
	}
	if l[off] == '"' || l[off] == '\'' {
		return p.quoted(off)
	}
	if !plainStart(l[off:]) || l[off] == '-' || l[off] == '?' || l[off] == ':' {
		// Inside [ ] and { } yaml.v3 takes '?' and ':' as indicators
		// whatever follows them ("{a: ?}" is refused), and '-' before a
		// ',' or ']' differently again: such an item is left to it.
		p.fail()
		return nil, 0
	}
	end := off
	for end < len(l) && !bytes.ContainsRune([]byte(",]}:#[{?\"'\t"), rune(l[end])) {
		end++
	}
	// yaml.v3 ends a plain text in [ ] or { } at any of ",?[]{}" (its
	// scanner's flow indicators), and at ": ".
	if end == len(l) || l[end] == '#' || l[end] == '[' || l[end] == '{' || l[end] == '?' || l[end] == '"' || l[end] == '\'' || l[end] == '\t' {
		p.fail()
		return nil, 0
	}
	v := bytes.TrimRight(l[off:end], " ")
	n := p.slab.node(yaml.ScalarNode, "", p.line(), p.col(off))
	n.Value = string(v)
	n.Tag = plainTag(n.Value)
	return n, end
}

// skipSpaces is the first byte from off that is not a space.
func skipSpaces(l []byte, off int) int {
	for off < len(l) && l[off] == ' ' {
		off++
	}
	return off
}

// flowSequence reads "[a, 'b', c]" opening at byte off.
func (p *fastParser) flowSequence(off int) (*yaml.Node, int) {
	l := p.lines[p.i]
	seq := p.slab.node(yaml.SequenceNode, "!!seq", p.line(), p.col(off))
	seq.Style = yaml.FlowStyle
	mark := len(p.slab.scratch)
	k := skipSpaces(l, off+1)
	if k < len(l) && l[k] == ']' {
		p.slab.content(seq, mark)
		return seq, k + 1
	}
	for p.ok {
		item, end := p.flowItem(k)
		if !p.ok {
			break
		}
		if item.Style == 0 && end < len(l) && l[end] == ':' {
			p.fail() // a pair inside a list
			break
		}
		p.slab.scratch = append(p.slab.scratch, item)
		k = skipSpaces(l, end)
		if k < len(l) && l[k] == ']' {
			p.slab.content(seq, mark)
			return seq, k + 1
		}
		if k == len(l) || l[k] != ',' {
			p.fail()
			break
		}
		k = skipSpaces(l, k+1)
		if k == len(l) || l[k] == ']' || l[k] == ',' {
			p.fail() // an empty item or a trailing comma
			break
		}
	}
	p.slab.content(seq, mark)
	return nil, 0
}

// flowMapping reads "{name: a, role: 'b'}" opening at byte off.
func (p *fastParser) flowMapping(off int) (*yaml.Node, int) {
	l := p.lines[p.i]
	m := p.slab.node(yaml.MappingNode, "!!map", p.line(), p.col(off))
	m.Style = yaml.FlowStyle
	mark := len(p.slab.scratch)
	k := skipSpaces(l, off+1)
	if k < len(l) && l[k] == '}' {
		p.slab.content(m, mark)
		return m, k + 1
	}
	for p.ok {
		kl := keyLen(l[k:])
		if kl == 0 || k+kl+1 == len(l) {
			p.fail()
			break
		}
		key := p.slab.node(yaml.ScalarNode, "!!str", p.line(), p.col(k))
		key.Value = keyString(l[k : k+kl])
		if key.Value == "<<" || plainTag(key.Value) != "!!str" {
			p.fail()
			break
		}
		v := skipSpaces(l, k+kl+1)
		if v == len(l) || l[v] == ',' || l[v] == '}' {
			p.fail() // an empty value
			break
		}
		value, end := p.flowItem(v)
		if !p.ok {
			break
		}
		if value.Style == 0 && end < len(l) && l[end] == ':' {
			p.fail()
			break
		}
		p.slab.scratch = append(p.slab.scratch, key, value)
		k = skipSpaces(l, end)
		if k < len(l) && l[k] == '}' {
			p.slab.content(m, mark)
			return m, k + 1
		}
		if k == len(l) || l[k] != ',' {
			p.fail()
			break
		}
		k = skipSpaces(l, k+1)
	}
	p.slab.content(m, mark)
	return nil, 0
}

// blockScalar reads a | or > text whose indicator is at byte off, the
// value of a key at indent.
func (p *fastParser) blockScalar(off, indent int) *yaml.Node {
	l := p.lines[p.i]
	folded := l[off] == '>'
	chomp := byte(0)
	end := off + 1
	if end < len(l) && (l[end] == '-' || l[end] == '+') {
		chomp = l[end]
		end++
	}
	if len(bytes.TrimLeft(l[end:], " ")) > 0 {
		p.fail() // an indentation digit or a comment: yaml.v3's
		return nil
	}
	n := p.slab.node(yaml.ScalarNode, "!!str", p.line(), p.col(off))
	if folded {
		n.Style = yaml.FoldedStyle
	} else {
		n.Style = yaml.LiteralStyle
	}
	p.i++
	if p.i == len(p.lines) {
		p.fail()
		return nil
	}
	first := p.lines[p.i]
	blockIndent := 0
	for blockIndent < len(first) && first[blockIndent] == ' ' {
		blockIndent++
	}
	if blockIndent <= indent || blockIndent == len(first) || first[blockIndent] == '\t' {
		p.fail() // empty, or opening with blank lines
		return nil
	}
	var text strings.Builder
	blanks := 0 // blank lines since the last content line
	lines := 0
	for ; p.i < len(p.lines); p.i++ {
		l := p.lines[p.i]
		sp := 0
		for sp < len(l) && l[sp] == ' ' {
			sp++
		}
		if sp == len(l) {
			if sp > blockIndent {
				p.fail() // spaces that are text
				return nil
			}
			blanks++
			continue
		}
		if sp < blockIndent {
			break
		}
		body := l[blockIndent:]
		if folded && (body[0] == ' ' || body[0] == '\t') {
			p.fail() // a more-indented line of a folded text
			return nil
		}
		if lines > 0 {
			switch {
			case !folded:
				text.WriteString(strings.Repeat("\n", blanks+1))
			case blanks == 0:
				text.WriteByte(' ')
			default:
				text.WriteString(strings.Repeat("\n", blanks))
			}
		}
		text.Write(body)
		blanks = 0
		lines++
	}
	switch chomp {
	case 0:
		text.WriteByte('\n')
	case '+':
		text.WriteString(strings.Repeat("\n", blanks+1))
	}
	if chomp == '+' && p.i == len(p.lines) && blanks > 0 {
		p.fail() // kept blank lines at the end of a piece: yaml.v3's
		return nil
	}
	n.Value = text.String()
	if at, more := p.nextContent(); more && at > indent {
		p.fail()
	}
	return n
}

// plainTag is the tag yaml.v3 resolves a plain text to, as far as the
// reader looks: null and whole numbers exactly, booleans, and "!!str" for
// the rest (floats and timestamps included, which the reader reads as
// text).
func plainTag(v string) string {
	switch v {
	case "", "~", "null", "Null", "NULL":
		return "!!null"
	case "true", "True", "TRUE", "false", "False", "FALSE":
		return "!!bool"
	}
	if c := v[0]; (c < '0' || c > '9') && c != '-' && c != '+' {
		return "!!str"
	}
	if isYAMLInt(v) {
		return "!!int"
	}
	return "!!str"
}

// isYAMLInt reports a plain text yaml.v3 resolves to !!int (resolve.go):
// a Go integer literal with '_' allowed, or a 0b or 0o one.
func isYAMLInt(v string) bool {
	plain := strings.ReplaceAll(v, "_", "")
	if _, err := strconv.ParseInt(plain, 0, 64); err == nil {
		return true
	}
	if _, err := strconv.ParseUint(plain, 0, 64); err == nil {
		return true
	}
	for _, prefix := range []string{"0b", "-0b", "0o", "-0o"} {
		if digits, ok := strings.CutPrefix(plain, prefix); ok {
			base := 2
			if prefix[len(prefix)-1] == 'o' {
				base = 8
			}
			sign := ""
			if prefix[0] == '-' {
				sign = "-"
			}
			if _, err := strconv.ParseInt(sign+digits, base, 64); err == nil {
				return true
			}
			if sign == "" {
				if _, err := strconv.ParseUint(digits, base, 64); err == nil {
					return true
				}
			}
		}
	}
	return false
}
