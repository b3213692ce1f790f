package importer

import (
	"chibo/content/importer/convtest"
	"context"
	"strings"
	"testing"
)

func TestDOCXRoundTripSeeds(t *testing.T) {
	for name, seed := range seeds(t) {
		data := convtest.MakeDOCX(t, seed)
		if f := Sniff("renamed.bin", data); f != FormatDOCX {
			t.Fatalf("%s: sniffed %s", name, f)
		}
		res, err := Convert(context.Background(), name+".docx", data, Options{})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if res.Layout != LayoutMarkdown {
			t.Errorf("%s: layout %q", name, res.Layout)
		}
		sameWords(t, name, res.Text, seed)
	}
}

func TestODTRoundTripSeeds(t *testing.T) {
	for name, seed := range seeds(t) {
		data := convtest.MakeODT(t, seed)
		if f := Sniff("x", data); f != FormatODT {
			t.Fatalf("%s: sniffed %s", name, f)
		}
		res, err := Convert(context.Background(), name+".odt", data, Options{})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		sameWords(t, name, res.Text, seed)
	}
}

// TestOfficeStructure checks what the round trip cannot see: headings,
// emphasis, footnotes next to their paragraph, tables.
func TestOfficeStructure(t *testing.T) {
	seed := "I. MỞ ĐẦU\nChi bộ họp¹ định kỳ.\n¹ Theo Quy định 24.\nA\tB\tC\n"
	for _, f := range []struct {
		name string
		data []byte
	}{{"x.docx", convtest.MakeDOCX(t, seed)}, {"x.odt", convtest.MakeODT(t, seed)}} {
		res, err := Convert(context.Background(), f.name, f.data, Options{})
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{"# I. MỞ ĐẦU\n", "**Chi** bộ họp¹ định kỳ.\n\n¹ Theo Quy định 24.", "| A | B | C |\n| --- | --- | --- |"} {
			if !strings.Contains(res.Text, want) {
				t.Errorf("%s: missing %q in\n%s", f.name, want, res.Text)
			}
		}
	}
}
