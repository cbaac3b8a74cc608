package cache

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"image/color"
	"io"
	"math"
	"slices"

	"github.com/alliance-timeline/alliance-timeline/data"
	"github.com/alliance-timeline/alliance-timeline/data/load"
)

// The cache payload is the corpus written field by field: lengths and
// numbers as varints, texts as a length and bytes, links between records as
// positions in their lists (a source's meetings and annotations are derived
// again by Corpus.index). Each file's stamp is stored when it can vouch for
// the file (Cache.vouches), a source file's text with it: a reopen then
// compares the file's stamp instead of reading it (a stat instead of an
// open and a read: 30,000 files of gen's corpus in 34 ms instead of 150 ms
// on two cores). Other files are read again and compared by digest.

// encoder appends to a buffer that it writes out as it fills.
type encoder struct {
	b   []byte
	w   io.Writer
	err error // the first write error
}

func (e *encoder) spill() {
	if len(e.b) >= 64<<10 {
		e.flush()
	}
}

func (e *encoder) flush() {
	if e.err == nil && len(e.b) > 0 {
		_, e.err = e.w.Write(e.b)
	}
	e.b = e.b[:0]
}

func (e *encoder) uint(v uint64) { e.b = binary.AppendUvarint(e.b, v); e.spill() }
func (e *encoder) int(v int)     { e.int64(int64(v)) }
func (e *encoder) int64(v int64) { e.b = binary.AppendVarint(e.b, v); e.spill() }
func (e *encoder) str(s string) {
	e.uint(uint64(len(s)))
	e.b = append(e.b, s...)
	e.spill()
}
func (e *encoder) date(d data.Date) {
	e.int(d.Year)
	e.int(d.Month)
	e.int(d.Day)
	e.int(int(d.Precision))
}
func (e *encoder) input(f load.Input) {
	e.str(f.Name)
	if f.Name == "" {
		return // a source's inline text: no file, so nothing more (100,000 of them took 10 ms of a reopen)
	}
	e.uint(uint64(f.Size))
	e.b = append(e.b, f.Digest[:]...)
	e.int64(f.Stamp.Mod)
	e.int64(f.Stamp.Change)
	e.uint(f.Stamp.Device)
	e.uint(f.Stamp.Inode)
}

// writeEntry writes a whole entry for a load's result to w, as it goes.
func writeEntry(w io.Writer, fingerprint, display string, in *load.Inputs, vouched func(load.Stamp) bool, c *data.Corpus, problems data.Problems) error {
	head := &encoder{w: w}
	head.b = append(head.b, entryMagic...)
	head.uint(cacheFormat)
	head.str(fingerprint)
	head.flush()
	sum := crc32.New(entryChecksum)
	var size countingWriter
	e := &encoder{b: make([]byte, 0, 80<<10), w: io.MultiWriter(w, sum, &size)}
	// The key.
	e.str(display)
	corpus := in.Corpus
	if !vouched(corpus.Stamp) {
		corpus.Stamp = load.Stamp{} // read again at a reopen
	}
	e.input(corpus)
	sources := in.SourceFiles()
	e.uint(uint64(len(sources)))
	for i, f := range sources {
		if !vouched(f.Stamp) {
			f.Stamp = load.Stamp{}
		}
		e.input(f)
		if f.Stamp.Known() {
			e.str(load.SourceText(in.SourceBytes(i)))
		}
	}
	// The corpus.
	e.str(c.Title)
	e.str(c.Description)
	e.int(c.Format)
	e.uint(uint64(len(c.Topics)))
	for _, t := range c.Topics {
		e.str(t.ID)
		e.str(t.Label)
		e.b = append(e.b, t.Color.R, t.Color.G, t.Color.B, t.Color.A)
		e.str(t.Description)
		e.uint(uint64(len(t.Terms)))
		for _, term := range t.Terms {
			e.str(term)
		}
	}
	// The sources and the meetings are a section of their own, its length
	// ahead of it, so that a reopen decodes it beside the annotations.
	e.uint(uint64(len(c.Sources)))
	var section bytes.Buffer
	records := &encoder{b: make([]byte, 0, 64<<10), w: &section}
	records.sourcesAndMeetings(c)
	records.flush()
	e.uint(uint64(section.Len()))
	e.flush()
	if e.err == nil { // the section as it is, not copied into e's buffer first
		_, e.err = e.w.Write(section.Bytes())
	}
	e.annotations(c.Annotations)
	e.uint(uint64(len(c.Eras)))
	for _, era := range c.Eras {
		e.str(era.Group)
		e.str(era.Label)
		e.date(era.Start)
		e.date(era.End)
	}
	e.annotations(c.Rejections)
	e.uint(uint64(len(problems)))
	for _, p := range problems {
		e.str(p.File)
		e.int(p.Line)
		e.int(p.Col)
		e.int(int(p.Severity))
		e.str(p.Message)
	}
	e.flush()
	// The trailer: the payload's size and checksum.
	tail := &encoder{w: w}
	tail.b = binary.LittleEndian.AppendUint64(tail.b, uint64(size))
	tail.b = sum.Sum(tail.b)
	tail.flush()
	return cmp.Or(head.err, e.err, tail.err) // the first: a full disk fails every write after it
}

