package i18n

// Keys of the screen architecture (tui/common): the confirmation
// convention, the help keys, and the meeting-plan screen's bindings.
var (
	KeyYes          = Msg{"có", "yes"}
	KeyNo           = Msg{"không (mặc định)", "no (default)"}
	ConfirmSuffix   = Msg{" [c/K]", " [y/N]"}
	AppKeyClearFind = Msg{"bỏ tô sáng", "clear highlight"}
	AppKeyOpenDoc   = Msg{"mở văn bản", "open the document"}

	KeyPlanNotes   = Msg{"ghi chú", "notes"}
	KeyPlanSource  = Msg{"mở nguồn", "open source"}
	KeyPlanNew     = Msg{"thêm mục", "new item"}
	KeyPlanRename  = Msg{"đổi tên mục", "rename item"}
	KeyPlanMinutes = Msg{"thời lượng", "time budget"}
	KeyPlanDetails = Msg{"ngày, nơi họp, chi bộ", "date, place, cell"}
	KeyPlanDelete  = Msg{"xoá", "delete"}
	KeyPlanUndo    = Msg{"hoàn tác xoá", "undo delete"}
	KeyPlanUp      = Msg{"chuyển lên", "move up"}
	KeyPlanDown    = Msg{"chuyển xuống", "move down"}
	KeyPlanMoveTo  = Msg{"chuyển sang mục khác", "move to item"}
	KeyPlanExport  = Msg{"xuất tài liệu họp", "export pack"}
	KeyPrevMonth   = Msg{"tháng trước", "previous month"}
	KeyNextMonth   = Msg{"tháng sau", "next month"}
	KeyPlanCheck   = Msg{"việc trước/sau họp", "before/after checklist"}
	KeyPlanTick    = Msg{"đánh dấu đã làm", "tick done"}
	KeyExportHTML  = Msg{"HTML (in A4)", "HTML (print A4)"}
	KeyExportDOCX  = Msg{"Word (docx)", "Word (docx)"}
	KeyExportMD    = Msg{"Markdown", "Markdown"}
	KeyNotesClose  = Msg{"lưu và đóng", "save and close"}
	KeySave        = Msg{"lưu", "save"}
	KeyPickItem    = Msg{"thêm vào mục số", "add to item number"}
	KeyPickerAdd   = Msg{"thêm vào mục này", "add to this item"}
	KeyMoveHere    = Msg{"chuyển vào mục này", "move to this item"}
	KeyMoveToNum   = Msg{"chuyển vào mục số", "move to item number"}

	PlanUndone        = Msg{"Đã hoàn tác: “%s” trở lại chương trình.", "Undone: “%s” is back on the agenda."}
	PlanDeleted       = Msg{"Đã xoá “%s”. Bấm u để hoàn tác.", "Deleted “%s”. Press u to undo."}
	PlanConfirmDel    = Msg{"Xoá trích dẫn “%s”?", "Delete excerpt “%s”?"}
	PlanConfirmDelI   = Msg{"Xoá mục “%s” cùng %d trích dẫn và ghi chú?", "Delete item “%s” with its %d excerpt(s) and notes?"}
	PlanBadDate       = Msg{"“%s” không phải ngày; gõ dạng 05/12/2026 (ngày/tháng/năm) hoặc 2026-12-05", "“%s” is not a date; type it as 05/12/2026 (day/month/year) or 2026-12-05"}
	PlanPromptDay     = Msg{"Ngày họp (dd/mm/yyyy): ", "Meeting date (dd/mm/yyyy): "}
	PlanCheckHead     = Msg{"Việc trước và sau buổi họp", "Before and after the meeting"}
	PlanCheckNoDate   = Msg{"(đặt ngày họp bằng phím i để có ngày của từng việc)", "(set the meeting date with i to date each step)"}
	PlanLoading       = Msg{"Đang đọc kế hoạch…", "Reading the plan…"}
	AppSearchMissing  = Msg{"thiếu: %s", "lacks: %s"}
	KeyPlanRoll       = Msg{"điểm danh", "roll call"}
	KeyRollMark       = Msg{"có mặt/vắng", "present/absent"}
	PlanRollHead      = Msg{"Điểm danh: có mặt %d/%d", "Roll: %d of %d present"}
	PlanRollNoMembers = Msg{"Chưa có danh sách đảng viên. Thêm bằng lệnh: chibo members add TÊN", "No member list yet. Add members with: chibo members add NAME"}
	PlanRollPresent   = Msg{"có mặt", "present"}
	PlanRollExcused   = Msg{"vắng có lý do", "excused"}
	PlanRollAbsent    = Msg{"vắng", "absent"}
	PlanRollExempt    = Msg{"miễn sinh hoạt", "exempt"}
	PlanRollOfficial  = Msg{"chính thức", "official"}
	PlanRollProbation = Msg{"dự bị", "probationary"}
	PickerMonth       = Msg{"Buổi họp: %s — [ ] đổi tháng", "Meeting: %s — [ ] change month"}
)
