package importer

import (
	"context"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"chibo/content/importer/convtest"
)

// countdownCtx is a context cancelled after its Err has been asked n
// times: it shows whether a reader checks its context inside its loop,
// not only on entry. With panics set, Err panics instead.
type countdownCtx struct {
	context.Context
	n      atomic.Int64
	panics bool
}

func newCountdown(n int64, panics bool) *countdownCtx {
	c := &countdownCtx{Context: context.Background(), panics: panics}
	c.n.Store(n)
	return c
}

func (c *countdownCtx) Err() error {
	if c.n.Add(-1) >= 0 {
		return nil
	}
	if c.panics {
		panic("reader bug")
	}
	return context.Canceled
}

func (c *countdownCtx) Done() <-chan struct{} { return nil }
func (c *countdownCtx) Deadline() (time.Time, bool) {
	return time.Time{}, false
}

// A per-file deadline stops every reader in its main loop: a docx or odt
// of one long paragraph, an RTF of many groups.
func TestReadersCheckContext(t *testing.T) {
	runs := strings.Repeat(`<w:r><w:t>chữ </w:t></w:r>`, 20000)
	odt := `<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text><text:p>` +
		strings.Repeat(`<text:span>chữ </text:span>`, 20000) + `</text:p></office:text></office:body></office:document-content>`
	files := map[string][]byte{
		"a.docx": docxOf(t, `<w:p>`+runs+`</w:p>`),
		"a.odt":  convtest.ZipFiles(t, [][2]string{{"mimetype", "application/vnd.oasis.opendocument.text"}, {"content.xml", odt}}),
		"a.rtf":  []byte(`{\rtf1\ansi ` + strings.Repeat(`{\b chữ} `, 50000) + `}`),
	}
	for name, data := range files {
		if _, err := Convert(context.Background(), name, data, Options{}); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		_, err := Convert(newCountdown(3, false), name, data, Options{})
		if !IsCancel(err) {
			t.Errorf("%s: err %v, want the cancellation from inside the loop", name, err)
		}
		// A reader that panics is a failed file, not a crashed import.
		_, err = Convert(newCountdown(3, true), name, data, Options{})
		if e, ok := err.(*Error); !ok || e.Problem != ProblemFormat {
			t.Errorf("%s: panic gave %v", name, err)
		}
	}
}
