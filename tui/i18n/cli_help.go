package i18n

// The command line's help: the blocks `chibo COMMAND --help` prints, the
// flags' descriptions, the plan and members subcommands, and the usage
// mistakes every command reports the same way.
var (
	CLIHelpUsage    = Msg{"Cách dùng:", "Usage:"}
	CLIHelpOptions  = Msg{"Tuỳ chọn:", "Options:"}
	CLIHelpExamples = Msg{"Ví dụ:", "Examples:"}
	CLIHelpActions  = Msg{"Các việc:", "Actions:"}
	CLIHelpDefault  = Msg{"mặc định: %s", "default: %s"}
	CLIHelpGlobal   = Msg{
		"Tuỳ chọn chung (đặt trước hoặc sau LỆNH): --data THƯ_MỤC, --lang vi|en. Xem: chibo --help",
		"Global options (before or after COMMAND): --data DIR, --lang vi|en. See: chibo --help",
	}
	CLIHelpMoreAction = Msg{"Xem chi tiết một việc: chibo %s VIỆC --help", "Details of one action: chibo %s ACTION --help"}
	CLIHelpEveryday   = Msg{"Các lệnh thường dùng:", "Everyday commands:"}
	CLIHelpUpkeep     = Msg{"Bảo trì và đo đạc:", "Upkeep and measurement:"}
	CLIHelpMore       = Msg{"Xem chi tiết một lệnh: chibo LỆNH --help (hoặc chibo help LỆNH)", "Details of one command: chibo COMMAND --help (or chibo help COMMAND)"}
	CLIHelpDataAt     = Msg{"Dữ liệu của bạn ở: %s; chỉ mục tìm kiếm ở: %s", "Your data is in: %s; the search index in: %s"}
	CLIHelpSeeHelp    = Msg{"Xem: chibo %s --help", "See: chibo %s --help"}

	CLIPlanNeedRefNum = Msg{"cần số thứ tự: N của mục hoặc tK của trích dẫn (xem: chibo plan show)", "need a number: N for an item or tK for an excerpt (see: chibo plan show)"}
	CLIPlanNeedRename = Msg{"cần số thứ tự mục và tên mới, ví dụ: chibo plan rename 3 \"Tên mới\"", "need the item's number and its new title, e.g. chibo plan rename 3 \"New title\""}
	CLIPlanUnreadable = Msg{"tệp bị hỏng hoặc do một bản chibo mới hơn ghi; xem: chibo plan show %s", "the file is damaged or was written by a newer chibo; see: chibo plan show %s"}
	CLIExtraArgs      = Msg{"thừa đối số: %s", "too many arguments: %s"}
	CLINoSuchAction   = Msg{"không có việc %q", "there is no action %q"}
	CLIDidYouMean     = Msg{"có phải ý bạn là “%s”?", "did you mean “%s”?"}
	CLIHelpUnknown    = Msg{"không có lệnh %q để xem trợ giúp", "there is no command %q to show help for"}

	CLIOutExists = Msg{
		"đã có tệp %s; thêm --force để ghi đè, hoặc chọn tên khác bằng --out",
		"%s already exists; add --force to replace it, or choose another name with --out",
	}
	CLIOutNoDir = Msg{
		"không có thư mục %s; hãy tạo thư mục trước, hoặc chọn chỗ khác bằng --out",
		"there is no folder %s; create it first, or choose another place with --out",
	}
	CLIOutNotDir = Msg{
		"%s không phải thư mục; hãy chọn chỗ khác bằng --out",
		"%s is not a folder; choose another place with --out",
	}
)

