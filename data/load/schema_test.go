package load

import (
	"encoding/json"
	"os"
	"sort"
	"strings"
	"testing"
)

// TestSchemaMatchesLoader keeps docs/corpus.schema.json and the loader's
// keys in step, so editors complete exactly what the loader accepts.
func TestSchemaMatchesLoader(t *testing.T) {
	raw, err := os.ReadFile("../../docs/corpus.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	var schema map[string]any
	if err := json.Unmarshal(raw, &schema); err != nil {
		t.Fatalf("the schema is not JSON: %v", err)
	}
	props := func(obj map[string]any) []string {
		var keys []string
		for k := range obj["properties"].(map[string]any) {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		return keys
	}
	child := func(obj map[string]any, path ...string) map[string]any {
		for _, p := range path {
			if p == "[]" {
				obj = obj["items"].(map[string]any)
			} else {
				obj = obj["properties"].(map[string]any)[p].(map[string]any)
			}
		}
		return obj
	}
	where := map[string][]string{
		"file":        nil,
		"corpus":      {"corpus"},
		"topic":       {"topics", "[]"},
		"meeting":     {"meetings", "[]"},
		"participant": {"meetings", "[]", "participants", "[]"},
		"source":      {"sources", "[]"},
		"exclude":     {"sources", "[]", "exclude", "[]"},
		"annotation":  {"annotations", "[]"},
		"era":         {"eras", "[]"},
		"rejection":   {"rejections", "[]"},
	}
	for kind, path := range where {
		got := props(child(schema, path...))
		want := append([]string(nil), Keys[kind]...)
		sort.Strings(want)
		if strings.Join(got, ",") != strings.Join(want, ",") {
			t.Errorf("%s: schema has %v, loader has %v", kind, got, want)
		}
	}
	// A coder's annotation file has a schema of its own, whose items are
	// the corpus file's.
	raw, err = os.ReadFile("../../docs/annotation-file.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	var fileSchema map[string]any
	if err := json.Unmarshal(raw, &fileSchema); err != nil {
		t.Fatalf("the annotation file's schema is not JSON: %v", err)
	}
	for kind, path := range map[string][]string{"annotation file": nil, "annotation": {"annotations", "[]"}, "rejection": {"rejections", "[]"}} {
		got := props(child(fileSchema, path...))
		want := append([]string(nil), Keys[kind]...)
		sort.Strings(want)
		if strings.Join(got, ",") != strings.Join(want, ",") {
			t.Errorf("%s: schema has %v, loader has %v", kind, got, want)
		}
	}
	if len(where)+1 != len(Keys) {
		t.Errorf("the test covers %d kinds, the loader has %d", len(where), len(Keys))
	}
}
