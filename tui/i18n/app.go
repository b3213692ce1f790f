package i18n

// Strings of the terminal app (chibo with no command). Key names in help
// texts stay as the keys are labelled on a keyboard.
var (
	AppName = Msg{"chibo", "chibo"}

	// Screen names, shown in the title and status bars.
	AppScreenLibrary    = Msg{"Thư viện", "Library"}
	AppScreenOutline    = Msg{"Mục lục", "Outline"}
	AppScreenReader     = Msg{"Đọc", "Reader"}
	AppScreenSearch     = Msg{"Tìm kiếm", "Search"}
	AppScreenDirectives = Msg{"Văn bản được trích dẫn", "Cited directives"}
	AppScreenCitations  = Msg{"Nơi trích dẫn", "Citations"}
	AppScreenBookmarks  = Msg{"Dấu trang", "Bookmarks"}
	AppScreenHelp       = Msg{"Trợ giúp", "Help"}
	AppScreenTOC        = Msg{"Nhảy tới mục", "Jump to section"}

	// Document kinds, by content.Kind.
	AppKindBulletin   = Msg{"Tài liệu sinh hoạt", "Meeting materials"}
	AppKindResolution = Msg{"Nghị quyết", "Resolutions"}
	AppKindReport     = Msg{"Báo cáo", "Reports"}
	AppKindAppendix   = Msg{"Phụ lục", "Appendices"}
	AppKindDecision   = Msg{"Quyết định, chỉ thị, quy định", "Decisions, directives, regulations"}
	AppKindGuidance   = Msg{"Hướng dẫn", "Guidance"}
	AppKindPlan       = Msg{"Kế hoạch, chương trình", "Plans and programmes"}
	AppKindLaw        = Msg{"Luật, nghị định, thông tư", "Laws, decrees, circulars"}
	AppKindLetter     = Msg{"Công văn, thông báo", "Letters and notices"}
	AppKindOther      = Msg{"Văn bản khác", "Other documents"}

	// Start-up and index.
	AppLoading        = Msg{"Đang mở thư viện…", "Opening the library…"}
	AppLibraryError   = Msg{"Không mở được thư viện: %s", "Cannot open the library: %s"}
	AppIndexBuilding  = Msg{"Đang xây dựng chỉ mục tìm kiếm", "Building the search index"}
	AppIndexProgress  = Msg{"%d/%d tài liệu", "%d/%d documents"}
	AppIndexError     = Msg{"Chỉ mục tìm kiếm lỗi: %s", "Search index error: %s"}
	AppIndexMissing   = Msg{"Chưa có chỉ mục tìm kiếm.", "There is no search index."}
	AppIndexWait      = Msg{"Chỉ mục đang được xây dựng; kết quả sẽ hiện khi xong.", "The index is being built; results will appear when it is ready."}
	AppUserDataError  = Msg{"Không mở được dữ liệu người dùng (dấu trang, vị trí đọc): %s", "Cannot open user data (bookmarks, reading positions): %s"}
	AppUserDataNone   = Msg{"Dấu trang chưa dùng được.", "Bookmarks are not available."}
	AppSaveError      = Msg{"Không lưu được: %s", "Could not save: %s"}
	AppTooSmall       = Msg{"Cửa sổ quá nhỏ (%d×%d).\nCần ít nhất %d×%d.\nHãy phóng to cửa sổ hoặc thu nhỏ cỡ chữ.", "The window is too small (%d×%d).\nchibo needs at least %d×%d.\nEnlarge the window or make the font smaller."}
	AppDocGone        = Msg{"Tài liệu không còn trong thư viện.", "The document is no longer in the library."}
	AppSectionMissing = Msg{"Không còn mục này; mở đầu tài liệu.", "That section is gone; opening the start of the document."}

	// Library.
	AppFilterPrompt = Msg{"Lọc: ", "Filter: "}
	AppFilterHint   = Msg{"gõ f để lọc theo tên, số, cơ quan (không cần dấu)", "press f to filter by title, number, issuer (accents optional)"}
	AppFilterNone   = Msg{"Không có tài liệu nào khớp “%s”. Xoá bớt chữ hoặc bấm esc.", "No document matches “%s”. Delete some letters or press esc."}
	AppLibraryEmpty = Msg{"Thư viện trống. Bấm i để nhập tài liệu (hoặc chạy: chibo import ĐƯỜNG_DẪN).", "The library is empty. Press i to import documents (or run: chibo import PATH)."}
	AppSections     = Msg{"%d mục", "%d sections"}
	AppNoNumber     = Msg{"không số", "no number"}
	AppReadingHere  = Msg{"đang đọc", "reading"}

	// Outline.
	AppOutlineEmpty  = Msg{"Tài liệu không có mục nào.", "The document has no sections."}
	AppChildren      = Msg{"%d mục con", "%d subsections"}
	AppPreviewEmpty  = Msg{"(mục này chỉ có tiêu đề)", "(this section has only a heading)"}
	AppIssuedBy      = Msg{"Ban hành: %s", "Issued by: %s"}
	AppNumberLabel   = Msg{"Số: %s", "Number: %s"}
	AppDateLabel     = Msg{"Ngày: %s", "Date: %s"}
	AppWordsInBody   = Msg{"%d chữ", "%d words"}
	AppBookmarkedTag = Msg{"★", "★"}

	// Reader.
	AppRendering      = Msg{"Đang hiển thị…", "Rendering…"}
	AppRenderError    = Msg{"Không hiển thị được: %s", "Cannot render: %s"}
	AppFindPrompt     = Msg{"Tìm trong tài liệu: ", "Find in document: "}
	AppFindCount      = Msg{"%d/%d kết quả", "%d/%d matches"}
	AppFindNone       = Msg{"không thấy “%s”", "“%s” not found"}
	AppFindExact      = Msg{"đúng dấu", "exact accents"}
	AppFindLoose      = Msg{"không phân biệt dấu", "accents ignored"}
	AppNotes          = Msg{"Chú thích", "Notes"}
	AppReaderCut      = Msg{"Văn bản này quá dài để hiện trọn trong ứng dụng: đã hiện %d trên %d mục đầu. Để đọc toàn văn, thoát ứng dụng và gõ lệnh: chibo show %s | less", "This document is too long to show whole in the app: the first %d of %d sections are shown. To read all of it, quit and run: chibo show %s | less"}
	AppCited          = Msg{"Văn bản được trích dẫn", "Directives cited"}
	AppCitedHint      = Msg{"bấm c để xem nơi khác trích dẫn", "press c to see where else they are cited"}
	AppNoRefsHere     = Msg{"Mục này không trích dẫn văn bản nào.", "This section cites no directive."}
	AppBookmarkAdded  = Msg{"Đã đánh dấu: %s", "Bookmarked: %s"}
	AppBookmarkGone   = Msg{"Đã bỏ dấu trang: %s", "Bookmark removed: %s"}
	AppFirstSection   = Msg{"Đây là mục đầu tiên.", "This is the first section."}
	AppLastSection    = Msg{"Đây là mục cuối cùng.", "This is the last section."}
	AppSectionOf      = Msg{"mục %d/%d", "section %d/%d"}
	AppHighlightTerms = Msg{"Tô sáng: %s", "Highlighted: %s"}

	// Search.
	AppSearchPrompt    = Msg{"Tìm: ", "Search: "}
	AppSearchTips      = Msg{"Gõ từ cần tìm, có dấu hoặc không dấu. Ví dụ:\n  nong thon moi     các mục về nông thôn mới\n  \"chuyển đổi số\"   đúng cụm từ\n  21-NQ/TW          theo số hiệu văn bản\n\ntab: chuyển giữa ô tìm, kết quả và bộ lọc.", "Type the words to find, with or without accents. For example:\n  nong thon moi     new rural development\n  \"chuyển đổi số\"   the exact phrase\n  21-NQ/TW          a directive by its symbol\n\ntab: move between the search box, results and filters."}
	AppSearching       = Msg{"Đang tìm…", "Searching…"}
	AppSearchError     = Msg{"Tìm kiếm lỗi: %s", "Search failed: %s"}
	AppSearchNoneExact = Msg{"Không tìm thấy “%s” với dấu đúng như gõ.\nctrl+e: tắt tìm đúng dấu để khớp mọi cách viết.", "Nothing found for “%s” with the accents as typed.\nctrl+e: turn exact accents off to match every spelling."}
	AppSearchNone      = Msg{"Không tìm thấy “%s”.\nThử:\n  • gõ ít từ hơn hoặc từ khác cùng nghĩa\n  • gõ không dấu (nong thon) để khớp mọi cách viết\n  • bỏ bộ lọc loại/năm (tab để tới bộ lọc)\n  • tìm theo số hiệu, ví dụ 21-NQ/TW", "Nothing found for “%s”.\nTry:\n  • fewer words, or other words with the same meaning\n  • typing without accents (nong thon) to match every spelling\n  • removing the kind/year filters (tab to reach them)\n  • a directive symbol, e.g. 21-NQ/TW"}
	AppSearchTotal     = Msg{"%d kết quả", "%d results"}
	AppFacetKinds      = Msg{"Loại", "Kind"}
	AppFacetYears      = Msg{"Năm", "Year"}
	AppFacetAll        = Msg{"tất cả", "all"}
	AppFacetSummary    = Msg{"Loại: %s · Năm: %s", "Kind: %s · Year: %s"}
	AppFacetNone       = Msg{"(chưa có)", "(none yet)"}
	AppNoYear          = Msg{"không rõ", "unknown"}
	AppSearchMoreHit   = Msg{"… còn %d kết quả; thu hẹp bằng bộ lọc", "… %d more results; narrow with the filters"}

	// Directives.
	AppDirectivesEmpty  = Msg{"Chưa thấy văn bản nào được trích dẫn trong thư viện.", "No cited directive was found in the library."}
	AppDirectivesNone   = Msg{"Không có văn bản nào khớp “%s”.", "No directive matches “%s”."}
	AppCitedTimes       = Msg{"%d lần", "%d times"}
	AppCitationsOf      = Msg{"%s được trích dẫn %d lần:", "%s is cited %d times:"}
	AppDirectivesOnly   = Msg{"Văn bản mục này trích dẫn (esc: xem tất cả)", "Directives this section cites (esc: all)"}
	AppDirectivesFilter = Msg{"gõ f để lọc theo số hiệu hoặc loại", "press f to filter by symbol or kind"}

	// Bookmarks.
	AppBookmarksEmpty = Msg{"Chưa có dấu trang. Trong khi đọc, bấm b để đánh dấu mục đang đọc.", "No bookmarks yet. While reading, press b to bookmark the section."}
	AppBookmarkStale  = Msg{"(không còn trong thư viện)", "(no longer in the library)"}

	// Status bar and help.
	AppHelpTitle  = Msg{"Phím tắt", "Keys"}
	AppHelpGlobal = Msg{"Mọi nơi", "Everywhere"}
	AppHelpMove   = Msg{"Di chuyển", "Moving"}
	AppHelpClose  = Msg{"esc, ? hoặc f1 để đóng", "esc, ? or f1 to close"}

	// Key help texts.
	AppKeyUp        = Msg{"lên", "up"}
	AppKeyDown      = Msg{"xuống", "down"}
	AppKeyPageUp    = Msg{"trang trước", "page up"}
	AppKeyPageDown  = Msg{"trang sau", "page down"}
	AppKeyTop       = Msg{"đầu", "top"}
	AppKeyBottom    = Msg{"cuối", "bottom"}
	AppKeyOpen      = Msg{"mở", "open"}
	AppKeyBack      = Msg{"quay lại", "back"}
	AppKeyForward   = Msg{"tiến tới", "forward"}
	AppKeyQuit      = Msg{"thoát", "quit"}
	AppKeyHelp      = Msg{"trợ giúp", "help"}
	AppKeySearch    = Msg{"tìm kiếm", "search"}
	AppKeyFilter    = Msg{"lọc", "filter"}
	AppKeyFocus     = Msg{"đổi ô", "switch pane"}
	AppKeyCollapse  = Msg{"thu gọn", "collapse"}
	AppKeyExpand    = Msg{"mở rộng", "expand"}
	AppKeyPrevSec   = Msg{"mục trước", "previous section"}
	AppKeyNextSec   = Msg{"mục sau", "next section"}
	AppKeyTOC       = Msg{"nhảy tới mục", "jump to section"}
	AppKeyFind      = Msg{"tìm trong bài", "find in document"}
	AppKeyNextMatch = Msg{"kết quả sau", "next match"}
	AppKeyPrevMatch = Msg{"kết quả trước", "previous match"}
	AppKeyBookmark  = Msg{"đánh dấu", "bookmark"}
	AppKeyBookmarks = Msg{"dấu trang", "bookmarks"}
	AppKeyCites     = Msg{"văn bản trích dẫn", "cited directives"}
	AppKeyDirs      = Msg{"văn bản", "directives"}
	AppKeyPlan      = Msg{"kế hoạch họp", "meeting plan"}
	AppKeyAgenda    = Msg{"thêm vào chương trình", "add to agenda"}
	AppKeyImport    = Msg{"nhập tài liệu", "import"}
	AppKeyRemove    = Msg{"xoá tài liệu", "remove document"}
	AppKeyToggle    = Msg{"chọn/bỏ", "toggle"}
	AppKeyExact     = Msg{"dấu chính xác", "exact accents"}
	AppKeyClear     = Msg{"xoá bộ lọc", "clear filter"}
	AppKeyDone      = Msg{"xong", "done"}
	AppKeyCancel    = Msg{"huỷ", "cancel"}
	AppKeyWheel     = Msg{"cuộn", "scroll"}
	AppKeyOutline   = Msg{"dàn ý tài liệu", "document outline"}
	AppKeyRemoveBm  = Msg{"bỏ dấu trang", "remove bookmark"}
)

