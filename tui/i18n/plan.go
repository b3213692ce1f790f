package i18n

// Meeting plan: the `chibo plan` command, the plan screen and the "add to
// agenda" picker. The exported meeting pack itself is always Vietnamese (it
// is an official document of the cell) and lives in content/plan.
var (
	CLIPlanUsage = Msg{
		"list | show [THÁNG] | export [--format md|html|docx] [--out TỆP] [THÁNG] | add TÀI_LIỆU#MỤC [--item N] [THÁNG] | note --item N [--append] VĂN_BẢN [THÁNG] | set [--date NGÀY] [--place NƠI] [--cell CHI_BỘ] [--party ĐẢNG_BỘ] [THÁNG]",
		"list | show [MONTH] | export [--format md|html|docx] [--out FILE] [MONTH] | add DOC#SECTION [--item N] [MONTH] | note --item N [--append] TEXT [MONTH] | set [--date DATE] [--place PLACE] [--cell CELL] [--party PARTY] [MONTH]",
	}
	CLIPlanSummary = Msg{
		"chuẩn bị buổi sinh hoạt chi bộ: chương trình, trích dẫn, ghi chú, xuất tài liệu họp (THÁNG là YYYY-MM, mặc định tháng này)",
		"prepare the cell meeting: agenda, excerpts, notes, export the meeting pack (MONTH is YYYY-MM, default this month)",
	}
	CLIPlanNoVerb     = Msg{"thiếu việc cần làm (list, show, export, add, note, set)", "missing what to do (list, show, export, add, note, set)"}
	CLIPlanBadVerb    = Msg{"không có việc %q (list, show, export, add, note, set)", "no such action %q (list, show, export, add, note, set)"}
	CLIPlanBadMonth   = Msg{"%q không phải tháng dạng YYYY-MM (ví dụ 2026-11) hay tên buổi chuyên đề dạng YYYY-MM-ten (ví dụ 2026-11-chuyen-de)", "%q is not a month YYYY-MM (e.g. 2026-11) or a topical meeting YYYY-MM-name (e.g. 2026-11-chuyen-de)"}
	CLIPlanTooMany    = Msg{"thừa đối số: %s", "too many arguments: %s"}
	CLIPlanNone       = Msg{"Chưa có kế hoạch nào được lưu. Xem chương trình mẫu tháng này: chibo plan show", "No plan saved yet. See this month's standard agenda: chibo plan show"}
	CLIPlanListLine   = Msg{"%s  %s — %d mục, %d trích dẫn, %d phút", "%s  %s — %d items, %d excerpts, %d minutes"}
	CLIPlanListBroken = Msg{"%s  không đọc được (%v); tệp được giữ nguyên", "%s  cannot be read (%v); the file is left as it is"}
	CLIPlanUnsaved    = Msg{"(Chưa lưu: đây là chương trình mẫu. Thêm trích dẫn hoặc ghi chú để bắt đầu.)", "(Not saved yet: this is the standard agenda. Add an excerpt or a note to start.)"}
	CLIPlanKind       = Msg{"Hình thức", "Kind"}
	CLIPlanKindTopic  = Msg{"chuyên đề", "topical"}
	CLIPlanKindReg    = Msg{"thường kỳ", "regular"}
	CLIPlanDate       = Msg{"Ngày họp", "Date"}
	CLIPlanPlace      = Msg{"Địa điểm", "Place"}
	CLIPlanCell       = Msg{"Chi bộ", "Party cell"}
	CLIPlanParty      = Msg{"Đảng bộ", "Party committee"}
	CLIPlanUnset      = Msg{"(chưa đặt)", "(not set)"}
	CLIPlanTotal      = Msg{"Tổng thời lượng: %d phút", "Total time: %d minutes"}
	CLIPlanTooShort   = Msg{"Lưu ý: buổi sinh hoạt thường kỳ cần ít nhất %d phút.", "Note: a regular meeting must last at least %d minutes."}
	CLIPlanNotes      = Msg{"Ghi chú", "Notes"}
	CLIPlanSource     = Msg{"nguồn", "source"}
	CLIPlanWritten    = Msg{"Đã ghi tài liệu họp: %s", "Meeting pack written: %s"}
	CLIPlanBadFormat  = Msg{"định dạng %q không hỗ trợ; dùng md, html hoặc docx", "format %q is not supported; use md, html or docx"}
	CLIPlanNeedRef    = Msg{"cần đúng một nguồn dạng TÀI_LIỆU#MỤC (xem: chibo outline TÀI_LIỆU)", "need exactly one source DOC#SECTION (see: chibo outline DOC)"}
	CLIPlanNoSource   = Msg{"không tìm thấy %q trong thư viện (xem: chibo list, chibo outline TÀI_LIỆU)", "%q is not in the library (see: chibo list, chibo outline DOC)"}
	CLIPlanAdded      = Msg{"Đã thêm “%s” vào mục %d. %s (%s).", "Added “%s” to item %d. %s (%s)."}
	CLIPlanNeedItem   = Msg{"cần --item N (số thứ tự mục, xem: chibo plan show)", "need --item N (the item number, see: chibo plan show)"}
	CLIPlanNeedText   = Msg{"cần nội dung ghi chú (hoặc - để đọc từ bàn phím/tệp)", "need the note text (or - to read it from standard input)"}
	CLIPlanNoted      = Msg{"Đã lưu ghi chú của mục %d. %s.", "Saved the notes of item %d. %s."}
	CLIPlanSetDone    = Msg{"Đã lưu thông tin buổi họp %s.", "Saved the meeting details of %s."}
	CLIPlanNeedSet    = Msg{"cần ít nhất một trong --date, --place, --cell, --party", "need at least one of --date, --place, --cell, --party"}
	CLIPlanBadDate    = Msg{"ngày %q không hợp lệ; dùng YYYY-MM-DD (ví dụ 2026-11-25)", "date %q is not valid; use YYYY-MM-DD (e.g. 2026-11-25)"}
	CLIPlanMissingN   = Msg{"Lưu ý: %d trích dẫn có nguồn không còn trong thư viện (vẫn được giữ và in kèm).", "Note: %d excerpts have a source no longer in the library (they are kept and printed)."}

	// Errors of the plan operations and store.
	PlanErrNoItem     = Msg{"không có mục này trong chương trình", "no such agenda item"}
	PlanErrNoExcerpt  = Msg{"không có trích dẫn này", "no such excerpt"}
	PlanErrEmptyTitle = Msg{"tên mục không được để trống", "the item title cannot be empty"}
	PlanErrDuplicate  = Msg{"đoạn này đã có trong mục đó rồi", "this passage is already in that item"}
	PlanErrMinutes    = Msg{"thời lượng phải từ 0 đến 600 phút", "the time budget must be 0 to 600 minutes"}
	PlanErrNoSource   = Msg{"trích dẫn không có tài liệu nguồn", "the excerpt has no source document"}
	PlanErrDamaged    = Msg{"tệp kế hoạch %s bị hỏng nên đã được cất sang %s (không bị xoá); chibo bắt đầu lại từ chương trình mẫu", "the plan file %s was damaged and has been kept as %s (not deleted); chibo starts again from the standard agenda"}
	PlanErrNewer      = Msg{"tệp %s do phiên bản chibo mới hơn ghi; hãy cập nhật chibo. Tệp được giữ nguyên", "%s was written by a newer chibo; update chibo. The file is left as it is"}
	PlanErrSave       = Msg{"không lưu được: %v", "could not save: %v"}

	// The plan screen.
	PlanTitle        = Msg{"Chuẩn bị sinh hoạt", "Meeting preparation"}
	PlanUnsaved      = Msg{"chương trình mẫu, chưa lưu", "standard agenda, not saved yet"}
	PlanMinutesShort = Msg{"%d phút", "%d min"}
	PlanTotal        = Msg{"Tổng %d/%d phút", "Total %d/%d min"}
	PlanTotalShort   = Msg{"Tổng %d phút — cần ít nhất %d", "Total %d min — at least %d needed"}
	PlanMissing      = Msg{"nguồn không còn trong thư viện", "source no longer in the library"}
	PlanMissingTag   = Msg{"[mất nguồn]", "[source gone]"}
	PlanNotesTag     = Msg{"Ghi chú:", "Notes:"}
	PlanNoExcerpts   = Msg{"(chưa có trích dẫn — trong khi đọc, bấm a để thêm)", "(no excerpts yet — press a while reading to add one)"}
	PlanHelp         = Msg{
		"↑↓ chọn · enter ghi chú/mở nguồn · n thêm mục · r đổi tên · t thời lượng · d xoá · K/J lên/xuống · x chuyển mục · i thông tin · e xuất · [ ] tháng · esc đóng",
		"↑↓ select · enter notes/open source · n new item · r rename · t time · d delete · K/J up/down · x move to item · i details · e export · [ ] month · esc close",
	}
	PlanHelpShort    = Msg{"enter ghi chú · n thêm · d xoá · K/J chuyển · e xuất · esc đóng", "enter notes · n new · d delete · K/J move · e export · esc close"}
	PlanPromptNew    = Msg{"Tên mục mới: ", "New item title: "}
	PlanPromptRename = Msg{"Đổi tên mục: ", "Rename item: "}
	PlanPromptMins   = Msg{"Thời lượng (phút): ", "Time budget (minutes): "}
	PlanPromptDate   = Msg{"Ngày họp (YYYY-MM-DD): ", "Meeting date (YYYY-MM-DD): "}
	PlanPromptPlace  = Msg{"Địa điểm: ", "Place: "}
	PlanPromptCell   = Msg{"Tên chi bộ: ", "Party cell: "}
	PlanPromptParty  = Msg{"Đảng bộ cấp trên: ", "Party committee: "}
	PlanPromptHint   = Msg{"enter lưu · esc huỷ", "enter save · esc cancel"}
	PlanConfirmItem  = Msg{"Xoá mục “%s” cùng %d trích dẫn và ghi chú? (y/n)", "Delete item “%s” with its %d excerpts and notes? (y/n)"}
	PlanConfirmEx    = Msg{"Xoá trích dẫn “%s”? (y/n)", "Delete excerpt “%s”? (y/n)"}
	PlanBadNumber    = Msg{"hãy nhập một số phút, ví dụ 15", "enter a number of minutes, e.g. 15"}
	PlanNotesHead    = Msg{"Ghi chú — %s", "Notes — %s"}
	PlanNotesHelp    = Msg{"esc lưu và đóng · ctrl+s lưu", "esc save and close · ctrl+s save"}
	PlanSaved        = Msg{"Đã lưu.", "Saved."}
	PlanExportHead   = Msg{"Xuất tài liệu họp ra tệp:", "Export the meeting pack to a file:"}
	PlanExportKeys   = Msg{"h HTML (in A4) · d Word (docx) · m Markdown · esc huỷ", "h HTML (print A4) · d Word (docx) · m Markdown · esc cancel"}
	PlanConfirmKeys  = Msg{"y đồng ý xoá · phím khác: huỷ", "y delete · any other key: cancel"}
	PlanMoveHelp     = Msg{"↑↓ chọn mục · enter chuyển · esc huỷ", "↑↓ choose item · enter move · esc cancel"}
	PlanExported     = Msg{"Đã xuất: %s", "Exported: %s"}
	PlanMoveHead     = Msg{"Chuyển trích dẫn sang mục:", "Move the excerpt to item:"}
	PlanMoved        = Msg{"Đã chuyển sang “%s”.", "Moved to “%s”."}
	PlanNeedExcerpt  = Msg{"Hãy chọn một trích dẫn.", "Select an excerpt first."}
	PlanNeedItem     = Msg{"Hãy chọn một mục.", "Select an item first."}
	PlanMissingOpen  = Msg{"Không mở được: nguồn không còn trong thư viện.", "Cannot open: the source is no longer in the library."}
	PlanEmpty        = Msg{"Chương trình trống — bấm n để thêm mục.", "The agenda is empty — press n to add an item."}

	// The "add to agenda" picker.
	PickerTitle = Msg{"Thêm vào chương trình %s", "Add to the agenda of %s"}
	PickerWhat  = Msg{"Đoạn: %s", "Passage: %s"}
	PickerHelp  = Msg{"↑↓ chọn mục · enter thêm · esc huỷ", "↑↓ choose item · enter add · esc cancel"}
	PickerCount = Msg{"%d trích dẫn", "%d excerpts"}
)
