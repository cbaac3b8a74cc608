package load

import (
	"bytes"
	"errors"
	"io"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

	"go.yaml.in/yaml/v3"
)

// A large corpus file is decoded in pieces: its long lists (sources,
// meetings, annotations) are cut between items into pieces of a few hundred
// kilobytes, which are decoded on all cores while the records of the pieces
// before them are read, and dropped once read (a piece in the plain block
// style is decoded by fastyaml.go's parser into nodes used again). Decoding the whole file into
// one node tree took a core for a second and 216 MB for the 100,000-
// annotation corpus; in pieces it takes both cores and a few megabytes at a
// time.
//
// Cutting YAML text is safe only where no multi-line construct can be open,
// so the plan is made by a conservative scan: every line of the file must
// hold only constructs that end on that line (quoted scalars, flow
// collections), block scalars (whose content is indented deeper than any
// cut) or plain text. Anything else (document markers, directives, tabs in
// indentation, anchors, aliases, tags, a quote or bracket left open at the
// end of a line, a list that is not a plain block list) and the file is
// decoded whole, as is a file any of whose pieces fails to decode: the
// whole-file path gives the exact syntax messages. A file too large to
// decode whole is refused instead, with the line that prevents the cut. A
// test decodes every test corpus both ways and compares, and FuzzLoad does
// the same with every input.

// pieceMinBytes is the smallest corpus file decoded in pieces, and
// pieceBytes the size a piece is cut at (tests lower both, through
// Options).
const (
	pieceMinBytes = 1 << 20
	pieceBytes    = 256 << 10
)

// piecewiseLists are the lists that are cut, in the order they are read.
var piecewiseLists = []string{"sources", "meetings", "annotations"}

// piece is a run of whole items of one list, with the line it starts on.
type piece struct {
	list      string
	text      []byte
	firstLine int
	items     int // how many items start in it
}

// piecePlan is a corpus file cut for decoding in pieces: the skeleton is
// the file with the cut lists' items blanked (lines kept, so positions
// hold), and the pieces hold those items, in reading order.
type piecePlan struct {
	skeleton []byte
	pieces   []piece
}

// uncut says why a corpus file cannot be cut into pieces, and where.
type uncut struct {
	line   int
	reason string
}

// planPieces cuts raw into pieces of about pieceBytes when it has
// minBytes at least; otherwise, or when it cannot be cut safely, it says
// why (a nil uncut with no pieces: too small).
func planPieces(raw []byte, minBytes, pieceBytes int) (piecePlan, *uncut) {
	if len(raw) < minBytes {
		return piecePlan{}, nil
	}
	if bytes.HasPrefix(raw, []byte("\uFEFF")) {
		return piecePlan{}, &uncut{1, "it starts with a byte-order mark"}
	}
	if line := otherBreak(raw); line > 0 {
		return piecePlan{}, &uncut{line, "a line break other than LF or CR LF (a lone CR, or NEL, LS or PS, which YAML counts as line breaks)"}
	}
	lines := splitLines(raw)
	type span struct{ from, to int } // lines [from, to) of a list's items
	lists := map[string]span{}
	skeleton := make([]byte, 0, len(raw)/8)
	// The skeleton's lines are scanned too: a quoted text open at the end
	// of one could run on over a list (YAML allows its next lines at any
	// indentation), and the list would then be text, not items.
	var scan lineScan
	rootSeen := false
	for i := 0; i < lines.len(); {
		line := lines.line(i)
		if why := topLevelSafe(line); why != "" {
			return piecePlan{}, &uncut{i + 1, why}
		}
		if !rootSeen && !blankOrComment(line) {
			// The lists are found by their keys at column 0, which are keys
			// of the file's mapping only when it starts there.
			if c := content(line); c[0] == ' ' || isItemStart(c) || c[0] == '{' || c[0] == '[' {
				return piecePlan{}, &uncut{i + 1, "the file's mapping does not start at the beginning of its first line"}
			}
			rootSeen = true
		}
		if why := scan.line(content(line)); why != "" {
			return piecePlan{}, &uncut{i + 1, why}
		}
		name, ok := listKey(line)
		if !ok {
			skeleton = append(skeleton, line...)
			i++
			continue
		}
		if _, dup := lists[name]; dup {
			return piecePlan{}, &uncut{i + 1, "the " + name + " list appears twice"}
		}
		skeleton = append(skeleton, line...)
		end, bad := listEnd(lines, i+1)
		if bad != nil {
			return piecePlan{}, bad
		}
		lists[name] = span{i + 1, end}
		for j := i + 1; j < end; j++ {
			skeleton = append(skeleton, lineEnding(lines.line(j))...)
		}
		i = end
	}
	var plan piecePlan
	plan.skeleton = skeleton
	for _, name := range piecewiseLists {
		sp, ok := lists[name]
		if !ok || sp.from == sp.to {
			continue
		}
		pieces, bad := cutList(name, lines, sp.from, sp.to, pieceBytes)
		if bad != nil {
			return piecePlan{}, bad
		}
		plan.pieces = append(plan.pieces, pieces...)
	}
	if len(plan.pieces) == 0 {
		return piecePlan{}, &uncut{1, "none of its sources, meetings and annotations is a list in block style (a line \"- \" per item)"}
	}
	return plan, nil
}