// sourcesAndMeetings writes the records of the entry's section: each
// source (their count is written before the section), then the meetings.
func (e *encoder) sourcesAndMeetings(c *data.Corpus) {
	for _, s := range c.Sources {
		d := s.Details()
		for _, v := range []string{s.ID, s.Title, d.Publisher, d.Author, d.Published, d.PublishedNote, d.URL, s.Kind, s.Language,
			d.Origin.File, d.Origin.SHA256, d.Origin.Extractor, d.Origin.Date, s.File} {
			e.str(v)
		}
		if s.File == "" {
			e.str(s.Text)
		}
		e.uint(uint64(len(s.Excluded)))
		for _, r := range s.Excluded {
			e.int(r.Start)
			e.int(r.End)
			e.str(r.Reason)
		}
		e.int(s.Words)
		e.int(d.FirstPage)
	}
	e.uint(uint64(len(c.Meetings)))
	for _, m := range c.Meetings {
		for _, v := range []string{m.ID, m.Title, m.Short, m.Kind} {
			e.str(v)
		}
		e.date(m.Date)
		e.date(m.End)
		e.str(m.Place)
		e.uint(uint64(len(m.Participants)))
		for _, p := range m.Participants {
			for _, v := range []string{p.Name, p.Hangul, p.Role, p.Country} {
				e.str(v)
			}
		}
		e.str(m.Summary)
		e.str(m.Notes)
		e.uint(uint64(len(m.Sources)))
		for _, s := range m.Sources {
			e.uint(uint64(s.Index))
		}
	}
}

// annotations writes a list of annotations (or rejections).
func (e *encoder) annotations(list []*data.Annotation) {
	e.uint(uint64(len(list)))
	for _, a := range list {
		e.uint(uint64(a.Source.Index))
		e.uint(uint64(a.Topic.Index))
		d := a.Details()
		for _, v := range []string{a.Quote, d.Prefix, d.Suffix, d.Note, a.Coder, d.Created} {
			e.str(v)
		}
		e.int(a.Start)
		e.int(a.Line)
		an := a.Anchor
		e.uint(uint64(an.Status))
		for _, v := range []int{an.Start, an.End, an.ByteStart, an.ByteEnd, an.Matches} {
			e.int(v)
		}
		e.b = binary.LittleEndian.AppendUint64(e.b, math.Float64bits(an.Score))
		e.str(an.Detail)
		e.spill()
	}
}

// countingWriter counts what is written through it.
type countingWriter int64

func (c *countingWriter) Write(p []byte) (int, error) {
	*c += countingWriter(len(p))
	return len(p), nil
}

// decoder reads a payload. The first fault stops it: later reads return
// zero values, and err says what was wrong. Every count is checked against
// what is left, so a damaged entry cannot make it allocate without bound,
// and every position against its list, so it cannot make the corpus panic.
type decoder struct {
	s   string
	err error
}

