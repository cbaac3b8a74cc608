package data

import "testing"

// Details behind a pointer: none costs nothing, a copy of a record keeps
// its own once either is given others, and a record with no details
// allocates nothing (taking &d moved every call's d to the heap).
func TestDetailsOfSourcesAndAnnotations(t *testing.T) {
	a := &Annotation{}
	a.SetDetails(AnnotationDetails{Prefix: "the ", Note: "checked"})
	b := *a
	b.SetDetails(AnnotationDetails{Note: "changed"})
	if a.Details() != (AnnotationDetails{Prefix: "the ", Note: "checked"}) || b.Details() != (AnnotationDetails{Note: "changed"}) {
		t.Errorf("details %+v and %+v after giving the copy others", a.Details(), b.Details())
	}
	a.SetDetails(AnnotationDetails{})
	if a.details != nil || a.Details() != (AnnotationDetails{}) {
		t.Errorf("no details: %+v held at %p", a.Details(), a.details)
	}
	s := &Source{}
	s.SetDetails(SourceDetails{Publisher: "Ministry", FirstPage: 3})
	if s.Details() != (SourceDetails{Publisher: "Ministry", FirstPage: 3}) {
		t.Errorf("source details %+v", s.Details())
	}
	s.SetDetails(SourceDetails{})
	if s.details != nil {
		t.Errorf("no source details held at %p", s.details)
	}
	if n := testing.AllocsPerRun(100, func() { a.SetDetails(AnnotationDetails{}); s.SetDetails(SourceDetails{}) }); n != 0 {
		t.Errorf("setting no details allocates %v times", n)
	}
}