// otherBreak finds the first line (counting LF) that holds a line break
// YAML knows besides LF and CR LF: the cut works on LF lines, and a break
// it cannot see would let a line start where the scan does not look. 0 for
// none.
func otherBreak(raw []byte) int {
	at := -1
	for _, b := range [][]byte{[]byte("\u0085"), []byte("\u2028"), []byte("\u2029")} {
		if i := bytes.Index(raw, b); i >= 0 && (at < 0 || i < at) {
			at = i
		}
	}
	for i := 0; ; i++ {
		j := bytes.IndexByte(raw[i:], '\r')
		if j < 0 || (at >= 0 && i+j > at) {
			break
		}
		i += j
		if i+1 == len(raw) || raw[i+1] != '\n' {
			at = i
			break
		}
	}
	if at < 0 {
		return 0
	}
	return bytes.Count(raw[:at], []byte("\n")) + 1
}

// fileLines is a file cut after each line feed, the line endings kept
// with their lines. It keeps where each line starts: 4 bytes a line where
// a slice of each took 24 (the 100,000-item corpus has 1.3 million lines).
// A file is at most MaxCorpusBytes, which an int32 holds.
type fileLines struct {
	raw    []byte
	starts []int32 // of each line, then len(raw)
}

func splitLines(raw []byte) fileLines {
	starts := make([]int32, 1, bytes.Count(raw, []byte("\n"))+2)
	for at := 0; at < len(raw); {
		i := bytes.IndexByte(raw[at:], '\n')
		if i < 0 {
			break
		}
		at += i + 1
		if at < len(raw) {
			starts = append(starts, int32(at))
		}
	}
	if len(raw) > 0 {
		starts = append(starts, int32(len(raw)))
	}
	return fileLines{raw: raw, starts: starts}
}

// len is the number of lines.
func (f fileLines) len() int { return len(f.starts) - 1 }

// line is line i (from 0), with its line ending. Its capacity runs to the
// end of the file (joined).
func (f fileLines) line(i int) []byte { return f.raw[f.starts[i]:f.starts[i+1]] }

// lineEnding is what is left of a blanked line: its line break.
func lineEnding(line []byte) []byte {
	switch {
	case bytes.HasSuffix(line, []byte("\r\n")):
		return []byte("\r\n")
	case bytes.HasSuffix(line, []byte("\n")):
		return []byte("\n")
	}
	return nil
}

// content is a line without its line break.
func content(line []byte) []byte {
	return bytes.TrimRight(line, "\r\n")
}

