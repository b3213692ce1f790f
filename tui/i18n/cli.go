package i18n

// Command-line messages.
var (
	CLIUsageHead = Msg{
		"chibo — đọc, tìm kiếm tài liệu và chuẩn bị sinh hoạt chi bộ.\n\nCách dùng: chibo [--data THƯ_MỤC] [--lang vi|en] [LỆNH]\nKhông có LỆNH: mở ứng dụng.",
		"chibo — read and search the party-cell meeting materials and prepare the meeting.\n\nUsage: chibo [--data DIR] [--lang vi|en] [COMMAND]\nWith no COMMAND: opens the app.",
	}
	CLIUsageFlags = Msg{
		"Tuỳ chọn chung (đặt trước hoặc sau LỆNH):\n  --data THƯ_MỤC  nơi lưu thư viện, dữ liệu và chỉ mục (hoặc biến CHIBO_DATA)\n  --lang vi|en    ngôn ngữ giao diện (mặc định: tiếng Việt, hoặc tiếng Anh khi LANG là en_…)",
		"Global options (before or after COMMAND):\n  --data DIR      where the library, user data and index live (or CHIBO_DATA)\n  --lang vi|en    interface language (default: Vietnamese, or English when LANG is en_…)",
	}
	CLIUnknownFlag    = Msg{"không có tuỳ chọn %s", "there is no option %s"}
	CLIFlagNeedsValue = Msg{"tuỳ chọn %s cần một giá trị", "option %s needs a value"}
	CLIFlagBadValue   = Msg{"giá trị %s không hợp lệ cho tuỳ chọn %s", "invalid value %s for option %s"}
	CLIUnknownCommand = Msg{"chibo: không có lệnh %q.", "chibo: no command %q."}
	CLIBadLang        = Msg{"chibo: ngôn ngữ %q không hỗ trợ; dùng vi hoặc en.", "chibo: language %q is not supported; use vi or en."}

	CLIVersionUsage   = Msg{"", ""}
	CLIVersionSummary = Msg{"in phiên bản", "print the version"}

	// Problems reading a file, by content.Problem.
	ErrBinary             = Msg{"%s: không phải tệp văn bản (%s). Hãy chọn tệp .txt, .md, .docx, .doc, .odt, .rtf, .html hoặc .pdf.", "%s: not a text file (%s). Choose a .txt, .md, .docx, .doc, .odt, .rtf, .html or .pdf file."}
	ErrBinaryKind         = Msg{"%s là %s, không phải văn bản. Hãy chọn tệp .txt, .md, .docx, .doc, .odt, .rtf, .html hoặc .pdf.", "%s is %s, not a document. Choose a .txt, .md, .docx, .doc, .odt, .rtf, .html or .pdf file."}
	KindImage             = Msg{"một tấm ảnh (%s)", "an image (%s)"}
	KindAudio             = Msg{"một tệp âm thanh (%s)", "an audio file (%s)"}
	KindVideo             = Msg{"một đoạn phim (%s)", "a video (%s)"}
	KindFont              = Msg{"một tệp phông chữ (%s)", "a font file (%s)"}
	KindSpreadsheet       = Msg{"một bảng tính (%s; chibo chưa đọc bảng tính: hãy mở nó, lưu thành PDF rồi nhập tệp PDF)", "a spreadsheet (%s; chibo does not read spreadsheets: open it, save it as PDF and import the PDF)"}
	KindSlides            = Msg{"một tệp trình chiếu (%s; chibo chưa đọc tệp trình chiếu: hãy mở nó, lưu thành PDF rồi nhập tệp PDF)", "a presentation (%s; chibo does not read presentations: open it, save it as PDF and import the PDF)"}
	KindArchive           = Msg{"một tệp nén (%s; hãy giải nén rồi nhập các tệp bên trong)", "an archive (%s; extract it and import the files inside)"}
	ErrEncoding           = Msg{"%s: không đọc được bảng mã (%s). Thử lại với --encoding (utf-8, windows-1258, tcvn3, vni).", "%s: unreadable character encoding (%s). Try again with --encoding (utf-8, windows-1258, tcvn3, vni)."}
	ErrEmpty              = Msg{"%s: tệp rỗng, không có nội dung để đọc.", "%s: the file is empty; there is nothing to read."}
	ErrTooLarge           = Msg{"%s: tệp quá lớn (%s). Hãy tách thành các tệp nhỏ hơn.", "%s: the file is too large (%s). Split it into smaller files."}
	ErrTooMuchText        = Msg{"%s: tệp có quá nhiều chữ (hơn %s, trong khi văn bản dài nhất như Bộ luật Dân sự chưa tới 1 MB) — có thể tệp bị hỏng hoặc gộp nhiều tài liệu. Hãy tách thành các tệp nhỏ hơn.", "%s: the file holds too much text (over %s, while the longest documents, such as the Civil Code, are under 1 MB) — it may be damaged or several documents in one. Split it into smaller files."}
	ErrFormat             = Msg{"%s: tệp bị hỏng hoặc định dạng không hỗ trợ (%s).", "%s: the file is damaged or its format is not supported (%s)."}
	ErrNoHome             = Msg{"không tìm thấy thư mục nhà để lưu dữ liệu. Hãy chỉ định bằng --data THƯ_MỤC hoặc biến CHIBO_DATA.", "there is no home directory to keep the data in. Give one with --data DIR or the CHIBO_DATA variable."}
	CLIIndexReadOnlyStale = Msg{"chú ý: thư mục dữ liệu chỉ đọc, chibo tìm trong chỉ mục đã có; kết quả có thể chưa gồm tài liệu mới nhất", "note: the data folder is read-only; chibo searches the index it has, and results may miss the newest documents"}
	ErrRead               = Msg{"%s: không mở được tệp (%s).", "%s: cannot open the file (%s)."}
)
