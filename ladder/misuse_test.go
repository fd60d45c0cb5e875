package ladder_test

import (
	"bytes"
	"errors"
	"testing"

	"github.com/careerladder/careerladder/ladder"
)

// TestNilAndZero calls the API with nil and zero values: errors or
// documented no-ops, never a panic.
func TestNilAndZero(t *testing.T) {
	if _, err := ladder.Parse("", nil); err == nil {
		t.Errorf("nil source parsed")
	}
	if _, err := (ladder.Loader{}).Parse("x", []byte{}); err == nil {
		t.Errorf("empty source parsed")
	}
	if _, err := ladder.LoadFile(""); err == nil {
		t.Errorf("empty path loaded")
	}
	if _, err := ladder.ReadLimited("x", nil, 0); !errors.Is(err, ladder.ErrNilArgument) {
		t.Errorf("nil reader: %v", err)
	}
	var l *ladder.Ladder
	if !l.Validate().HasErrors() {
		t.Errorf("nil ladder valid")
	}
	if _, ok := l.Capability("x"); ok {
		t.Errorf("nil ladder has a capability")
	}
	if _, ok := l.Track("x"); ok {
		t.Errorf("nil ladder has a track")
	}
	if _, ok := l.Scale(""); ok {
		t.Errorf("nil ladder has a scale")
	}
	if _, ok := l.ScaleOf(nil); ok {
		t.Errorf("nil capability has a scale")
	}
	if l.Weight("x") != 1 {
		t.Errorf("nil ladder weight")
	}
	var b bytes.Buffer
	for _, err := range []error{l.WriteYAML(&b), l.WriteJSON(&b), l.WriteMarkdown(&b)} {
		if !errors.Is(err, ladder.ErrNilArgument) {
			t.Errorf("nil ladder written: %v", err)
		}
	}
	var zero ladder.Ladder
	if !zero.Validate().HasErrors() {
		t.Errorf("zero ladder valid")
	}
	for _, err := range []error{zero.WriteYAML(nil), zero.WriteJSON(nil), zero.WriteMarkdown(nil)} {
		if !errors.Is(err, ladder.ErrNilArgument) {
			t.Errorf("nil writer: %v", err)
		}
	}
	if err := zero.WriteMarkdown(&b); err != nil {
		t.Errorf("zero ladder as Markdown: %v", err)
	}
	var tr *ladder.Track
	if _, ok := tr.Level("x"); ok {
		t.Errorf("nil track has a level")
	}
	var lv *ladder.Level
	if _, ok := lv.Expectation("x"); ok {
		t.Errorf("nil level expects")
	}
	var ds ladder.Diagnostics
	if ds.Err() != nil || ds.HasErrors() || ds.Error() != "" || len(ds.Unwrap()) != 0 {
		t.Errorf("nil diagnostics")
	}
	ds.Sort()
	_ = ladder.Diagnostic{}.Error()
	_ = ladder.Pos{}.String()
	_ = ladder.Range{}.String()
	_ = ladder.Severity(0).String()
	_ = ladder.Code("").Severity()
}