// indentOf counts the spaces that start a line; tab is true when a tab
// comes before its first other character.
func indentOf(line []byte) (n int, tab bool) {
	for n < len(line) && line[n] == ' ' {
		n++
	}
	return n, n < len(line) && line[n] == '\t'
}

// blankOrComment reports a line with nothing for the parser.
func blankOrComment(line []byte) bool {
	t := bytes.TrimLeft(content(line), " \t")
	return len(t) == 0 || t[0] == '#'
}

// topLevelSafe says what makes a file unfit to cut: document markers,
// directives and tabs in indentation ("" for none).
func topLevelSafe(line []byte) string {
	c := content(line)
	switch _, tab := indentOf(c); {
	case tab:
		return "a tab in the indentation"
	case bytes.HasPrefix(c, []byte("---")) || bytes.HasPrefix(c, []byte("...")):
		return "a document marker (--- or ...)"
	case bytes.HasPrefix(c, []byte("%")):
		return "a YAML directive (%)"
	}
	return ""
}

// listKey recognises the top-level line that opens a list to cut:
// "annotations:" alone, with a comment at most.
func listKey(line []byte) (string, bool) {
	c := content(line)
	for _, name := range piecewiseLists {
		if rest, ok := bytes.CutPrefix(c, []byte(name+":")); ok {
			rest = bytes.TrimLeft(rest, " \t")
			if len(rest) == 0 || rest[0] == '#' {
				return name, true
			}
		}
	}
	return "", false
}

// listEnd finds where the list opened above line from ends: at the next
// line at column 0 that is not blank, a comment or an item at column 0.
func listEnd(lines fileLines, from int) (int, *uncut) {
	for i := from; i < lines.len(); i++ {
		c := content(lines.line(i))
		if why := topLevelSafe(lines.line(i)); why != "" {
			return 0, &uncut{i + 1, why}
		}
		if len(c) == 0 || c[0] == ' ' || c[0] == '#' || isItemStart(c) {
			continue
		}
		return i, nil
	}
	return lines.len(), nil
}

// isItemStart reports a line that is a list item: "-" then a space or
// nothing.
func isItemStart(c []byte) bool {
	return len(c) > 0 && c[0] == '-' && (len(c) == 1 || c[1] == ' ')
}

// cutList cuts lines [from, to), the body of a list, into pieces between
// items, checking that every line is safe to cut around.
func cutList(name string, lines fileLines, from, to, pieceBytes int) ([]piece, *uncut) {
	first := from
	for first < to && blankOrComment(lines.line(first)) {
		first++
	}
	if first == to {
		return nil, nil
	}
	itemIndent, _ := indentOf(lines.line(first))
	if !isItemStart(content(lines.line(first))[itemIndent:]) {
		return nil, &uncut{first + 1, "the " + name + " list is not in block style (a line \"- \" per item)"}
	}
	var pieces []piece
	start, size, items := first, 0, 0
	var scan lineScan
	for i := first; i < to; i++ {
		line := lines.line(i)
		c := content(line)
		indent, _ := indentOf(c)
		if !blankOrComment(line) {
			if indent < itemIndent {
				return nil, &uncut{i + 1, "the line is less indented than the items of the " + name + " list"}
			}
			if indent == itemIndent && !scan.inBlockScalar(indent) {
				if !isItemStart(c[indent:]) {
					return nil, &uncut{i + 1, "the line is not an item of the " + name + " list, yet as indented as its items"}
				}
				if size >= pieceBytes {
					pieces = append(pieces, piece{name, joined(lines.line(start), size), start + 1, items})
					start, size, items = i, 0, 0
				}
				items++
			}
		}
		if why := scan.line(c); why != "" {
			return nil, &uncut{i + 1, why}
		}
		size += len(line)
	}
	pieces = append(pieces, piece{name, joined(lines.line(start), size), start + 1, items})
	return pieces, nil
}

