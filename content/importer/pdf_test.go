package importer

import (
	"chibo/content/importer/convtest"
	"context"
	"strings"
	"testing"
)

func TestPDFRoundTripSeeds(t *testing.T) {
	for name, seed := range seeds(t) {
		data := convtest.MakePDF(t, seed, 80, 50)
		if f := Sniff(name, data); f != FormatPDF {
			t.Fatalf("%s: sniffed %s", name, f)
		}
		res, err := Convert(context.Background(), name+".pdf", data, Options{})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if res.Layout != LayoutWrapped {
			t.Errorf("%s: layout %q", name, res.Layout)
		}
		sameWords(t, name, res.Text, seed)
	}
}

func TestPDFLines(t *testing.T) {
	res, err := Convert(context.Background(), "a.pdf", convtest.MakePDF(t, "Nghị quyết của Đảng bộ xã về phát triển kinh tế", 20, 2), Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := "Nghị quyết của Đảng\nbộ xã về phát triển\nkinh tế\n"
	if res.Text != want {
		t.Errorf("got %q, want %q", res.Text, want)
	}
}

func TestPDFWithoutText(t *testing.T) {
	data := convtest.MakePDF(t, "x", 80, 50)
	data = []byte(strings.Replace(string(data), "<0078> Tj", "", 1))
	_, err := Convert(context.Background(), "scan.pdf", data, Options{})
	if e, ok := err.(*Error); !ok || (e.Problem != ProblemNoText && e.Problem != ProblemFormat) {
		t.Errorf("got %v", err)
	}
}