var errShort = errors.New("cut short")

func (d *decoder) fail(err error) {
	if d.err == nil {
		d.err = err
	}
	d.s = ""
}

func (d *decoder) uint() uint64 {
	if d.err != nil {
		return 0
	}
	var v uint64
	for i := 0; i < len(d.s) && i < binary.MaxVarintLen64; i++ {
		c := d.s[i]
		v |= uint64(c&0x7f) << (7 * i)
		if c < 0x80 {
			d.s = d.s[i+1:]
			return v
		}
	}
	d.fail(errShort)
	return 0
}

func (d *decoder) int() int { return int(d.int64()) }

func (d *decoder) int64() int64 {
	u := d.uint()
	v := int64(u >> 1)
	if u&1 != 0 {
		v = ^v
	}
	return v
}

// count reads a list's length; each entry takes a byte at least.
func (d *decoder) count() int {
	n := d.uint()
	if n > uint64(len(d.s)) {
		d.fail(fmt.Errorf("a list of %d entries in %d bytes", n, len(d.s)))
		return 0
	}
	return int(n)
}

func (d *decoder) bytes(n int) string {
	if d.err != nil {
		return ""
	}
	if n > len(d.s) {
		d.fail(errShort)
		return ""
	}
	b := d.s[:n]
	d.s = d.s[n:]
	return b
}

func (d *decoder) float() float64 {
	b := d.bytes(8)
	if len(b) < 8 {
		return 0
	}
	var bits uint64
	for i := 7; i >= 0; i-- {
		bits = bits<<8 | uint64(b[i])
	}
	return math.Float64frombits(bits)
}

func (d *decoder) str() string {
	n := d.uint()
	if n > uint64(len(d.s)) {
		d.fail(errShort)
		return ""
	}
	return d.bytes(int(n))
}

// index reads a position in a list of n.
func (d *decoder) index(n int, what string) int {
	i := d.uint()
	if d.err == nil && i >= uint64(n) {
		d.fail(fmt.Errorf("%s %d of %d", what, i, n))
		return 0
	}
	return int(i)
}

func (d *decoder) date() data.Date {
	v := data.Date{Year: d.int(), Month: d.int(), Day: d.int(), Precision: data.Precision(d.int())}
	if d.err == nil && v != (data.Date{}) && !v.Valid() {
		d.fail(fmt.Errorf("date %+v is not a date", v))
	}
	return v
}

func (d *decoder) input() load.Input {
	name := d.str()
	if name == "" {
		return load.Input{} // inline text
	}
	size := d.uint()
	if d.err == nil && size > load.MaxCorpusBytes {
		d.fail(fmt.Errorf("an input of %d bytes", size))
		size = 0
	}
	f := load.Input{Name: name, Size: int64(size)}
	copy(f.Digest[:], d.bytes(sha256.Size))
	f.Stamp = load.Stamp{Size: f.Size, Mod: d.int64(), Change: d.int64(), Device: d.uint(), Inode: d.uint()}
	return f
}

// entryKey is what an entry was made from.
type entryKey struct {
	display string
	corpus  load.Input
	sources []load.Input
	texts   []string // by source index: the text of a file with a known stamp
}

func (d *decoder) key() entryKey {
	k := entryKey{display: d.str(), corpus: d.input()}
	k.sources = make([]load.Input, d.count())
	k.texts = make([]string, len(k.sources))
	for i := range k.sources {
		k.sources[i] = d.input()
		if k.sources[i].Stamp.Known() {
			k.texts[i] = d.str()
			if d.err == nil && int64(len(k.texts[i])) > k.sources[i].Size {
				d.fail(fmt.Errorf("a text of %d bytes from a file of %d", len(k.texts[i]), k.sources[i].Size))
			}
		}
	}
	return k
}

