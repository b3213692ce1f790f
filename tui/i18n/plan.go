package i18n

import (
	"errors"

	"chibo/content/plan"
)

// Meeting plan: the `chibo plan` command, the plan screen and the "add to
// agenda" picker. The exported meeting pack itself is always Vietnamese (it
// is an official document of the cell) and lives in content/plan.
var (
	CLIPlanBadMonth   = Msg{"%q không phải một tháng (ví dụ 11/2026 hoặc 2026-11) hay tên buổi chuyên đề dạng YYYY-MM-ten (ví dụ 2026-11-chuyen-de)", "%q is not a month (e.g. 11/2026 or 2026-11) or a topical meeting YYYY-MM-name (e.g. 2026-11-chuyen-de)"}
	CLIPlanNone       = Msg{"Chưa có kế hoạch nào được lưu. Xem chương trình mẫu tháng này: chibo plan show", "No plan saved yet. See this month's standard agenda: chibo plan show"}
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
	CLIPlanNeedSet    = Msg{"cần ít nhất một tuỳ chọn, ví dụ --date, --place, --cell, --party, --kind", "need at least one option, e.g. --date, --place, --cell, --party, --kind"}

	// Errors of the plan operations and store.
	PlanErrNoItem     = Msg{"không có mục này trong chương trình", "no such agenda item"}
	PlanErrNoExcerpt  = Msg{"không có trích dẫn này", "no such excerpt"}
	PlanErrEmptyTitle = Msg{"tên mục không được để trống", "the item title cannot be empty"}
	PlanErrDuplicate  = Msg{"đoạn này đã có trong mục đó rồi", "this passage is already in that item"}
	PlanErrMinutes    = Msg{"thời lượng phải từ 0 đến 600 phút", "the time budget must be 0 to 600 minutes"}
	PlanErrNoSource   = Msg{"trích dẫn không có tài liệu nguồn", "the excerpt has no source document"}
	PlanErrDamaged    = Msg{"tệp kế hoạch %s bị hỏng nên đã được cất sang %s (không bị xoá); chibo bắt đầu lại từ chương trình mẫu", "the plan file %s was damaged and has been kept as %s (not deleted); chibo starts again from the standard agenda"}
	PlanErrNewer      = Msg{"tệp %s do phiên bản chibo mới hơn ghi; hãy cập nhật chibo. Tệp được giữ nguyên", "%s was written by a newer chibo; update chibo. The file is left as it is"}
	PlanErrNewerFile  = Msg{"một tệp dữ liệu do phiên bản chibo mới hơn ghi; hãy cập nhật chibo. Tệp được giữ nguyên", "a data file was written by a newer chibo; update chibo. The file is left as it is"}
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
	PlanPromptNew    = Msg{"Tên mục mới: ", "New item title: "}
	PlanPromptRename = Msg{"Đổi tên mục: ", "Rename item: "}
	PlanPromptMins   = Msg{"Thời lượng (phút): ", "Time budget (minutes): "}
	PlanPromptPlace  = Msg{"Địa điểm: ", "Place: "}
	// PlanPromptLocality is the place name of the date line ("Tân Phú,
	// ngày 05 tháng 12 năm 2026"), Hướng dẫn 36-HD/VPTW.
	PlanPromptLocality = Msg{"Địa danh (dòng ngày tháng): ", "Locality (the date line): "}
	PlanPromptCell     = Msg{"Tên chi bộ: ", "Party cell: "}
	PlanPromptParty    = Msg{"Đảng bộ cấp trên: ", "Party committee: "}
	PlanBadNumber      = Msg{"hãy nhập một số phút, ví dụ 15", "enter a number of minutes, e.g. 15"}
	PlanNotesHead      = Msg{"Ghi chú — %s", "Notes — %s"}
	PlanSaved          = Msg{"Đã lưu.", "Saved."}
	PlanExportHead     = Msg{"Xuất tài liệu họp ra tệp:", "Export the meeting pack to a file:"}
	// PlanDateOutside warns of a meeting date neither in the plan's month
	// nor the next: date, the plan's month, the month the resolution will
	// assess.
	PlanDateOutside = Msg{"Lưu ý: ngày họp %s không thuộc tháng %s của kế hoạch hay tháng sau đó; nghị quyết sẽ đánh giá tháng %s. Kiểm tra lại ngày họp.", "Note: the meeting date %s is neither in the plan's month %s nor the next; the resolution will assess %s. Check the date."}
	PlanExported    = Msg{"Đã xuất: %s", "Exported: %s"}
	// PlanExportReplace asks before an export overwrites a file of the
	// same name (a pack that may have been edited in Word); no keeps it.
	PlanExportReplace = Msg{"Đã có tệp %s (có thể đã sửa). Ghi đè? Không: lưu thành tệp mới", "%s already exists (it may have been edited). Overwrite? No: save as a new file"}
	PlanExportedNew   = Msg{"Đã xuất: %s (giữ nguyên %s)", "Exported: %s (%s left as it was)"}
	PlanMoveHead      = Msg{"Chuyển trích dẫn sang mục:", "Move the excerpt to item:"}
	PlanMoved         = Msg{"Đã chuyển sang “%s”.", "Moved to “%s”."}
	PlanNeedExcerpt   = Msg{"Hãy chọn một trích dẫn.", "Select an excerpt first."}
	PlanMissingOpen   = Msg{"Không mở được: nguồn không còn trong thư viện.", "Cannot open: the source is no longer in the library."}
	PlanEmpty         = Msg{"Chương trình trống — bấm n để thêm mục.", "The agenda is empty — press n to add an item."}

	// The "add to agenda" picker.
	PickerTitle = Msg{"Thêm vào chương trình %s", "Add to the agenda of %s"}
	PickerWhat  = Msg{"Đoạn: %s", "Passage: %s"}
	PickerCount = Msg{"%d trích dẫn", "%d excerpts"}
	// PlanPassageTag marks an excerpt that is a passage selected in the
	// reader, not a whole section.
	PlanPassageTag = Msg{"[trích đoạn]", "[passage]"}
)

