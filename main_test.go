package main

import (
	"bytes"
	"image/png"
	"testing"
)

func TestFyneAppTOMLHasIdentity(t *testing.T) {
	d := details()
	if d.Details.Name == "" || d.Details.ID == "" || d.Details.Version == "" {
		t.Fatalf("FyneApp.toml lacks name, id or version: %+v", d)
	}
}

// The metadata the app gives Fyne is the file's, with the migration that
// keeps Fyne from checking every call's goroutine, and the window's icon
// small enough to hand X at every start.
func TestMetadataIsTheFiles(t *testing.T) {
	d := details()
	m := d.metadata()
	if m.ID != d.Details.ID || m.Name != d.Details.Name || m.Version != d.Details.Version || m.Build != d.Details.Build || m.Build < 1 {
		t.Errorf("metadata %+v is not FyneApp.toml's %+v", m, d.Details)
	}
	if !m.Migrations["fyneDo"] {
		t.Errorf("metadata lacks the fyneDo migration: %v", m.Migrations)
	}
	img, err := png.DecodeConfig(bytes.NewReader(m.Icon.Content()))
	if err != nil {
		t.Fatalf("the window icon: %v", err)
	}
	if img.Width != 256 || img.Height != 256 {
		t.Errorf("the window icon is %d×%d, want 256×256", img.Width, img.Height)
	}
}