// CLIFlags describes each command's flags, keyed "COMMAND --FLAG" ("plan
// export --out"). The first word between backquotes names the flag's value
// in the help ("--limit N"); a flag without one is a switch. The help
// prints the default the command sets when it is not empty, false or 0.
var CLIFlags = map[string]Msg{
	"--data": {"`THƯ_MỤC` nơi lưu thư viện, dữ liệu và chỉ mục (hoặc biến CHIBO_DATA)", "`DIR` where the library, user data and index live (or CHIBO_DATA)"},
	"--lang": {"`vi|en` ngôn ngữ (mặc định: tiếng Việt, hoặc tiếng Anh khi LANG là en_…)", "`vi|en` language (default: Vietnamese, or English when LANG is en_…)"},

	"list --json":    {"in dạng JSON (loại văn bản là mã: nghi-quyet, bao-cao …)", "print JSON (kinds as codes: nghi-quyet, bao-cao …)"},
	"outline --json": {"in dạng JSON", "print JSON"},
	"show --markdown": {
		"in mã Markdown (để chép sang trình soạn thảo)",
		"print the Markdown source (to paste into an editor)",
	},
	"show --plain": {"in chữ trơn, không định dạng", "print plain text, no formatting"},
	"show --width": {
		"`N` số cột để ngắt dòng, từ 20 đến 500 (mặc định: độ rộng cửa sổ; 80 khi in ra tệp)",
		"`N` columns to wrap at, from 20 to 500 (default: the window's width; 80 into a file)",
	},
	"search --json":    {"in dạng JSON; từ khớp được đánh dấu **như thế này**", "print JSON; matched words are marked **like this**"},
	"search --limit":   {"`N` số kết quả tối đa", "`N` most results to print"},
	"search --exact":   {"dấu phải khớp đúng như gõ (mặc định: có dấu hay không đều tìm được)", "accents must match as typed (default: with or without accents)"},
	"search --explain": {"giải thích điểm của từng kết quả", "explain each result's score"},
	"refs --json":      {"in dạng JSON (loại văn bản là mã: nghi-quyet, ket-luan …)", "print JSON (kinds as codes: nghi-quyet, ket-luan …)"},
	"import --encoding": {
		"`BẢNG_MÃ` bảng mã của tệp .txt/.md/.html cũ: utf-8, windows-1258, tcvn3 (ABC, .VnTime), vni, viscii, utf-16 (mặc định: tự nhận biết)",
		"`ENCODING` encoding of old .txt/.md/.html files: utf-8, windows-1258, tcvn3 (ABC, .VnTime), vni, viscii, utf-16 (default: detected)",
	},
	"import --max-size": {
		"`MB` bỏ qua tệp lớn hơn MB (mặc định: 100)",
		"`MB` skip files larger than MB (default: 100)",
	},
	"import --cpuprofile":  {"`TỆP` ghi hồ sơ CPU của lần nhập và lập chỉ mục (cho người phát triển)", "`FILE` write a CPU profile of the import and index build (for developers)"},
	"reindex --cpuprofile": {"`TỆP` ghi hồ sơ CPU của lần lập chỉ mục (cho người phát triển)", "`FILE` write a CPU profile of the index build (for developers)"},
	"remove --yes":         {"xoá luôn, không hỏi lại", "remove without asking"},
	"bench --json":         {"in dạng JSON", "print JSON"},
	"bench --runs":         {"`N` số lượt đo mỗi truy vấn", "`N` timed runs of each query"},
	"bench --cpuprofile":   {"`TỆP` ghi hồ sơ CPU của các lượt đo (cho người phát triển)", "`FILE` write a CPU profile of the timed runs (for developers)"},
	"eval --json":          {"in dạng JSON", "print JSON"},
	"plan --json":          {"in dạng JSON", "print JSON"},
	"plan --format":        {"`md|html|docx` định dạng tệp (mặc định: theo đuôi của --out, nếu không thì html)", "`md|html|docx` file format (default: from the --out extension, else html)"},
	"plan --out": {
		"`TỆP` ghi vào TỆP; - để in ra màn hình (mặc định: tên theo tháng, trong thư mục hiện tại). Thư mục phải có sẵn",
		"`FILE` write to FILE; - prints it (default: a name from the month, in the current folder). The folder must exist",
	},
	"plan --force":  {"ghi đè nếu tệp đã có", "replace the file if it exists"},
	"plan --item":   {"`N` số thứ tự mục trong chương trình (xem: chibo plan show)", "`N` the agenda item's number (see: chibo plan show)"},
	"plan --text":   {"`ĐOẠN` chỉ trích đoạn này của mục (chép đúng từ chibo show)", "`PASSAGE` excerpt only this passage of the section (copied from chibo show)"},
	"plan --append": {"thêm vào sau nội dung đã có thay vì thay thế", "add after what is there instead of replacing it"},
	"plan --undo":   {"bỏ đánh dấu xong", "untick"},
	"plan --reason": {"`LÝ_DO` lý do vắng", "`REASON` the reason for the absence"},
	"plan --owner":  {"`TÊN` người thực hiện", "`NAME` who does it"},
	"plan --due":    {"`NGÀY` hạn hoàn thành", "`DATE` when it is due"},

	"plan set --kind":           {"`thuong-ky|chuyen-de|ket-hop` hình thức buổi sinh hoạt", "`thuong-ky|chuyen-de|ket-hop` regular, thematic or both"},
	"plan set --date":           {"`NGÀY` ngày họp", "`DATE` the meeting's date"},
	"plan set --place":          {"`NƠI` địa điểm họp", "`PLACE` where it is held"},
	"plan set --locality":       {"`ĐỊA_DANH` địa danh ghi đầu văn bản (…, ngày … tháng …)", "`LOCALITY` the place name heading the documents"},
	"plan set --cell":           {"`TÊN` tên chi bộ", "`NAME` the party cell's name"},
	"plan set --party":          {"`TÊN` tên đảng bộ cấp trên", "`NAME` the party committee above the cell"},
	"plan set --chair":          {"`TÊN` chủ trì", "`NAME` who chairs"},
	"plan set --secretary":      {"`TÊN` thư ký", "`NAME` who takes the minutes"},
	"plan set --start":          {"`GIỜ` giờ bắt đầu (ví dụ 14:00)", "`TIME` start time (e.g. 14:00)"},
	"plan set --end":            {"`GIỜ` giờ kết thúc", "`TIME` end time"},
	"plan set --number":         {"`SỐ` số văn bản của nghị quyết", "`NO` the resolution's number"},
	"plan set --topic":          {"`TÊN` chủ đề sinh hoạt chuyên đề", "`TITLE` the thematic meeting's topic"},
	"plan set --presenter":      {"`TÊN` người trình bày chuyên đề", "`NAME` who presents the topic"},
	"plan set --topic-approved": {"`NGÀY` ngày cấp uỷ duyệt chuyên đề", "`DATE` when the committee approved the topic"},
	"plan set --vote":           {"`TÁN_THÀNH/KHÔNG/KHÁC` kết quả biểu quyết, ví dụ 12/0/0", "`FOR/AGAINST/OTHER` the vote, e.g. 12/0/0"},
	"plan set --grade":          {"`Tốt|Khá|Trung-bình|Kém` tự đánh giá chất lượng buổi sinh hoạt", "`Tốt|Khá|Trung-bình|Kém` the meeting's self-assessed quality"},
	"plan set --rubric":         {"`VĂN_BẢN` căn cứ đánh giá", "`TEXT` the grounds of the assessment"},
	"plan set --dues":           {"`VĂN_BẢN` tình hình thu nộp đảng phí", "`TEXT` party dues collected"},
	"plan set --conclusion":     {"`VĂN_BẢN` kết luận của chủ trì", "`TEXT` the chair's conclusion"},

	"members --du-bi": {"đảng viên dự bị", "a probationary member"},
	"members --mien":  {"được miễn sinh hoạt", "exempt from meetings"},
}

