package data

import (
	"path/filepath"
	"slices"
	"testing"
)

// Folders are the folders of Files, each once, the corpus file's first.
func TestFoldersHoldTheFiles(t *testing.T) {
	for _, tt := range []struct {
		name    string
		c       Corpus
		folders []string // relative to the corpus file's folder
	}{
		{"the built-in corpus", Corpus{}, nil},
		{"sources beside the corpus file", Corpus{Path: "in/c.yaml", Sources: []*Source{{File: "a.txt"}, {File: "b.txt"}, {}}}, []string{"."}},
		{"in folders, some twice, and a coder's file", Corpus{Path: "in/c.yaml",
			AnnotationFiles: []AnnotationFile{{Path: "coders/kim.yaml"}},
			Sources:         []*Source{{File: "sources/a.txt"}, {File: "other/b.txt"}, {File: "sources/c.txt"}, {File: "./sources/d.txt"}, {File: "sources/deep/e.txt"}}},
			[]string{".", "coders", "sources", "other", "sources/deep"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.c.Folders()
			var want []string
			if tt.c.Path != "" {
				dir, _ := filepath.Abs(filepath.Dir(tt.c.Path))
				for _, f := range tt.folders {
					want = append(want, filepath.Join(dir, filepath.FromSlash(f)))
				}
			}
			if !slices.Equal(got, want) {
				t.Errorf("folders %q, want %q", got, want)
			}
			var ofFiles []string
			for _, f := range tt.c.Files() {
				if d := filepath.Dir(f); !slices.Contains(ofFiles, d) {
					ofFiles = append(ofFiles, d)
				}
			}
			if !slices.Equal(got, ofFiles) {
				t.Errorf("folders %q, the files' folders %q", got, ofFiles)
			}
		})
	}
}