// corpus decodes the corpus after the key; inputs are the key's source
// files by source index. The corpus is derived once decoded whole, and
// the source files' texts come later, from attachTexts.
func (d *decoder) corpus(display string, inputs []load.Input) (*data.Corpus, data.Problems) {
	c := &data.Corpus{Path: display, Title: d.str(), Description: d.str(), Format: d.int()}
	topics := make([]data.Topic, d.count())
	c.Topics = make([]*data.Topic, len(topics))
	for i := range topics {
		t := &topics[i]
		t.Index, t.ID, t.Label = i, d.str(), d.str()
		rgba := d.bytes(4)
		if len(rgba) == 4 {
			t.Color = color.NRGBA{rgba[0], rgba[1], rgba[2], rgba[3]}
		}
		t.Description = d.str()
		if n := d.count(); n > 0 {
			t.Terms = make([]string, n)
			for j := range t.Terms {
				t.Terms[j] = d.str()
			}
		}
		c.Topics[i] = t
	}
	sources := make([]data.Source, d.count())
	if d.err == nil && len(sources) != len(inputs) {
		d.fail(fmt.Errorf("%d sources for %d inputs", len(sources), len(inputs)))
	}
	c.Sources = make([]*data.Source, len(sources))
	for i := range sources {
		c.Sources[i] = &sources[i]
	}
	// The sources and the meetings are decoded beside the annotations,
	// which need only the sources' places: a reload of the peer's items
	// in the window has a core free then (no source files to check).
	records := d.section()
	decoded := make(chan struct{})
	go func() {
		defer close(decoded)
		records.sources(sources, inputs)
		records.meetings(c)
		if records.err == nil && records.s != "" {
			records.fail(fmt.Errorf("%d bytes left over in the records", len(records.s)))
		}
	}()
	c.Annotations = d.annotations(c)
	if n := d.count(); n > 0 {
		eras := make([]data.Era, n)
		c.Eras = make([]*data.Era, n)
		for i := range eras {
			eras[i] = data.Era{Group: d.str(), Label: d.str(), Start: d.date(), End: d.date()}
			c.Eras[i] = &eras[i]
		}
	}
	if c.Rejections = d.annotations(c); len(c.Rejections) == 0 {
		c.Rejections = nil
	}
	var problems data.Problems
	if n := d.count(); n > 0 {
		problems = make(data.Problems, n)
		for i := range problems {
			problems[i] = data.Problem{File: d.str(), Line: d.int(), Col: d.int(), Severity: data.Severity(d.int()), Message: d.str()}
			if d.err == nil && problems[i].Severity != data.Warning {
				d.fail(errors.New("an entry holds an error"))
			}
		}
	}
	<-decoded
	if records.err != nil { // it comes first in the payload
		d.err = records.err
	}
	if d.err == nil && d.s != "" {
		d.fail(fmt.Errorf("%d bytes left over", len(d.s)))
	}
	if d.err != nil {
		return nil, nil
	}
	return c, problems
}

// annotations reads a list that encoder.annotations wrote, its links to

// section returns a decoder of the section that comes next, its length
// ahead of it, and moves past it.
func (d *decoder) section() *decoder {
	n := d.uint()
	if d.err == nil && n > uint64(len(d.s)) {
		d.fail(errShort)
	}
	if d.err != nil {
		return &decoder{err: d.err}
	}
	sub := &decoder{s: d.s[:n]}
	d.s = d.s[n:]
	return sub
}

// sources decodes the sources into their records; inputs are the key's
// source files by source index.
func (d *decoder) sources(sources []data.Source, inputs []load.Input) {
	for i := range sources {
		s := &sources[i]
		s.Index = i
		var details data.SourceDetails
		s.ID, s.Title, details.Publisher, details.Author, details.Published = d.str(), d.str(), d.str(), d.str(), d.str()
		details.PublishedNote, details.URL, s.Kind, s.Language = d.str(), d.str(), d.str(), d.str()
		details.Origin.File, details.Origin.SHA256, details.Origin.Extractor, details.Origin.Date, s.File = d.str(), d.str(), d.str(), d.str(), d.str()
		switch {
		case d.err != nil:
		case s.File == "":
			s.Text = d.str()
		case inputs[i].Name == "":
			d.fail(fmt.Errorf("source %d has a file but no input", i))
		}
		if n := d.count(); n > 0 {
			s.Excluded = make([]data.Range, n)
			for j := range s.Excluded {
				s.Excluded[j] = data.Range{Start: d.int(), End: d.int(), Reason: d.str()}
			}
		}
		s.Words = d.int()
		details.FirstPage = d.int()
		s.SetDetails(details)
	}
}