// Meeting plan integration.
var (
	AppScreenPlan   = Msg{"Kế hoạch họp", "Meeting plan"}
	AppScreenPicker = Msg{"Thêm vào chương trình", "Add to agenda"}
	AppPlanOff      = Msg{"Kế hoạch họp chưa dùng được.", "The meeting plan is not available."}
	AppPlanAdded    = Msg{"Đã thêm vào: %s", "Added to: %s"}
	AppPlanNothing  = Msg{"Chọn một mục trước khi thêm vào chương trình.", "Select a section before adding it to the agenda."}

	// Selecting a passage in the reader (V).
	AppScreenSelect   = Msg{"Chọn đoạn", "Select passage"}
	AppSelectCount    = Msg{"%d đoạn", "%d paragraphs"}
	AppSelectOne      = Msg{"1 đoạn", "1 paragraph"}
	AppSelectNone     = Msg{"Chưa có đoạn nào để chọn ở đây.", "There is no paragraph to select here."}
	AppSelectWait     = Msg{"Tài liệu đang được hiển thị; chờ một chút rồi bấm lại.", "The document is still being laid out; wait a moment and press again."}
	AppKeySelect      = Msg{"chọn đoạn để đưa vào chương trình", "select paragraphs for the agenda"}
	AppKeySelectMove  = Msg{"thêm/bớt đoạn", "more/fewer paragraphs"}
	AppKeySelectPage  = Msg{"thêm/bớt một trang", "a page more/fewer"}
	AppKeySelectAdd   = Msg{"thêm vào chương trình", "add to agenda"}
	AppKeySelectClear = Msg{"bỏ chọn", "cancel the selection"}
)