// The meeting under Hướng dẫn 42-HD/BTCTW: kinds, tasks, checklist, roll,
// minutes and resolution (chibo plan …, chibo members …).
var (
	CLIPlanKindCombined  = Msg{"thường kỳ kết hợp chuyên đề", "regular and thematic combined"}
	CLIPlanLocality      = Msg{"Địa danh", "Locality"}
	CLIPlanBadKind       = Msg{"hình thức %q không có; dùng thuong-ky, chuyen-de hoặc ket-hop", "no meeting kind %q; use thuong-ky, chuyen-de or ket-hop"}
	CLIPlanBadDate2      = Msg{"ngày %q không hợp lệ; dùng ngày/tháng/năm (ví dụ 05/12/2026) hoặc YYYY-MM-DD", "date %q is not valid; use day/month/year (e.g. 05/12/2026) or YYYY-MM-DD"}
	CLIPlanBadGrade      = Msg{"mức %q không có; dùng Tốt, Khá, Trung bình hoặc Kém", "no grade %q; use Tốt, Khá, Trung bình or Kém"}
	CLIPlanBadVote       = Msg{"biểu quyết %q không hợp lệ; dùng TÁN_THÀNH/KHÔNG/KHÁC, ví dụ 12/0/0", "vote %q is not valid; use FOR/AGAINST/OTHER, e.g. 12/0/0"}
	CLIPlanTextNotFound  = Msg{"đoạn --text không có trong mục %s (so sánh sau khi bỏ khoảng trắng thừa); hãy chép đúng một đoạn của mục (xem: chibo show %s)", "the --text passage is not in section %s (compared with spaces normalised); copy a passage of that section exactly (see: chibo show %s)"}
	CLIPlanWarnShort     = Msg{"Lưu ý: buổi sinh hoạt %s cần ít nhất %d phút.", "Note: a %s meeting must last at least %d minutes."}
	CLIPlanWarnCrit      = Msg{"Lưu ý: phần tư tưởng, tự phê bình và phê bình nên dành %d–%d phút (hiện %d).", "Note: members' thinking and self-criticism should take %d–%d minutes (now %d)."}
	CLIPlanAssess        = Msg{"Đánh giá tháng %s; nhiệm vụ tháng %s", "Assesses %s; sets the tasks of %s"}
	CLIPlanNoTopic       = Msg{"Lưu ý: quý %s chưa có buổi sinh hoạt chuyên đề (ít nhất mỗi quý một lần); đặt: chibo plan set --kind ket-hop hoặc tạo buổi YYYY-MM-ten.", "Note: quarter %s has no thematic meeting yet (one is due every quarter); set one: chibo plan set --kind ket-hop, or plan a meeting YYYY-MM-name."}
	CLIPlanViewsSaved    = Msg{"Đã ghi ý kiến phát biểu ở mục %d. %s vào biên bản.", "Saved the speakers' views of item %d. %s in the minutes."}
	CLIPlanChecklist     = Msg{"Việc trước và sau buổi họp", "Before and after the meeting"}
	CLIPlanTasks         = Msg{"Nhiệm vụ trong nghị quyết tháng này", "Tasks of this meeting's resolution"}
	CLIPlanCarried       = Msg{"Nhiệm vụ tháng trước (ghi kết quả: chibo plan task result N KẾT_QUẢ)", "Last month's tasks (record results: chibo plan task result N RESULT)"}
	CLIPlanNoTasks       = Msg{"(chưa có)", "(none)"}
	CLIPlanNoResult      = Msg{"chưa ghi kết quả", "no result yet"}
	CLIPlanTaskAdded     = Msg{"Đã thêm nhiệm vụ %d vào nghị quyết %s.", "Added task %d to the resolution of %s."}
	CLIPlanTaskRemoved   = Msg{"Đã xoá nhiệm vụ %d của %s.", "Removed task %d of %s."}
	CLIPlanResultSaved   = Msg{"Đã ghi kết quả nhiệm vụ %d (từ %s) vào kế hoạch %s.", "Recorded the result of task %d (from %s) in the plan of %s."}
	CLIPlanNeedTaskVerb  = Msg{"cần add, list, result hoặc remove sau plan task", "need add, list, result or remove after plan task"}
	CLIPlanNeedNumber    = Msg{"cần số thứ tự (1, 2, …), không phải %q", "need a number (1, 2, …), not %q"}
	CLIPlanTicked        = Msg{"Đã đánh dấu xong: %s", "Ticked off: %s"}
	CLIPlanUnticked      = Msg{"Đã bỏ đánh dấu: %s", "Unticked: %s"}
	CLIPlanRemoved       = Msg{"Đã xoá %s.", "Removed %s."}
	CLIPlanMovedTo       = Msg{"Đã chuyển %s: vị trí %d.", "Moved %s: position %d."}
	CLIPlanMovedInto     = Msg{"Đã chuyển %s vào cuối mục %s.", "Moved %s to the end of item %s."}
	CLIPlanRenamed       = Msg{"Đã đổi tên mục %d thành “%s”.", "Renamed item %d to “%s”."}
	CLIPlanNeedWhere     = Msg{"cần up, down hoặc --item N", "need up, down or --item N"}
	CLIPlanRoll          = Msg{"Điểm danh %s: có mặt %d/%d (chính thức %d, dự bị %d); vắng có lý do %d, không lý do %d; miễn sinh hoạt %d", "Roll of %s: present %d/%d (official %d, probationary %d); absent with reason %d, without %d; exempt %d"}
	CLIPlanRollNotTaken  = Msg{"(Chưa ghi vào biên bản: biên bản để trống số người có mặt cho đến khi điểm danh — chibo plan roll mark SỐ co-mat|vang-co-ly-do|vang-khong-ly-do|mien, những người khác được tính có mặt; hoặc phím l trên màn hình kế hoạch.)", "(Not recorded yet: the minutes leave attendance blank until the roll is taken — chibo plan roll mark NUMBER present|excused|absent|exempt, everyone else counted present; or l on the plan screen.)"}
	CLIPlanRollEmpty     = Msg{"Chưa có danh sách đảng viên. Thêm: chibo members add TÊN", "No members yet. Add them: chibo members add NAME"}
	CLIPlanRollMarked    = Msg{"Đã ghi: %s — %s.", "Recorded: %s — %s."}
	CLIPlanGuestAdded    = Msg{"Đã thêm khách mời: %s.", "Added guest: %s."}
	CLIPlanGuests        = Msg{"Khách mời", "Guests"}
	CLIPlanReasonNotHere = Msg{"--reason chỉ ghi cho người vắng có lý do (vang-co-ly-do) hoặc miễn sinh hoạt (mien); có lý do thì ghi vang-co-ly-do", "--reason is only for an excused absence (excused) or an exemption (exempt); with a reason, mark excused"}
	CLIPlanBadPresence   = Msg{"%q: gõ co-mat, vang-co-ly-do, vang-khong-ly-do hoặc mien (có dấu hay không đều được; hoặc present, excused, absent, exempt)", "%q is not present, excused, absent or exempt"}
	CLIPlanNeedRollVerb  = Msg{"cần show, mark hoặc guest sau plan roll", "need show, mark or guest after plan roll"}

	PresencePresent = Msg{"có mặt", "present"}
	PresenceExcused = Msg{"vắng có lý do", "absent with reason"}
	PresenceAbsent  = Msg{"vắng không lý do", "absent without reason"}
	PresenceExempt  = Msg{"miễn sinh hoạt", "exempt"}

	CLIMembersSummary = Msg{
		"danh sách đảng viên của chi bộ, dùng để điểm danh (chỉ lưu trong thư mục dữ liệu, chỉ in vào biên bản của chi bộ); không ghi VIỆC: liệt kê",
		"the cell's members, for the roll (kept only in the data directory, printed only in the cell's own minutes); no ACTION: list them",
	}
	CLIMembersNoVerb  = Msg{"thiếu việc cần làm (add, list, remove)", "missing what to do (add, list, remove)"}
	CLIMembersNeedOne = Msg{"cần đúng một tên (đặt trong ngoặc kép nếu có khoảng trắng)", "need exactly one name (quote it if it has spaces)"}
	CLIMembersAdded   = Msg{"Đã thêm đảng viên %d. %s.", "Added member %d. %s."}
	CLIMembersRemoved = Msg{"Đã xoá %s khỏi danh sách.", "Removed %s from the list."}
	CLIMembersNone    = Msg{"Chưa có đảng viên nào. Thêm: chibo members add TÊN", "No members yet. Add one: chibo members add NAME"}
	CLIMembersOff     = Msg{"chính thức", "official"}
	CLIMembersProb    = Msg{"dự bị", "probationary"}

	PlanErrBadDate         = Msg{"ngày không hợp lệ; dùng ngày/tháng/năm (ví dụ 05/12/2026)", "the date is not valid; use day/month/year (e.g. 05/12/2026)"}
	PlanErrEmptyTask       = Msg{"nội dung nhiệm vụ trống", "the task text is empty"}
	PlanErrNoTask          = Msg{"không có nhiệm vụ này (xem: chibo plan task list)", "no such task (see: chibo plan task list)"}
	PlanErrNoCheck         = Msg{"không có việc này trong danh sách (xem: chibo plan show)", "no such checklist item (see: chibo plan show)"}
	PlanErrNoMember        = Msg{"không có đảng viên này (xem: chibo members list)", "no such member (see: chibo members list)"}
	PlanErrAmbiguousMember = Msg{"nhiều đảng viên có tên này: gõ tên đầy đủ hoặc số thứ tự (xem: chibo members list)", "more than one member has this name: type the full name or the number (see: chibo members list)"}
	PlanErrSameName        = Msg{"đã có đảng viên trùng tên trong danh sách", "a member with this name is already on the list"}
	PlanErrEmptyName       = Msg{"tên trống", "the name is empty"}
	PlanErrKind            = Msg{"hình thức sinh hoạt phải là thuong-ky, chuyen-de hoặc ket-hop", "the meeting kind must be thuong-ky, chuyen-de or ket-hop"}
	PlanErrPresence        = Msg{"điểm danh chỉ có: có mặt, vắng có lý do, vắng không lý do hoặc miễn sinh hoạt", "attendance is one of: present, absent with reason, absent without reason, exempt"}
	PlanErrNotOnRoll       = Msg{"người này không có trong danh sách đảng viên của chi bộ; hãy thêm vào danh sách trước (chibo members add TÊN)", "this person is not on the cell's member list; add them first (chibo members add NAME)"}
	PlanErrBadKey          = Msg{"tên kế hoạch không hợp lệ: phải là tháng dạng YYYY-MM (ví dụ 2026-11) hoặc YYYY-MM-ten cho buổi chuyên đề", "not a valid plan name: use a month as YYYY-MM (e.g. 2026-11), or YYYY-MM-name for a thematic meeting"}
	PlanErrFormat          = Msg{"định dạng xuất không hỗ trợ; dùng md, html hoặc docx", "export format not supported; use md, html or docx"}
)

// planMore are the errors of the meeting's tasks, checklist and roll.
var planMore = []struct {
	err error
	msg Msg
}{
	{plan.ErrBadDate, PlanErrBadDate}, {plan.ErrEmptyTask, PlanErrEmptyTask}, {plan.ErrNoTask, PlanErrNoTask},
	{plan.ErrNoCheck, PlanErrNoCheck}, {plan.ErrNoMember, PlanErrNoMember}, {plan.ErrAmbiguousMember, PlanErrAmbiguousMember}, {plan.ErrSameMember, PlanErrSameName},
	{plan.ErrEmptyName, PlanErrEmptyName}, {plan.ErrBadKind, PlanErrKind},
	{plan.ErrBadPresence, PlanErrPresence}, {plan.ErrNotOnTheRoll, PlanErrNotOnRoll},
	{plan.ErrBadKey, PlanErrBadKey}, {plan.ErrBadFormat, PlanErrFormat},
}

// DescribeMeeting names an error of the tasks, checklist or roll in l, or
// says it is not one of them.
func DescribeMeeting(l Lang, err error) (string, bool) {
	for _, m := range planMore {
		if errors.Is(err, m.err) {
			return m.msg.In(l), true
		}
	}
	return "", false
}
