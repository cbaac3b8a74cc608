package edit

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/alliance-timeline/alliance-timeline/assets"
	"github.com/alliance-timeline/alliance-timeline/data"
)

// The topic editor's edits on the built-in corpus: a topic renamed,
// recoloured, described and given terms; one merged into another, its
// annotations following; one deleted with its annotations. Each result
// loads as it should, and lines change only where the topic is.
func TestTopicEdits(t *testing.T) {
	path, err := assets.WriteCorpus(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := os.ReadFile(path)
	c := reload(t, path, raw)
	space := c.Topic("space")
	was := TopicFields{Label: space.Label, Color: "", Description: space.Description, Terms: space.Terms}
	out, err := SetTopic(raw, "space", was, TopicFields{Label: "Outer space", Color: "#117733", Description: "Space as a domain of the alliance", Terms: []string{"space", "satellite*", "우주"}})
	if err != nil {
		t.Fatal(err)
	}
	got := reload(t, path, out).Topic("space")
	if got.Label != "Outer space" || got.Description != "Space as a domain of the alliance" || strings.Join(got.Terms, "|") != "space|satellite*|우주" || got.Color.G != 0x77 {
		t.Errorf("the topic reads back as %+v", got)
	}
	if removed := removedLines(raw, out); removed > 4 {
		t.Errorf("the edit changed %d lines", removed)
	}
	spaceSpans, cyberSpans := count(c, "space"), count(c, "cyber")
	merged, err := MergeTopic(raw, c, "space", "cyber")
	if err != nil {
		t.Fatal(err)
	}
	m := reload(t, path, merged)
	if m.Topic("space") != nil || count(m, "cyber") != spaceSpans+cyberSpans || len(m.Annotations) != len(c.Annotations) {
		t.Errorf("merged: cyber has %d spans, want %d", count(m, "cyber"), spaceSpans+cyberSpans)
	}
	spaceRejected := rejected(c, "space")
	if spaceRejected == 0 || len(m.Rejections) != len(c.Rejections) || rejected(m, "cyber") != rejected(c, "cyber")+spaceRejected {
		t.Errorf("merged: the rejections of space did not go to cyber (%d of %d)", rejected(m, "cyber"), spaceRejected)
	}
	deleted, err := DeleteTopic(raw, c, "space")
	if err != nil {
		t.Fatal(err)
	}
	d := reload(t, path, deleted)
	if d.Topic("space") != nil || len(d.Annotations) != len(c.Annotations)-spaceSpans || len(d.Rejections) != len(c.Rejections)-spaceRejected {
		t.Errorf("deleted: %d annotations and %d rejections, want %d and %d", len(d.Annotations), len(d.Rejections), len(c.Annotations)-spaceSpans, len(c.Rejections)-spaceRejected)
	}
	if !insertedOnly(deleted, raw) {
		t.Error("the deletion changed lines it did not remove")
	}
	if _, err := RemoveTopic(raw, c, "space"); err == nil {
		t.Error("a topic in use was removed")
	}
	if _, err := SetTopic(raw, "space", was, TopicFields{Label: "x", Color: "#12"}); err == nil {
		t.Error("a bad colour was written")
	}
}

func rejected(c *data.Corpus, id string) int {
	n := 0
	for _, r := range c.Rejections {
		if r.Topic.ID == id {
			n++
		}
	}
	return n
}

func count(c *data.Corpus, id string) int {
	n := 0
	for _, a := range c.Annotations {
		if a.Topic.ID == id {
			n++
		}
	}
	return n
}

// removedLines counts the lines of before that after lacks.
func removedLines(before, after []byte) int {
	have := map[string]int{}
	for _, l := range strings.SplitAfter(string(after), "\n") {
		have[l]++
	}
	n := 0
	for _, l := range strings.SplitAfter(string(before), "\n") {
		if have[l] > 0 {
			have[l]--
		} else {
			n++
		}
	}
	return n
}

// A source attached to a meeting, then detached: the meeting has no text
// again, and a source it does not list cannot be detached.
func TestAttachAndDetachSource(t *testing.T) {
	path, err := assets.WriteCorpus(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := os.ReadFile(path)
	attached, err := AttachSource(raw, "scm-45", "afps-2012-10-24")
	if err != nil {
		t.Fatal(err)
	}
	c := reload(t, path, attached)
	if len(c.Meeting("scm-45").Sources) != 1 || len(c.Source("afps-2012-10-24").Meetings) != 2 {
		t.Fatalf("attached: %d sources", len(c.Meeting("scm-45").Sources))
	}
	back, err := DetachSource(attached, "scm-45", "afps-2012-10-24")
	if err != nil {
		t.Fatal(err)
	}
	if reload(t, path, back).Meeting("scm-45").HasText() {
		t.Error("detached, the meeting still has text")
	}
	if _, err := DetachSource(raw, "scm-44", "nope"); err == nil {
		t.Error("a source the meeting does not list was detached")
	}
}

// A meeting's participants are replaced in the list's style, Hangul
// names kept, every other line as it was; a meeting without them gets a
// list.
func TestSetParticipants(t *testing.T) {
	path, err := assets.WriteCorpus(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := os.ReadFile(path)
	ps := []Participant{{Name: "Leon E. Panetta", Role: "Secretary of Defense", Country: "United States"}, {Name: "Kim Kwan-jin", Hangul: "김관진", Role: "Minister of National Defense", Country: "Republic of Korea"}, {Name: "Jung Seung-jo", Hangul: "정승조", Role: "Chairman of the Joint Chiefs of Staff", Country: "Republic of Korea"}}
	out, err := SetParticipants(raw, "scm-44", ps)
	if err != nil {
		t.Fatal(err)
	}
	c := reload(t, path, out)
	got := c.Meeting("scm-44").Participants
	if len(got) != 3 || got[2].Hangul != "정승조" || got[1].Name != "Kim Kwan-jin" {
		t.Errorf("participants %+v", got)
	}
	if removedLines(raw, out) != 2 {
		t.Errorf("%d lines changed, want the 2 participants' lines", removedLines(raw, out))
	}
	// A meeting written without participants gets a list.
	bare := "m1"
	raw, _, err = AddMeeting([]byte("corpus: {title: T, format: 1}\n"), Meeting{ID: bare, Title: "One", Kind: "SCM", Date: "2022-11"})
	if err != nil {
		t.Fatal(err)
	}
	path = filepath.Join(t.TempDir(), "c.yaml")
	os.WriteFile(path, raw, 0o644)
	out, err = SetParticipants(raw, bare, ps[:1])
	if err != nil {
		t.Fatal(err)
	}
	if got := reload(t, path, out).Meeting(bare).Participants; len(got) != 1 || got[0].Name != "Leon E. Panetta" {
		t.Errorf("new participants %+v", got)
	}
}