// joined is the size bytes from first on: a run of lines of the file
// without a copy, since fileLines leaves each line's capacity reaching to
// the end of the file.
func joined(first []byte, size int) []byte {
	return first[:size:size]
}

// lineScan follows the constructs that can span lines. It knows only
// block scalars; a quoted scalar or flow collection still open at the end
// of a line makes the line unsafe.
type lineScan struct {
	block       bool // inside a block scalar
	blockIndent int  // the indentation of the line that opened it
}

// inBlockScalar reports whether a line with this indentation is part of
// the open block scalar (content is indented deeper than its opening line).
func (s *lineScan) inBlockScalar(indent int) bool {
	return s.block && indent > s.blockIndent
}

// line takes the next line (without its break) and says what makes it
// unsafe to cut around ("" for nothing).
func (s *lineScan) line(c []byte) string {
	indent, _ := indentOf(c)
	if s.block {
		if len(bytes.TrimSpace(c)) == 0 || indent > s.blockIndent {
			return ""
		}
		s.block = false
	}
	i := indent
	valueStart := true // a node may start here
	for i < len(c) {
		ch := c[i]
		switch {
		case ch == ' ' || ch == '\t':
			i++
			continue
		case ch == '#' && (i == 0 || c[i-1] == ' ' || c[i-1] == '\t'):
			return ""
		case valueStart && (ch == '-' || ch == '?' || ch == ':') && (i+1 == len(c) || c[i+1] == ' ' || c[i+1] == '\t'):
			i++ // an indicator; a node may follow
			continue
		case valueStart && (ch == '&' || ch == '*' || ch == '!' || ch == '@' || ch == '`' || ch == '%'):
			return "an anchor, alias or tag (&, *, !) or a reserved character (@, `, %)"
		case valueStart && (ch == '"' || ch == '\''):
			end := quotedEnd(c, i)
			if end < 0 {
				return "a quoted text that goes on to the next line"
			}
			i = end
			valueStart = false
			continue
		case valueStart && (ch == '[' || ch == '{'):
			end := flowEnd(c, i)
			if end < 0 {
				return "a [ ] or { } list that goes on to the next line"
			}
			i = end
			valueStart = false
			continue
		case valueStart && (ch == '|' || ch == '>'):
			rest := bytes.TrimLeft(c[i+1:], "+-0123456789")
			rest = bytes.TrimLeft(rest, " \t")
			if len(rest) > 0 && rest[0] != '#' {
				return "text after a block scalar's | or >"
			}
			s.block, s.blockIndent = true, indent
			return ""
		}
		// A plain scalar: it runs to ": " (a key), " #" (a comment) or the end.
		valueStart = false
		for i < len(c) {
			if c[i] == ':' && (i+1 == len(c) || c[i+1] == ' ' || c[i+1] == '\t') {
				i++
				valueStart = true
				break
			}
			if c[i] == '#' && i > 0 && (c[i-1] == ' ' || c[i-1] == '\t') {
				return ""
			}
			i++
		}
	}
	return ""
}

// quotedEnd returns the index after the quoted scalar opening at c[i], or
// -1 when it does not close on the line.
func quotedEnd(c []byte, i int) int {
	q := c[i]
	for j := i + 1; j < len(c); j++ {
		switch {
		case q == '"' && c[j] == '\\':
			j++
		case c[j] == q && q == '\'' && j+1 < len(c) && c[j+1] == '\'':
			j++
		case c[j] == q:
			return j + 1
		}
	}
	return -1
}

// flowEnd returns the index after the flow collection opening at c[i], or
// -1 when it does not close on the line.
func flowEnd(c []byte, i int) int {
	depth := 0
	valueStart := true
	for j := i; j < len(c); j++ {
		switch ch := c[j]; {
		case ch == '[' || ch == '{':
			depth++
			valueStart = true
		case ch == ']' || ch == '}':
			depth--
			valueStart = false
			if depth == 0 {
				return j + 1
			}
		case ch == ',':
			valueStart = true
		case ch == ':':
			valueStart = true
		case ch == ' ' || ch == '\t':
		case ch == '#' && (c[j-1] == ' ' || c[j-1] == '\t'):
			return -1 // a comment inside: the collection goes on below
		case valueStart && (ch == '"' || ch == '\''):
			end := quotedEnd(c, j)
			if end < 0 {
				return -1
			}
			j = end - 1
			valueStart = false
		case valueStart && (ch == '&' || ch == '*' || ch == '!'):
			return -1
		default:
			valueStart = false
		}
	}
	return -1
}

