package i18n

// Reading commands (list, outline, show) and names shared by every screen.
var (
	CLIListUsage      = Msg{"[--json]", "[--json]"}
	CLIListSummary    = Msg{"liệt kê các tài liệu trong thư viện", "list the documents in the library"}
	CLIListHeader     = Msg{"MÃ\tLOẠI\tSỐ\tNGÀY\tMỤC\tTIÊU ĐỀ", "ID\tKIND\tNUMBER\tDATE\tSECTIONS\tTITLE"}
	CLIOutlineUsage   = Msg{"[--json] TÀI_LIỆU", "[--json] DOC"}
	CLIOutlineSummary = Msg{"mục lục của một tài liệu (mã trong thư viện hoặc đường dẫn tệp)", "the table of contents of a document (library ID or file path)"}
	CLIShowUsage      = Msg{"[--markdown|--plain] [--width N] TÀI_LIỆU[#MỤC]", "[--markdown|--plain] [--width N] DOC[#SECTION]"}
	CLIShowSummary    = Msg{"hiển thị một tài liệu hoặc một mục", "show a document or one section"}
	CLIShowOneFormat  = Msg{"chỉ chọn một trong --markdown và --plain", "choose only one of --markdown and --plain"}
	CLIShowBadWidth   = Msg{"--width là số cột của màn hình, phải từ %d đến %d (đã cho %d)", "--width is the screen width in columns and must be from %d to %d (got %d)"}
	CLINeedDoc        = Msg{"cần đúng một tài liệu (xem mã bằng: chibo list)", "needs exactly one document (see the IDs with: chibo list)"}
	CLINoSuchDoc      = Msg{"chibo: không có tài liệu %q trong thư viện. Xem danh sách bằng: chibo list", "chibo: no document %q in the library. See the list with: chibo list"}
	CLINoSuchSection  = Msg{"chibo: không có mục %q trong tài liệu %s. Xem mục lục bằng: chibo outline %s", "chibo: no section %q in document %s. See its outline with: chibo outline %s"}
)

var kindNames = map[string]Msg{
	"tai-lieu":   {"Tài liệu sinh hoạt chi bộ", "Party-cell meeting material"},
	"nghi-quyet": {"Nghị quyết", "Resolution"},
	"bao-cao":    {"Báo cáo", "Report"},
	"phu-luc":    {"Phụ lục", "Appendix"},
	"quyet-dinh": {"Quyết định, chỉ thị, quy định", "Decision, directive, regulation"},
	"huong-dan":  {"Hướng dẫn", "Guidance"},
	"ke-hoach":   {"Kế hoạch, chương trình", "Plan, programme"},
	"phap-luat":  {"Văn bản pháp luật", "Law, decree, circular"},
	"cong-van":   {"Công văn, thông báo", "Letter, notice"},
	"khac":       {"Văn bản khác", "Other document"},
}

// KindName is the display name of a content.Kind code.
func KindName(kind string) Msg {
	if m, ok := kindNames[kind]; ok {
		return m
	}
	return kindNames["khac"]
}
