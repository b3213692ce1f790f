package tui

import (
	"context"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"chibo/index"
	"chibo/tui/i18n"
	"chibo/tui/internal/tuitest"
)

// probeModel wraps the App for teatest: a probeMsg asks for the current
// frame, so a flow can wait for a screen without parsing the terminal's
// diffed output.
type probeModel struct{ app *App }

type probeMsg struct{ reply chan string }

func (p probeModel) Init() tea.Cmd  { return p.app.Init() }
func (p probeModel) View() tea.View { return p.app.View() }
func (p probeModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if m, ok := msg.(probeMsg); ok {
		m.reply <- tuitest.Plain(p.app.Render())
		return p, nil
	}
	_, cmd := p.app.Update(msg)
	return p, cmd
}

func waitScreen(t *testing.T, tm *teatest.TestModel, what string, cond func(string) bool) string {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	last := ""
	for time.Now().Before(deadline) {
		ch := make(chan string, 1)
		tm.Send(probeMsg{reply: ch})
		select {
		case last = <-ch:
			if cond(last) {
				return last
			}
		case <-time.After(time.Second):
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("timed out waiting for %s; last frame:\n%s", what, last)
	return ""
}

func has(parts ...string) func(string) bool {
	return func(s string) bool {
		for _, p := range parts {
			if !strings.Contains(s, p) {
				return false
			}
		}
		return true
	}
}

func testApp(t *testing.T, srch index.Searcher, user UserData) *App {
	lib := seedLibrary(t)
	if srch == nil {
		srch = &fakeSearcher{lib: lib}
	}
	return New(Options{
		Lang:        i18n.VI,
		Theme:       ThemeNone,
		OpenLibrary: func() (Library, error) { return lib, nil },
		OpenUser:    func() (UserData, error) { return user, nil },
		OpenIndex: func(ctx context.Context, l Library, progress func(int, int)) (index.Searcher, error) {
			return srch, nil
		},
	})
}

// TestFlowSearchOpenBack: open a document, search "nong thon moi", open
// the first hit, go back, go forward, quit — through a real tea.Program.
func TestFlowSearchOpenBack(t *testing.T) {
	app := testApp(t, nil, newMemUser())
	tm := teatest.NewTestModel(t, probeModel{app}, teatest.WithInitialTermSize(80, 24))
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return strings.Contains(string(b), "chibo") }, teatest.WithDuration(60*time.Second))

	waitScreen(t, tm, "library", has("THƯ VIỆN", "TÀI LIỆU SINH HOẠT"))
	tm.Send(keyMsg("enter"))
	waitScreen(t, tm, "outline", has("MỤC LỤC", "I. THỰC HIỆN KẾT LUẬN"))
	tm.Send(keyMsg("enter"))
	waitScreen(t, tm, "reader", has("ĐỌC", "mục 1/"))
	tm.Send(keyMsg("esc"))
	waitScreen(t, tm, "outline again", has("MỤC LỤC"))

	tm.Send(keyMsg("/"))
	waitScreen(t, tm, "search", has("TÌM KIẾM", "Tìm:"))
	tm.Type("nong thon moi")
	waitScreen(t, tm, "results", has("nong thon moi", "kết quả", "›"))
	tm.Send(keyMsg("enter")) // to the results
	tm.Send(keyMsg("enter")) // open the first hit
	frame := waitScreen(t, tm, "reader at the hit", has("ĐỌC", "Tô sáng:"))
	if !strings.Contains(strings.ToLower(frame), "nông thôn") {
		t.Errorf("the reader does not show the hit's words:\n%s", frame)
	}
	tm.Send(keyMsg("backspace"))
	waitScreen(t, tm, "back to the results", has("TÌM KIẾM", "nong thon moi", "kết quả"))
	tm.Send(keyMsg("alt+right"))
	waitScreen(t, tm, "forward to the reader", has("ĐỌC", "Tô sáng:"))
	tm.Send(keyMsg("q"))
	tm.WaitFinished(t, teatest.WithFinalTimeout(60*time.Second))
	if _, ok := tm.FinalModel(t).(probeModel).app.cur.(*readerScreen); !ok {
		t.Errorf("quit from the reader, final screen is %T", tm.FinalModel(t).(probeModel).app.cur)
	}
}

// TestFlowFilterAndDirectives: the library filter ignores accents, and the
// directives screen lists citations that open the reader.
func TestFlowFilterAndDirectives(t *testing.T) {
	app := testApp(t, nil, newMemUser())
	tm := teatest.NewTestModel(t, probeModel{app}, teatest.WithInitialTermSize(80, 24))
	waitScreen(t, tm, "library", has("THƯ VIỆN", "1/5"))
	tm.Send(keyMsg("f"))
	tm.Type("hoi dong nhan dan")
	f := waitScreen(t, tm, "filtered", has("1/2 (5)", "Lọc: hoi dong nhan dan"))
	if strings.Contains(f, "Phụ lục 2") {
		t.Errorf("filter kept a non-matching document:\n%s", f)
	}
	tm.Send(keyMsg("enter"))
	tm.Send(keyMsg("v"))
	waitScreen(t, tm, "directives", has("VĂN BẢN ĐƯỢC TRÍCH DẪN", "lần"))
	tm.Send(keyMsg("enter"))
	waitScreen(t, tm, "citations", has("NƠI TRÍCH DẪN", "được trích dẫn"))
	tm.Send(keyMsg("enter"))
	waitScreen(t, tm, "reader at a citation", has("ĐỌC", "Tô sáng:"))
	tm.Send(keyMsg("ctrl+c"))
	tm.WaitFinished(t, teatest.WithFinalTimeout(60*time.Second))
}