// decodedPiece is a piece's items, or why the piece could not be decoded.
// slab, when set, holds the items' nodes, to be handed back once read.
type decodedPiece struct {
	items []*yaml.Node
	slab  *nodeSlab
	fail  *pieceFailure
}

// pieceFailure is why a file planned in pieces could not be read that way,
// placed in the file.
type pieceFailure struct {
	line, col int
	msg       string
}

// syntaxFailure places a YAML syntax error of text, which starts on line
// firstLine of the file: the piece is small, so the line is found exactly.
func syntaxFailure(text []byte, firstLine int, err error) *pieceFailure {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	msg = strings.TrimLeft(yamlErrorLine.ReplaceAllString(msg, ""), ": ")
	line, col := locateSyntaxError(text, msg, reportedLine(err))
	return &pieceFailure{firstLine + line - 1, col, "YAML syntax: " + msg}
}

// decodePieces decodes the pieces on all cores, a bounded number ahead of
// the reader, which takes results[i] in order and hands a token back for
// each, and each result's slab to slabs once its items are read. stop
// ends the decoding and returns once no worker reads a piece any more: the
// file's bytes may be freed then.
func decodePieces(pieces []piece) (results []chan decodedPiece, tokens chan struct{}, slabs chan *nodeSlab, stop func()) {
	workers := runtime.GOMAXPROCS(0)
	done := make(chan struct{})
	var running sync.WaitGroup
	results = make([]chan decodedPiece, len(pieces))
	for i := range results {
		results[i] = make(chan decodedPiece, 1)
	}
	ahead := 2 * workers
	tokens = make(chan struct{}, ahead+len(pieces))
	for range ahead {
		tokens <- struct{}{}
	}
	slabs = make(chan *nodeSlab, ahead+workers+1)
	var next atomic.Int64
	for range workers {
		running.Add(1)
		go func() {
			defer running.Done()
			for {
				select {
				case <-tokens:
				case <-done:
					return
				}
				select {
				case <-done: // both were ready, and select chose the token
					return
				default:
				}
				i := int(next.Add(1) - 1)
				if i >= len(pieces) {
					return
				}
				var slab *nodeSlab
				select {
				case slab = <-slabs:
				default:
					slab = &nodeSlab{}
				}
				d := decodePiece(pieces[i], slab)
				if d.slab == nil {
					slab.reset()
					handBack(slabs, slab)
				}
				results[i] <- d
			}
		}()
	}
	return results, tokens, slabs, func() {
		close(done)
		running.Wait()
	}
}

// handBack returns a slab for another piece (or drops it when enough wait).
func handBack(slabs chan *nodeSlab, slab *nodeSlab) {
	select {
	case slabs <- slab:
	default:
	}
}

// decodePiece decodes one piece, by the fast parser into slab when it
// can, else by yaml.v3, and places its nodes on their lines in the file.
func decodePiece(p piece, slab *nodeSlab) decodedPiece {
	if f := checkDecodeBounds(p.text, p.firstLine); f != nil {
		return decodedPiece{fail: &pieceFailure{f.line, 1, f.msg}}
	}
	if items, ok := parseFastPiece(p.text, p.firstLine, slab); ok {
		return decodedPiece{items: items, slab: slab}
	}
	slab.reset()
	var doc yaml.Node
	if err := yaml.Unmarshal(p.text, &doc); err != nil {
		return decodedPiece{fail: syntaxFailure(p.text, p.firstLine, err)}
	}
	if len(doc.Content) != 1 || doc.Content[0].Kind != yaml.SequenceNode {
		return decodedPiece{fail: &pieceFailure{p.firstLine, 1, "the " + p.list + " list does not decode as a list from here"}}
	}
	list := doc.Content[0]
	shiftLines(list, p.firstLine-1)
	return decodedPiece{items: list.Content}
}

