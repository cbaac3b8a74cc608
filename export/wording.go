package export

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"strconv"

	"github.com/alliance-timeline/alliance-timeline/data"
	"github.com/alliance-timeline/alliance-timeline/data/safetext"
	"github.com/alliance-timeline/alliance-timeline/data/wording"
)

// Keyness is the name of the keyness table among what can be exported.
const Keyness = "keyness"

// KeynessRequest says which parts keyness compares (as wording.ParsePart
// reads them; B empty: the rest of the corpus) and the least frequency.
type KeynessRequest struct {
	A, B    string
	MinFreq int
}

// KeynessQuery reads a keyness request.
func (k KeynessRequest) Query() (wording.KeynessQuery, error) {
	a, err := wording.ParsePart(k.A)
	if err != nil {
		return wording.KeynessQuery{}, fmt.Errorf("--a: %w", err)
	}
	b := wording.Part{Label: "rest", Rest: true}
	if k.B != "" {
		if b, err = wording.ParsePart(k.B); err != nil {
			return wording.KeynessQuery{}, fmt.Errorf("--b: %w", err)
		}
	}
	return wording.KeynessQuery{A: a, B: b, MinFreq: k.MinFreq}, nil
}

// KeynessCSV compares the parts and writes the table: term, its
// frequencies in A and B, G² and the log ratio, A's terms first, each
// part's by G² (every cell inert in spreadsheets).
func KeynessCSV(c *data.Corpus, r KeynessRequest) ([]byte, error) {
	q, err := r.Query()
	if err != nil {
		return nil, err
	}
	k, err := wording.Compare(context.Background(), c, q)
	if err != nil {
		return nil, err
	}
	return KeynessTableCSV(k)
}

// KeynessTableCSV writes a comparison made already (the window's).
func KeynessTableCSV(k *wording.Keyness) ([]byte, error) {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.Write([]string{"term", "a", "b", "g2", "log_ratio"})
	for _, t := range k.Terms {
		w.Write([]string{safetext.CSVCell(t.Term), strconv.Itoa(t.A), strconv.Itoa(t.B),
			strconv.FormatFloat(t.G2, 'f', 4, 64), strconv.FormatFloat(t.LogRatio, 'f', 4, 64)})
	}
	w.Flush()
	return buf.Bytes(), w.Error()
}
