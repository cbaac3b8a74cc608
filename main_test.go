package main

import "testing"

func TestFyneAppTOMLHasIdentity(t *testing.T) {
	d := details()
	if d.Details.Name == "" || d.Details.ID == "" || d.Details.Version == "" {
		t.Fatalf("FyneApp.toml lacks name, id or version: %+v", d)
	}
}
