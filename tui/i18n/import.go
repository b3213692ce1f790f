package i18n

// Importing and removing documents (chibo import / chibo remove, and the
// app's import and remove actions).
var (
	CLIImportUsage   = Msg{"[--encoding BẢNG_MÃ] [--max-size MB] TỆP_HOẶC_THƯ_MỤC…", "[--encoding ENCODING] [--max-size MB] FILE_OR_FOLDER…"}
	CLIImportSummary = Msg{"đưa tài liệu (.docx, .doc, .odt, .rtf, .pdf, .html, .txt, .md) vào thư viện và cập nhật chỉ mục tìm kiếm", "add documents (.docx, .doc, .odt, .rtf, .pdf, .html, .txt, .md) to the library and update the search index"}
	CLIImportNoPath  = Msg{"cần ít nhất một tệp hoặc thư mục", "give at least one file or folder"}
	CLIImportBadEnc  = Msg{"bảng mã %q không hỗ trợ; dùng utf-8, windows-1258, tcvn3 hoặc vni", "encoding %q is not supported; use utf-8, windows-1258, tcvn3 or vni"}
	CLIImportBadSize = Msg{"--max-size phải là số MB lớn hơn 0", "--max-size must be a number of MB above 0"}

	// One line per file: the verb, then the file, then details.
	ImportAdded     = Msg{"đã thêm", "added"}
	ImportUpdated   = Msg{"đã cập nhật", "updated"}
	ImportDuplicate = Msg{"trùng lặp", "duplicate"}
	ImportFailed    = Msg{"lỗi", "failed"}
	ImportSkipped   = Msg{"bỏ qua", "skipped"}

	ImportAs           = Msg{"thành %q", "as %q"}
	ImportSameAs       = Msg{"cùng nội dung với %q, không thêm lần nữa", "same content as %q, not added again"}
	ImportEncodingNote = Msg{"bảng mã %s", "encoding %s"}
	ImportGarbledNote  = Msg{"cảnh báo: phần lớn chữ trong tệp không đọc được thành tiếng Việt (lớp chữ nhận dạng sai của một bản quét?), cần đối chiếu bản gốc", "warning: most of the text does not read as Vietnamese (a scan's badly recognised text layer?); check it against the original"}
	ImportReplacedNote = Msg{"cảnh báo: %d byte lỗi (không phải UTF-8) đã thay bằng �, cần đối chiếu bản gốc ở những chỗ đó", "warning: %d invalid bytes (not UTF-8) were replaced by �; check those places against the original"}
	ImportOCRNote      = Msg{"cảnh báo: chữ nhận dạng từ bản quét (OCR), có thể sai, cần đối chiếu bản gốc", "warning: text read from a scan by OCR, it may hold misread words; check it against the original"}
	ImportNotDocument  = Msg{"không phải tài liệu chibo đọc được", "not a document chibo reads"}
	ImportOutside      = Msg{"liên kết trỏ ra ngoài thư mục, không theo", "link pointing outside the folder, not followed"}
	ImportBrokenLink   = Msg{"liên kết hỏng (tệp đích không còn, hoặc liên kết vòng), không theo", "broken link (its target is gone, or it loops), not followed"}
	ImportBesideNote   = Msg{"thư viện đã có một tài liệu khác cùng tên tệp (%q), giữ cả hai", "the library already has another document with this file name (%q); both are kept"}

	// The summary line: added, updated, duplicates, failed, skipped.
	ImportSummaryLine = Msg{"Xong: %d thêm mới, %d cập nhật, %d trùng lặp, %d lỗi, %d bỏ qua.", "Done: %d added, %d updated, %d duplicates, %d failed, %d skipped."}
	ImportCancelled   = Msg{"Đã dừng theo yêu cầu. Các tệp đã xử lý vẫn ở trong thư viện; thư viện không bị hỏng.", "Stopped as asked. The files already processed stay in the library; the library is intact."}
	ImportIndexing    = Msg{"Đang cập nhật chỉ mục tìm kiếm…", "Updating the search index…"}
	ImportIndexFailed = Msg{"Chưa cập nhật được chỉ mục tìm kiếm (%s); chibo sẽ cập nhật ở lần mở sau.", "Could not update the search index (%s); chibo will update it next time it opens."}
	ImportProgress    = Msg{"Đang nhập", "Importing"}
	// ImportOCRProgress labels the progress bar of a scanned PDF read by
	// OCR, in pages ("… [###---] 3/30 ten-tep.pdf").
	ImportOCRProgress = Msg{"Đang đọc bản quét (OCR) từng trang, Ctrl+C để dừng", "Reading a scan by OCR, page by page (Ctrl+C stops)"}
	LibraryRereading  = Msg{"Đang đọc lại văn bản trong thư viện", "Reading the library's documents again"}

	CLIRemoveUsage   = Msg{"[--yes] TÀI_LIỆU…", "[--yes] DOCUMENT…"}
	CLIRemoveSummary = Msg{"xoá tài liệu đã nhập khỏi thư viện (theo mã hoặc tên tệp) và khỏi chỉ mục", "remove imported documents from the library (by ID or file name) and from the index"}
	CLIRemoveNoDoc   = Msg{"cần mã tài liệu (xem chibo list)", "give a document ID (see chibo list)"}
	RemoveConfirm    = Msg{"Xoá %q (%s) khỏi thư viện? Dấu trang và trích dẫn của tài liệu này sẽ không mở được nữa. [c/K] ", "Remove %q (%s) from the library? Its bookmarks and excerpts will no longer open. [y/N] "}
	RemoveDone       = Msg{"Đã xoá %q.", "Removed %q."}
	RemoveNeedYes    = Msg{"chibo: không có ai trả lời câu hỏi xác nhận; thêm --yes để xoá mà không hỏi.", "chibo: nobody answered the confirmation; add --yes to remove without asking."}
	RemoveKept       = Msg{"Không xoá %q.", "Kept %q."}
	RemoveNotFound   = Msg{"không có tài liệu %q trong thư viện", "there is no document %q in the library"}
	RemoveSeed       = Msg{"%q là tài liệu có sẵn của chibo, không xoá được", "%q is built into chibo and cannot be removed"}

	// File problems added by the import issue (see content.Problem).
	ErrUnzipLimit  = Msg{"%s: tệp nén giải ra quá lớn (%s) — có thể là tệp độc hại, đã từ chối.", "%s: the archive expands to too much data (%s) — possibly malicious; refused."}
	ErrNotRegular  = Msg{"%s: không phải tệp tài liệu mà là ống dẫn, thiết bị hoặc socket; chibo không đọc loại này.", "%s: not a document file but a pipe, device or socket; chibo does not read those."}
	ErrEncrypted   = Msg{"%s: tệp được đặt mật khẩu nên chibo không mở được. Hãy mở tệp bằng Word hoặc trình đọc PDF (nhập mật khẩu), bỏ mật khẩu rồi lưu lại, sau đó nhập lại.", "%s: the file is password-protected, so chibo cannot open it. Open it in Word or a PDF reader (with the password), remove the password, save it and import it again."}
	ErrUnsupported = Msg{"%s: định dạng chưa hỗ trợ (%s). Hãy mở bằng Word hoặc LibreOffice và lưu lại dạng .docx hoặc .pdf.", "%s: unsupported format (%s). Open it in Word or LibreOffice and save it as .docx or .pdf."}
	ErrDuplicateID = Msg{"%[1]s: cùng một tài liệu với tệp %[2]s (có lẽ lần nhập trước bị ngắt giữa chừng). chibo dùng %[2]s; có thể xoá %[1]s khỏi thư mục thư viện.", "%[1]s: the same document as %[2]s (probably left by an interrupted import). chibo uses %[2]s; you can delete %[1]s from the library folder."}
	ErrNoText      = Msg{"%s: tệp PDF là bản quét (chỉ có ảnh, không có lớp chữ)%s. Để chibo tự nhận dạng chữ trong bản quét, hãy cài tesseract kèm tiếng Việt rồi nhập lại: trên Windows dùng bộ cài tesseract của UB Mannheim (chọn thêm ngôn ngữ Vietnamese); trên Debian/Ubuntu: apt install tesseract-ocr tesseract-ocr-vie.", "%s: the PDF is a scan (images only, no text layer)%s. For chibo to read scans, install tesseract with Vietnamese and import again: on Windows, the UB Mannheim tesseract installer (add the Vietnamese language); on Debian/Ubuntu, apt install tesseract-ocr tesseract-ocr-vie."}
)
