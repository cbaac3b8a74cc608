package fonts

import "testing"

func TestFallbackChoice(t *testing.T) {
	s, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text string
		want bool
	}{
		{"Extended deterrence", false},
		{"café – “space”", false}, // the theme's font has these
		{"김관진", true},
		{"SCM 한미안보협의회", true},
		{"", false},
		{"\U0001F642", false}, // neither font has it: the theme's .notdef, not a gap in another font
	}
	for _, tt := range tests {
		if got := s.NeedsFallback(tt.text); got != tt.want {
			t.Errorf("NeedsFallback(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
	if !Has(s.Fallback, nil, '김') || Has(s.Regular, nil, '김') {
		t.Error("the fallback should have Hangul and the theme's font none")
	}
	if again, _ := Load(); again != s {
		t.Error("Load parsed the fonts again")
	}
}
