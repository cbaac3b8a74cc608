package data

import "slices"

// Coders chooses annotations by who made them: nil chooses every
// annotation, the union of every coder's work; otherwise the annotations
// whose Coder is listed, "" standing for annotations that name no coder.
// A span two chosen coders both coded counts twice as spans (each is a
// span the listing shows), once as a source or a meeting.
type Coders []string

// Has reports whether the choice includes the annotation.
func (cs Coders) Has(a *Annotation) bool { return cs.Includes(a.Coder) }

// Includes reports whether the choice includes a coder by name ("" for
// annotations that name none).
func (cs Coders) Includes(name string) bool { return cs == nil || slices.Contains(cs, name) }

// Clone copies the choice, nobody's staying nobody's (an empty list, not
// nil, which is everyone's).
func (cs Coders) Clone() Coders {
	if cs == nil {
		return nil
	}
	return append(Coders{}, cs...)
}

// Same reports whether two choices choose alike: nil (everyone's) is not
// an empty list (nobody's).
func (cs Coders) Same(o Coders) bool {
	return (cs == nil) == (o == nil) && slices.Equal(cs, o)
}

// AnnotationFileOf is the annotation file a coder keeps their work in, as
// the corpus lists it; "" (the corpus file) for a coder without one.
func (c *Corpus) AnnotationFileOf(coder string) string {
	for _, af := range c.AnnotationFiles {
		if af.Coder == coder && coder != "" {
			return af.Path
		}
	}
	return ""
}

// Coders lists who made the corpus' annotations, each once, in the order
// they first appear in the file; "" stands for annotations that name no
// coder, listed where the first of them stands.
func (c *Corpus) Coders() []string {
	var out []string
	for _, a := range c.Annotations {
		if !slices.Contains(out, a.Coder) {
			out = append(out, a.Coder)
		}
	}
	return out
}