// countKeys counts the keys of a mapping node named key.
func countKeys(m *yaml.Node, key string) int {
	n := 0
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			n++
		}
	}
	return n
}

// shiftLines adds by to the line of every node under n.
func shiftLines(n *yaml.Node, by int) {
	stack := []*yaml.Node{n}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		n.Line += by
		stack = append(stack, n.Content...)
	}
}

// loadInPieces reads the corpus file by its plan. A failure means the
// pieces do not decode; a small file is then read again whole, which says
// exactly why.
func (l *loader) loadInPieces(plan piecePlan) *pieceFailure {
	// The skeleton must be one document, as the whole file must: a second
	// one means the cut read lines as keys that the file does not.
	if f := checkDecodeBounds(plan.skeleton, 1); f != nil {
		return &pieceFailure{f.line, 1, f.msg}
	}
	dec := yaml.NewDecoder(bytes.NewReader(plan.skeleton))
	var doc, extra yaml.Node
	if err := dec.Decode(&doc); err != nil {
		return syntaxFailure(plan.skeleton, 1, err)
	}
	if err := dec.Decode(&extra); !errors.Is(err, io.EOF) {
		if err != nil {
			return syntaxFailure(plan.skeleton, 1, err)
		}
		return &pieceFailure{extra.Line, extra.Column, "the corpus file holds more than one YAML document; keep one"}
	}
	if len(doc.Content) != 1 || doc.Content[0].Kind != yaml.MappingNode {
		return &pieceFailure{1, 1, "the corpus file must be a mapping of keys to values"}
	}
	for _, list := range piecewiseLists {
		if countKeys(doc.Content[0], list) > 1 {
			return &pieceFailure{1, 1, "the " + list + " list appears twice"}
		}
	}
	results, tokens, slabs, stop := decodePieces(plan.pieces)
	defer stop()
	top, _ := l.r.mapping(doc.Content[0], "the corpus file", Keys["file"]...)
	l.readHeader(top)
	l.readTopics(top.value("topics"))
	next := 0 // the next piece to read
	for _, list := range piecewiseLists {
		if next == len(plan.pieces) || plan.pieces[next].list != list {
			// Not cut (written in flow style, say): it is in the skeleton.
			switch list {
			case "sources":
				l.readSources(top.value(list))
			case "meetings":
				l.readMeetings(top.value(list))
			case "annotations":
				l.readAnnotations(top.value(list))
			}
			continue
		}
		items := 0
		for _, p := range plan.pieces[next:] {
			if p.list == list {
				items += p.items
			}
		}
		l.reserve(list, items)
		n := 0 // items of the list so far
		for ; next < len(plan.pieces) && plan.pieces[next].list == list; next++ {
			d := <-results[next]
			tokens <- struct{}{}
			if d.fail != nil {
				return d.fail
			}
			l.opts.Progress.Stage(0, stageCorpusFile, next+1, len(plan.pieces))
			for _, item := range d.items {
				switch list {
				case "sources":
					l.readSource(n, item)
				case "meetings":
					l.readMeeting(n, item)
				case "annotations":
					l.readAnnotation(n, item)
				}
				n++
			}
			if d.slab != nil {
				// The records hold no node of the piece (a source's
				// exclude list is copied), so its nodes can serve again.
				d.slab.reset()
				handBack(slabs, d.slab)
			}
		}
	}
	l.readEras(top.value("eras"))
	l.readRejections(top.value("rejections"))
	l.readAnnotationFiles(top.value("annotation_files"))
	l.inPieces = true
	return nil
}