// Plan and members subcommands: usage after "chibo plan VERB", and what
// each does.
var (
	CLIPlanListUsage   = Msg{"", ""}
	CLIPlanListSummary = Msg{"liệt kê các kế hoạch đã lưu", "list the saved plans"}
	CLIPlanShowUsage   = Msg{"[--json] [THÁNG]", "[--json] [MONTH]"}
	CLIPlanShowSummary = Msg{"xem chương trình buổi sinh hoạt: thông tin, các mục, trích dẫn, ghi chú", "show the meeting's agenda: details, items, excerpts, notes"}
	CLIPlanExportUsage = Msg{"[--format md|html|docx] [--out TỆP] [--force] [THÁNG]", "[--format md|html|docx] [--out FILE] [--force] [MONTH]"}
	CLIPlanExportSumm  = Msg{"xuất tài liệu họp (chương trình, trích dẫn, ghi chú) ra tệp để in hoặc gửi", "write the meeting pack (agenda, excerpts, notes) to a file to print or send"}
	CLIPlanAddUsage    = Msg{"[--item N] [--text ĐOẠN] TÀI_LIỆU#MỤC [THÁNG]", "[--item N] [--text PASSAGE] DOC#SECTION [MONTH]"}
	CLIPlanAddSummary  = Msg{"thêm một mục tài liệu làm trích dẫn vào chương trình", "add a document section to the agenda as an excerpt"}
	CLIPlanNoteUsage   = Msg{"--item N [--append] VĂN_BẢN|- [THÁNG]", "--item N [--append] TEXT|- [MONTH]"}
	CLIPlanNoteSummary = Msg{"ghi chú cho một mục của chương trình (- đọc từ bàn phím hoặc tệp)", "write the notes of an agenda item (- reads them from standard input)"}
	CLIPlanSetUsage    = Msg{"[--kind …] [--date NGÀY] [--place NƠI] [--cell TÊN] … [THÁNG]", "[--kind …] [--date DATE] [--place PLACE] [--cell NAME] … [MONTH]"}
	CLIPlanSetSummary  = Msg{"ghi thông tin buổi họp. NGÀY viết 05/12/2026, 5/12/2026 hoặc 2026-12-05", "record the meeting's details. DATE is 05/12/2026, 5/12/2026 or 2026-12-05"}
	CLIPlanTaskUsage   = Msg{
		"add [--owner TÊN] [--due NGÀY] VĂN_BẢN [THÁNG] | list [THÁNG] | result N KẾT_QUẢ [THÁNG] | remove N [THÁNG]",
		"add [--owner NAME] [--due DATE] TEXT [MONTH] | list [MONTH] | result N RESULT [MONTH] | remove N [MONTH]",
	}
	CLIPlanTaskSummary  = Msg{"nhiệm vụ trong nghị quyết của buổi họp, và kết quả các nhiệm vụ tháng trước", "the tasks of the meeting's resolution, and the results of last month's tasks"}
	CLIPlanTickUsage    = Msg{"[--undo] N [THÁNG]", "[--undo] N [MONTH]"}
	CLIPlanTickSummary  = Msg{"đánh dấu xong việc N trong danh sách việc trước và sau buổi họp", "tick off step N of the before-and-after checklist"}
	CLIPlanRemoveUsage  = Msg{"N|tK [THÁNG]", "N|tK [MONTH]"}
	CLIPlanRemoveSumm   = Msg{"xoá mục N hoặc trích dẫn tK (xem số ở chibo plan show)", "remove item N or excerpt tK (numbers as in chibo plan show)"}
	CLIPlanMoveUsage    = Msg{"N|tK up|down|--item M [THÁNG]", "N|tK up|down|--item M [MONTH]"}
	CLIPlanMoveSummary  = Msg{"chuyển mục lên, xuống, hoặc chuyển trích dẫn sang mục M", "move an item up or down, or an excerpt to item M"}
	CLIPlanRenameUsage  = Msg{"N TÊN [THÁNG]", "N TITLE [MONTH]"}
	CLIPlanRenameSumm   = Msg{"đổi tên mục N", "rename item N"}
	CLIPlanRollUsage    = Msg{"[THÁNG] | mark N|TÊN co-mat|vang-co-ly-do|vang-khong-ly-do|mien [--reason LÝ_DO] [THÁNG] | guest TÊN [THÁNG]", "[MONTH] | mark N|NAME present|excused|absent|exempt [--reason REASON] [MONTH] | guest NAME [MONTH]"}
	CLIPlanRollSummary  = Msg{"điểm danh: xem, ghi có mặt/vắng của đảng viên, thêm khách mời", "the roll: show it, mark a member present or absent, add a guest"}
	CLIPlanMinutesUsage = Msg{"[THÁNG] | --item N [--append] Ý_KIẾN|- [THÁNG]", "[MONTH] | --item N [--append] VIEWS|- [MONTH]"}
	CLIPlanMinutesSumm  = Msg{"in dự thảo biên bản; với --item ghi ý kiến phát biểu ở mục N", "print the draft minutes; with --item, record the views spoken on item N"}
	CLIPlanResolUsage   = Msg{"[THÁNG]", "[MONTH]"}
	CLIPlanResolSumm    = Msg{"in dự thảo nghị quyết của buổi họp", "print the draft resolution of the meeting"}
	CLIPlanOverSummary  = Msg{"chuẩn bị buổi sinh hoạt chi bộ: chương trình, trích dẫn, ghi chú, điểm danh, biên bản, nghị quyết, xuất tài liệu họp; không ghi VIỆC: xem chương trình", "prepare the cell meeting: agenda, excerpts, notes, roll, minutes, resolution, the meeting pack; no ACTION: show the plan"}
	CLIPlanOverUsage    = Msg{"[VIỆC] [TUỲ_CHỌN] [THÁNG]", "[ACTION] [OPTIONS] [MONTH]"}
	CLIPlanMonthNote    = Msg{
		"THÁNG là 12/2026 hoặc 2026-12 (mặc định: tháng này), hoặc YYYY-MM-ten cho buổi chuyên đề riêng. NGÀY viết 05/12/2026, 5/12/2026 hoặc 2026-12-05.",
		"MONTH is 12/2026 or 2026-12 (default: this month), or YYYY-MM-name for a separate thematic meeting. DATE is 05/12/2026, 5/12/2026 or 2026-12-05.",
	}

	CLIMembersOverUsage  = Msg{"[VIỆC …]", "[ACTION …]"}
	CLIMembersAddUsage   = Msg{"[--du-bi] [--mien] TÊN", "[--du-bi] [--mien] NAME"}
	CLIMembersAddSumm    = Msg{"thêm một đảng viên vào danh sách", "add a member to the list"}
	CLIMembersListUsage  = Msg{"", ""}
	CLIMembersListSumm   = Msg{"liệt kê đảng viên của chi bộ", "list the cell's members"}
	CLIMembersRemoveUse  = Msg{"N|TÊN", "N|NAME"}
	CLIMembersRemoveSumm = Msg{"xoá đảng viên thứ N hoặc có tên TÊN khỏi danh sách", "remove member N or NAME from the list"}
)

