package i18n

// The app's import screen (key i), removing a document (key x) and the
// list of library files that could not be read (key e).
var (
	AppScreenImport   = Msg{"Nhập tài liệu", "Import"}
	AppScreenProblems = Msg{"Tệp không đọc được", "Unreadable files"}

	// The path prompt.
	AppImportIntro    = Msg{"Chọn tệp hoặc thư mục để nhập (.docx, .doc, .odt, .rtf, .pdf, .html, .txt, .md). Thư mục được nhập cả các thư mục con.", "Choose a file or folder to import (.docx, .doc, .odt, .rtf, .pdf, .html, .txt, .md). A folder is imported with its subfolders."}
	AppImportPrompt   = Msg{"Đường dẫn: ", "Path: "}
	AppImportTips     = Msg{"~ là thư mục cá nhân · tab: gợi ý tên · enter: nhập · esc: huỷ", "~ is your home folder · tab: complete · enter: import · esc: cancel"}
	AppImportNoMatch  = Msg{"Không có tệp hay thư mục nào bắt đầu như vậy.", "No file or folder starts like that."}
	AppImportMore     = Msg{"… và %d tên khác", "… and %d more"}
	AppImportNoPath   = Msg{"Hãy gõ đường dẫn của một tệp hoặc thư mục.", "Type the path of a file or folder."}
	AppImportNotFound = Msg{"Không thấy tệp hoặc thư mục: %s", "There is no such file or folder: %s"}
	AppImportOff      = Msg{"Thư viện này không nhập hay xoá được tài liệu.", "Documents cannot be imported into or removed from this library."}

	// Progress and the summary.
	AppImportFrom     = Msg{"Nhập từ: %s", "Importing from: %s"}
	AppImportScanning = Msg{"Đang tìm tệp…", "Looking for files…"}
	AppImportCount    = Msg{"%d/%d tệp", "%d/%d files"}
	AppImportStopping = Msg{"Đang dừng…", "Stopping…"}
	AppImportNothing  = Msg{"Không có tệp nào ở đây.", "There are no files here."}
	AppImportTitle    = Msg{"thành “%s”", "as “%s”"}
	AppImportLines    = Msg{"dòng %d–%d/%d", "lines %d–%d/%d"}
	AppImportSameAs   = Msg{"cùng nội dung với “%s”, không thêm lần nữa", "same content as “%s”, not added again"}

	// Removing a document.
	AppRemoveConfirm = Msg{"Xoá “%s” khỏi thư viện? [c/K]", "Remove “%s” from the library? [y/N]"}
	AppRemoveKeys    = Msg{"c/y: xoá · k/n/enter/esc: giữ lại (dấu trang vẫn giữ)", "y/c: remove · n/k/enter/esc: keep (bookmarks are kept)"}
	// The status bar cuts long lines: what happened comes before the title.
	AppRemoveDone  = Msg{"Đã xoá: %s", "Removed: %s"}
	AppRemoveKept  = Msg{"Không xoá: %s", "Kept: %s"}
	AppRemoveSeed  = Msg{"Tài liệu có sẵn của chibo, không xoá được: %s", "Built into chibo, cannot be removed: %s"}
	AppRemoveError = Msg{"Không xoá được: %s", "Could not remove it: %s"}

	// Files of the library that could not be read when it was opened.
	AppProblemsLine  = Msg{"%d tệp không đọc được — bấm e để xem", "%d files could not be read — press e"}
	AppProblemsIntro = Msg{"Các tệp này nằm trong thư mục thư viện nhưng không đọc được. chibo để nguyên, không sửa, không xoá. Thư mục: %s", "These files are in the library folder but could not be read. chibo leaves them as they are. Folder: %s"}

	AppKeyComplete = Msg{"gợi ý tên", "complete"}
	AppKeyStart    = Msg{"nhập", "import"}
	AppKeyStop     = Msg{"dừng", "stop"}
	AppKeyClose    = Msg{"đóng", "close"}
	AppKeyProblems = Msg{"tệp không đọc được", "unreadable files"}
)
