package safetext

import (
	"encoding/json"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestClip(t *testing.T) {
	for _, tc := range []struct {
		in   string
		n    int
		want string
	}{
		{"", 5, ""},
		{"abc", 3, "abc"},
		{"abcd", 3, "ab…"},
		{"한국어문장", 4, "한국어…"},
		{"한국어문장", 5, "한국어문장"},
		{"abc", 0, ""},
		{"abc", 1, "…"},
	} {
		if got := Clip(tc.in, tc.n); got != tc.want {
			t.Errorf("Clip(%q, %d) = %q, want %q", tc.in, tc.n, got, tc.want)
		}
	}
}

func TestClipMiddle(t *testing.T) {
	for _, tc := range []struct {
		in   string
		n    int
		want string
	}{
		{"short", 10, "short"},
		{"abcdefghij", 4, "ab … ij"},
		{"가나다라마바사", 4, "가나 … 바사"},
	} {
		if got := ClipMiddle(tc.in, tc.n); got != tc.want {
			t.Errorf("ClipMiddle(%q, %d) = %q, want %q", tc.in, tc.n, got, tc.want)
		}
	}
}

// A megabyte label is clipped at the cost of its first runes: the test
// would take seconds if Clip counted the whole string for each call.
func TestClipIsBoundedByN(t *testing.T) {
	huge := strings.Repeat("가", 1<<20)
	for i := 0; i < 20000; i++ {
		if got := Clip(huge, 40); utf8.RuneCountInString(got) != 40 {
			t.Fatalf("Clip gave %d runes", utf8.RuneCountInString(got))
		}
	}
	for i := 0; i < 20000; i++ {
		ClipMiddle(huge, 40)
	}
}

func TestVisible(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"plain text, 한국어 and — dashes", "plain text, 한국어 and — dashes"},
		{"\x1b]0;owned\x07title", `\e]0;owned\x07title`},
		{"line\nc.yaml:1:1: error: injected", `line\nc.yaml:1:1: error: injected`},
		{"a\x00b", `a\x00b`},
		{"\u202eevil\u202c", `\u202eevil\u202c`},
		{"iso\u2066late\u2069", `iso\u2066late\u2069`},
		{"sep\u2028ara\u2029tor\u0085", `sep\u2028ara\u2029tor\x85`},
		{"bad\xffbyte", `bad\xffbyte`},
		{`back\slash`, `back\slash`},
		{strconv.Quote("quoted\x1b"), strconv.Quote("quoted\x1b")},
		{"\x9b31m", `\x9b31m`},
		{"tab\there\r", `tab\there\r`},
	} {
		if got := Visible(tc.in); got != tc.want {
			t.Errorf("Visible(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestCSVCell(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"=HYPERLINK(\"http://x\",\"y\")", "'=HYPERLINK(\"http://x\",\"y\")"},
		{"+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"},
		{"-2+3", "'-2+3"},
		{"@SUM(1+1)", "'@SUM(1+1)"},
		{"  =1+1", "'  =1+1"},
		{"\t=1", "'\t=1"},
		{"\r=1", "'\r=1"},
		{"＝1+1", "'＝1+1"},
		{"-2", "-2"},
		{"-0.25", "-0.25"},
		{"12.5", "12.5"},
		{"2012", "2012"},
		{"Extended deterrence", "Extended deterrence"},
		{"확장억제", "확장억제"},
		{"-", "'-"},
		{"", ""},
	} {
		if got := CSVCell(tc.in); got != tc.want {
			t.Errorf("CSVCell(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func FuzzSafeText(f *testing.F) {
	for _, s := range []string{"", "abc", "\x1b[2J", "\u202e", "=1+1", "-2", "가나다", "\xff\xfe"} {
		f.Add(s, 10)
	}
	f.Fuzz(func(t *testing.T, s string, n int) {
		n = n%200 + 1
		if n < 1 {
			n = -n + 1
		}
		v := Visible(s)
		if Visible(v) != v {
			t.Fatalf("Visible is not idempotent on %q", s)
		}
		for _, r := range v {
			if escaped(r) {
				t.Fatalf("Visible(%q) left %U", s, r)
			}
		}
		if !utf8.ValidString(v) {
			t.Fatalf("Visible(%q) is not UTF-8: %q", s, v)
		}
		if c := Clip(s, n); utf8.RuneCountInString(c) > n {
			t.Fatalf("Clip(%q, %d) has %d runes", s, n, utf8.RuneCountInString(c))
		}
		if c := ClipMiddle(s, n); utf8.RuneCountInString(c) > n+3 {
			t.Fatalf("ClipMiddle(%q, %d) has %d runes", s, n, utf8.RuneCountInString(c))
		}
		cell := CSVCell(s)
		if cell != s && cell != "'"+s {
			t.Fatalf("CSVCell changed %q to %q", s, cell)
		}
		if cell == s {
			if tr := strings.TrimLeft(s, " "); tr != "" && strings.ContainsRune("=+@\t\r\n＝＋－＠", []rune(tr)[0]) {
				t.Fatalf("CSVCell left %q active", s)
			}
		}
	})
}

func TestJSON(t *testing.T) {
	for _, v := range []string{"plain", "\u202eevil\u202c", "\u2066x\u2069", "\u009b31m", "\u2028", "한국어"} {
		enc, _ := json.MarshalIndent(map[string]string{"title": v}, "", "  ")
		safe := JSON(enc)
		var back map[string]string
		if err := json.Unmarshal(safe, &back); err != nil || back["title"] != v {
			t.Errorf("%q: %s decodes to %q (%v)", v, safe, back["title"], err)
		}
		for _, r := range string(safe) {
			if r != '\n' && escaped(r) {
				t.Errorf("%q: %U left in %s", v, r, safe)
			}
		}
	}
}

func TestPlural(t *testing.T) {
	for n, want := range map[int]string{0: "0 errors", 1: "1 error", 2: "2 errors", 1000: "1000 errors"} {
		if got := Plural(n, "error"); got != want {
			t.Errorf("Plural(%d) = %q, want %q", n, got, want)
		}
	}
	if got := Plural(2, "match"); got != "2 matches" {
		t.Errorf("Plural(2, match) = %q", got)
	}
}