// meetings decodes the meetings of c, whose sources are in place.
func (d *decoder) meetings(c *data.Corpus) {
	meetings := make([]data.Meeting, d.count())
	c.Meetings = make([]*data.Meeting, len(meetings))
	var sourcesOf []*data.Source
	for i := range meetings {
		m := &meetings[i]
		m.Index = i
		m.ID, m.Title, m.Short, m.Kind = d.str(), d.str(), d.str(), d.str()
		m.Date, m.End = d.date(), d.date()
		m.Place = d.str()
		if n := d.count(); n > 0 {
			m.Participants = make([]data.Participant, n)
			for j := range m.Participants {
				m.Participants[j] = data.Participant{Name: d.str(), Hangul: d.str(), Role: d.str(), Country: d.str()}
			}
		}
		m.Summary, m.Notes = d.str(), d.str()
		if n := d.count(); n > 0 {
			// Carved from a shared array, capped so an append copies: one
			// allocation per thousands of meetings instead of one each.
			if len(sourcesOf) < n {
				sourcesOf = make([]*data.Source, max(n, 4096))
			}
			m.Sources, sourcesOf = sourcesOf[:n:n], sourcesOf[n:]
			for j := range m.Sources {
				if k := d.index(len(c.Sources), "source"); d.err == nil {
					m.Sources[j] = c.Sources[k]
				}
			}
		}
		c.Meetings[i] = m
	}
}

// c's sources and topics.
func (d *decoder) annotations(c *data.Corpus) []*data.Annotation {
	annotations := make([]data.Annotation, d.count())
	list := make([]*data.Annotation, len(annotations))
	for i := range annotations {
		a := &annotations[i]
		a.Index = i
		if k := d.index(len(c.Sources), "source"); d.err == nil {
			a.Source = c.Sources[k]
		}
		if k := d.index(len(c.Topics), "topic"); d.err == nil {
			a.Topic = c.Topics[k]
		}
		var details data.AnnotationDetails
		a.Quote, details.Prefix, details.Suffix, details.Note, a.Coder, details.Created = d.str(), d.str(), d.str(), d.str(), d.str(), d.str()
		a.SetDetails(details)
		a.Start, a.Line = d.int(), d.int()
		an := &a.Anchor
		an.Status = data.AnchorStatus(d.index(len(data.AnchorStatuses), "anchor status"))
		an.Start, an.End, an.ByteStart, an.ByteEnd, an.Matches = d.int(), d.int(), d.int(), d.int(), d.int()
		an.Score = d.float()
		an.Detail = d.str()
		list[i] = a
	}
	return list
}

// attachTexts gives the decoded and derived sources their files' texts
// (by source index), checking every excluded range and span against its
// text.
func attachTexts(c *data.Corpus, texts []string) error {
	if len(texts) != len(c.Sources) {
		return fmt.Errorf("%d texts for %d sources", len(texts), len(c.Sources))
	}
	for i, s := range c.Sources {
		if s.File != "" {
			s.SetText(texts[i])
		}
		for _, r := range s.Excluded {
			if r.Start < 0 || r.End < r.Start || r.End > len(s.Text) {
				return fmt.Errorf("source %d: excluded range %d-%d in a text of %d bytes", i, r.Start, r.End, len(s.Text))
			}
		}
	}
	for i, a := range append(slices.Clip(c.Annotations), c.Rejections...) {
		an := a.Anchor
		if an.Status != data.Orphaned && (an.ByteStart < 0 || an.ByteEnd < an.ByteStart || an.ByteEnd > len(a.Source.Text)) {
			return fmt.Errorf("annotation or rejection %d: span %d-%d in a text of %d bytes", i, an.ByteStart, an.ByteEnd, len(a.Source.Text))
		}
	}
	return nil
}