// CLIExamples are example command lines for each command's help, keyed
// like CLIFlags' commands. They are the same in both languages: documents
// and plans are Vietnamese.
var CLIExamples = map[string][]string{
	"list":            {"chibo list", "chibo list --json"},
	"outline":         {"chibo outline nghi-quyet-hdnd-kinh-te-xa-hoi-2025", "chibo outline ~/Tai-lieu/bao-cao.docx"},
	"show":            {"chibo show tai-lieu-sinh-hoat-chi-bo-cuoi-2023#ii.1", "chibo show --plain phu-luc-6-khac-phuc-han-che-2022 > phu-luc-6.txt"},
	"search":          {`chibo search "phát triển đảng viên"`, "chibo search phat trien dang vien nam:2024", "chibo search ke hoach -tai-chinh loai:ke-hoach", "chibo search van-ban:01-KL/TW --limit 20"},
	"refs":            {"chibo refs", "chibo refs 01-KL/TW"},
	"import":          {"chibo import ~/Tai-lieu", "chibo import --encoding tcvn3 cu/bao-cao-1999.txt", "chibo import --max-size 300 ban-quet.pdf"},
	"remove":          {"chibo remove bao-cao-quy-3", "chibo remove --yes bao-cao-quy-3 ke-hoach-cu"},
	"reindex":         {"chibo reindex"},
	"bench":           {"chibo bench --runs 5 truy-van.txt"},
	"eval":            {"chibo eval --json bo-du-lieu/"},
	"version":         {"chibo version"},
	"plan":            {"chibo plan show", "chibo plan add tai-lieu-sinh-hoat-chi-bo-cuoi-2023#ii.1 --item 3", "chibo plan export --out hop-thang-12.docx 2026-12"},
	"plan list":       {"chibo plan list"},
	"plan show":       {"chibo plan show", "chibo plan show --json 2026-12"},
	"plan export":     {"chibo plan export", "chibo plan export --out hop-thang-12.docx 2026-12", "chibo plan export --format md --out - | less"},
	"plan add":        {"chibo plan add tai-lieu-sinh-hoat-chi-bo-cuoi-2023#ii.1 --item 3", `chibo plan add phu-luc-6-khac-phuc-han-che-2022#1 --text "Tỷ lệ đảng viên hoàn thành tốt nhiệm vụ đạt 90%"`},
	"plan note":       {`chibo plan note --item 2 "Đồng chí Lan trình bày"`, "chibo plan note --item 2 - < ghi-chu.txt"},
	"plan set":        {`chibo plan set --date 05/12/2026 --place "Hội trường khu phố 3"`, "chibo plan set --kind ket-hop --topic \"Học tập và làm theo tư tưởng Hồ Chí Minh\""},
	"plan task":       {`chibo plan task add --owner "Đ/c Hùng" --due 20/12/2026 "Vận động quỹ khuyến học"`, "chibo plan task list", `chibo plan task result 1 "Đã hoàn thành"`},
	"plan tick":       {"chibo plan tick 1", "chibo plan tick --undo 1"},
	"plan remove":     {"chibo plan remove 4", "chibo plan remove t2"},
	"plan move":       {"chibo plan move 3 up", "chibo plan move t1 --item 2"},
	"plan rename":     {`chibo plan rename 3 "Công tác phát triển đảng viên"`},
	"plan roll":       {"chibo plan roll", "chibo plan roll mark 3 excused --reason \"đi công tác\"", `chibo plan roll guest "Đ/c Minh, Đảng uỷ phường"`},
	"plan minutes":    {"chibo plan minutes > bien-ban.md", `chibo plan minutes --item 3 "- Đ/c Lan: đề nghị bổ sung chỉ tiêu"`},
	"plan resolution": {"chibo plan resolution > nghi-quyet.md"},
	"members":         {`chibo members add "Nguyễn Văn An"`, "chibo members list"},
	"members add":     {`chibo members add "Nguyễn Văn An"`, `chibo members add --du-bi "Trần Thị Bình"`},
	"members list":    {"chibo members list"},
	"members remove":  {"chibo members remove 2", `chibo members remove "Trần Thị Bình"`},
}
