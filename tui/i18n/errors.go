package i18n

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"chibo/content"
	"chibo/content/lockfile"
	"chibo/content/plan"
	"chibo/content/userdata"
	"chibo/index"
)

// Errors of the file system and the index, said with what to do.
var (
	ErrDiskFull    = Msg{"không đủ chỗ trống trên đĩa để ghi %s. Hãy giải phóng chỗ trống rồi thử lại.", "the disk is full: cannot write %s. Free some space and try again."}
	ErrQuota       = Msg{"đã hết hạn mức dung lượng đĩa của bạn khi ghi %s. Hãy xoá bớt tệp hoặc nhờ quản trị viên tăng hạn mức.", "your disk quota is used up: cannot write %s. Delete some files or ask the administrator for more."}
	ErrFileTooBig  = Msg{"tệp quá lớn so với giới hạn của hệ thống khi ghi %s. Hãy dùng ổ đĩa khác hoặc nhờ quản trị viên nới giới hạn.", "the file is larger than the system allows: cannot write %s. Use another disk or ask the administrator to raise the limit."}
	ErrReadOnlyFS  = Msg{"%s nằm trên ổ đĩa chỉ đọc, chibo không ghi được. Hãy chọn thư mục dữ liệu khác bằng --data.", "%s is on a read-only disk; chibo cannot write there. Choose another data folder with --data."}
	ErrNoWrite     = Msg{"không có quyền ghi vào %s (thư mục chỉ đọc). Hãy cấp quyền ghi hoặc chọn thư mục dữ liệu khác bằng --data.", "no permission to write %s (the folder is read-only). Grant write access or choose another data folder with --data."}
	ErrNoAccess    = Msg{"không có quyền mở %s. Hãy kiểm tra quyền của tệp hoặc thư mục.", "no permission to open %s. Check the permissions of the file or folder."}
	ErrNotFound    = Msg{"không tìm thấy %s. Hãy kiểm tra lại đường dẫn.", "%s does not exist. Check the path."}
	ErrNameTooLong = Msg{"tên hoặc đường dẫn quá dài: %s. Hãy đổi tên tệp cho ngắn hơn hoặc chuyển nó lên thư mục ngắn hơn.", "the name or path is too long: %s. Give the file a shorter name or move it to a shorter folder."}
	ErrNotDir      = Msg{"một phần của đường dẫn %s là tệp chứ không phải thư mục. Hãy kiểm tra lại đường dẫn.", "part of the path %s is a file, not a folder. Check the path."}

	// The same causes without a path, inside another message.
	CauseDiskFull    = Msg{"không đủ chỗ trống trên đĩa", "the disk is full"}
	CauseQuota       = Msg{"đã hết hạn mức dung lượng đĩa", "the disk quota is used up"}
	CauseFileTooBig  = Msg{"tệp vượt giới hạn kích thước của hệ thống", "the file exceeds the system's size limit"}
	CauseReadOnlyFS  = Msg{"ổ đĩa chỉ đọc", "the disk is read-only"}
	CauseNoWrite     = Msg{"không có quyền ghi (chỉ đọc)", "no permission to write (read-only)"}
	CauseNoAccess    = Msg{"không có quyền truy cập", "no permission to open it"}
	CauseNotFound    = Msg{"không tìm thấy", "it does not exist"}
	CauseNameTooLong = Msg{"tên hoặc đường dẫn quá dài", "the name or path is too long"}
	CauseNotDir      = Msg{"một phần đường dẫn không phải thư mục", "part of the path is not a folder"}

	ErrBadYear = Msg{"năm không hợp lệ: %s. Hãy viết nam:2023, nam:2021-2023 hoặc nam:2022,2023.", "invalid year: %s. Write nam:2023, nam:2021-2023 or nam:2022,2023."}
	// The index folder cannot be written.
	ErrIndexReadOnly        = Msg{"thư mục dữ liệu chỉ đọc (%s): chỉ mục tìm kiếm chưa theo kịp thư viện và chibo cần quyền ghi để cập nhật nó. Hãy cấp quyền ghi hoặc chọn thư mục dữ liệu khác bằng --data.", "the data folder is read-only (%s): the search index is behind the library and chibo needs write access to update it. Grant write access or choose another data folder with --data."}
	ErrIndexReadOnlyMissing = Msg{"thư mục dữ liệu chỉ đọc (%s): chưa có chỉ mục tìm kiếm và chibo cần quyền ghi để lập nó. Hãy cấp quyền ghi hoặc chọn thư mục dữ liệu khác bằng --data.", "the data folder is read-only (%s): there is no search index yet and chibo needs write access to build it. Grant write access or choose another data folder with --data."}
	ErrLibraryWrite         = Msg{"%s: không ghi được vào thư viện (%s): %s. Tệp gốc vẫn nguyên; hãy khắc phục rồi nhập lại.", "%s: could not write into the library (%s): %s. The source file is untouched; fix this and import it again."}
	ErrTimeout              = Msg{"%s: quá thời gian xử lý (%s), đã bỏ qua tệp này.", "%s: took too long to read (over %s); this file was skipped."}
	ErrLockBusy             = Msg{"một chương trình chibo khác đang ghi vào thư mục dữ liệu; hãy thử lại sau ít phút", "another chibo is writing to the data folder; try again in a minute"}
	ErrIndexBusy            = Msg{"một chương trình chibo khác, có thể là ứng dụng đang mở, đang dùng chỉ mục tìm kiếm; hãy đóng nó rồi thử lại", "another chibo, perhaps the open app, is using the search index; close it and try again"}
)

// Describe turns an error into a sentence in the user's language. A file
// problem is explained with what to do about it; an error chibo does not
// know (a bug, not a user's situation) is printed as it is.
func Describe(l Lang, err error) string {
	msg, _ := Known(l, err)
	return msg
}

// Known is Describe that also says whether err was one chibo has words
// for; when ok is false, msg is err's own (Go) text.
func Known(l Lang, err error) (msg string, ok bool) {
	if errors.Is(err, content.ErrNoHome) {
		return ErrNoHome.In(l), true
	}
	if msg, ok := describePlan(l, err); ok {
		return msg, true
	}
	if msg, ok := describeIndex(l, err); ok {
		return msg, true
	}
	var fe *content.FileError
	if !errors.As(err, &fe) {
		if msg, ok := describeOS(l, err); ok {
			return msg, true
		}
		if errors.Is(err, lockfile.ErrBusy) {
			return ErrLockBusy.In(l), true
		}
		return err.Error(), false
	}
	detail := fe.Detail
	if fe.Err != nil {
		if detail != "" {
			detail += ": "
		}
		if c, ok := Cause(l, fe.Err); ok {
			detail += c
		} else {
			detail += fe.Err.Error()
		}
	}
	switch fe.Problem {
	case content.ProblemBinary:
		// A kind the file's first bytes name ("image/jpeg"): say it in
		// words (it read "byte 8").
		if kind, ok := binaryKind(l, fe.Detail); ok {
			return fmt.Sprintf(ErrBinaryKind.In(l), fe.File, kind), true
		}
	case content.ProblemUnsupported:
		// A plain zip archive is not a Word file to save again; a
		// spreadsheet or a presentation is named as such.
		mime := fe.Detail
		if mime == "zip" {
			mime = "application/zip"
		}
		if kind, ok := binaryKind(l, mime); ok {
			return fmt.Sprintf(ErrBinaryKind.In(l), fe.File, kind), true
		}
	case content.ProblemTooLarge:
		if errors.Is(fe.Err, content.ErrTooMuchText) {
			return fmt.Sprintf(ErrTooMuchText.In(l), fe.File, fe.Detail), true
		}
	case content.ProblemEmpty:
		return fmt.Sprintf(ErrEmpty.In(l), fe.File), true
	case content.ProblemNoText:
		// The message says it all; the page count is for logs.
		return fmt.Sprintf(ErrNoText.In(l), fe.File, ""), true
	case content.ProblemEncrypted:
		return fmt.Sprintf(ErrEncrypted.In(l), fe.File), true
	case content.ProblemRead:
		if errors.Is(fe.Err, content.ErrNotRegular) {
			return fmt.Sprintf(ErrNotRegular.In(l), fe.File), true
		}
	case content.ProblemDuplicateID:
		return fmt.Sprintf(ErrDuplicateID.In(l), fe.File, fe.Detail), true
	case content.ProblemTimeout:
		return fmt.Sprintf(ErrTimeout.In(l), fe.File, fe.Detail), true
	case content.ProblemLibraryWrite:
		// The copy's path is a temporary name in the library folder:
		// name the folder.
		where, _ := osPath(fe.Err)
		if where != "" {
			where = filepath.Dir(where)
		}
		p, ok := findOS(fe.Err, true)
		cause := p.phrase.In(l)
		switch {
		case errors.Is(fe.Err, lockfile.ErrBusy):
			cause = ErrLockBusy.In(l)
		case !ok && fe.Err != nil:
			cause = fe.Err.Error()
		}
		return fmt.Sprintf(ErrLibraryWrite.In(l), fe.File, where, cause), true
	}
	m, ok := map[content.Problem]Msg{
		content.ProblemBinary:      ErrBinary,
		content.ProblemEncoding:    ErrEncoding,
		content.ProblemTooLarge:    ErrTooLarge,
		content.ProblemFormat:      ErrFormat,
		content.ProblemRead:        ErrRead,
		content.ProblemUnzipLimit:  ErrUnzipLimit,
		content.ProblemUnsupported: ErrUnsupported,
	}[fe.Problem]
	if !ok {
		return err.Error(), false
	}
	return fmt.Sprintf(m.In(l), fe.File, detail), true
}

// describePlan explains the errors of the plan store, the user-data files
// and the agenda operations.
func describePlan(l Lang, err error) (string, bool) {
	var de *userdata.DamagedError
	switch {
	case errors.Is(err, userdata.ErrNewerVersion) && errors.As(err, &de):
		return fmt.Sprintf(PlanErrNewer.In(l), de.File), true
	case errors.Is(err, userdata.ErrNewerVersion) && newerFile(err) != "":
		return fmt.Sprintf(PlanErrNewer.In(l), newerFile(err)), true
	case errors.Is(err, userdata.ErrNewerVersion):
		return PlanErrNewerFile.In(l), true
	case errors.As(err, &de) && de.Aside != "":
		return fmt.Sprintf(PlanErrDamaged.In(l), de.File, de.Aside), true
	}
	for _, m := range []struct {
		err error
		msg Msg
	}{
		{plan.ErrNoItem, PlanErrNoItem},
		{plan.ErrNoExcerpt, PlanErrNoExcerpt},
		{plan.ErrEmptyTitle, PlanErrEmptyTitle},
		{plan.ErrDuplicate, PlanErrDuplicate},
		{plan.ErrBadMinutes, PlanErrMinutes},
		{plan.ErrEmptySource, PlanErrNoSource},
	} {
		if errors.Is(err, m.err) {
			return m.msg.In(l), true
		}
	}
	return DescribeMeeting(l, err)
}

// newerFile is the file a userdata.ErrNewerVersion without a DamagedError
// is about: the path before the first ": " of its text, which is how
// content/plan and content/userdata write it ("PATH: version N: …").
// "" when the text names no file.
func newerFile(err error) string {
	path, _, ok := strings.Cut(err.Error(), ": ")
	if !ok || !strings.ContainsAny(path, `/\`) {
		return ""
	}
	return path
}

// describeIndex explains the errors of the search index.
func describeIndex(l Lang, err error) (string, bool) {
	var qe *index.QueryError
	var ro *index.ReadOnlyError
	switch {
	case errors.As(err, &qe):
		return fmt.Sprintf(ErrBadYear.In(l), qe.Value), true
	case errors.As(err, &ro) && ro.Missing:
		return fmt.Sprintf(ErrIndexReadOnlyMissing.In(l), ro.Dir), true
	case errors.As(err, &ro):
		return fmt.Sprintf(ErrIndexReadOnly.In(l), ro.Dir), true
	case errors.Is(err, index.ErrBusy):
		return ErrIndexBusy.In(l), true
	}
	return "", false
}

// osProblem is one cause of a failed file operation, as a sentence naming
// the path and as a phrase without it.
type osProblem struct {
	is           func(err error) bool
	write        bool // only for an operation that writes
	full, phrase Msg
}

var osProblems = []osProblem{
	{is: isErrno(syscall.ENOSPC), full: ErrDiskFull, phrase: CauseDiskFull},
	{is: isErrno(syscall.EDQUOT), full: ErrQuota, phrase: CauseQuota},
	{is: isErrno(syscall.EFBIG), full: ErrFileTooBig, phrase: CauseFileTooBig},
	{is: isErrno(syscall.EROFS), full: ErrReadOnlyFS, phrase: CauseReadOnlyFS},
	{is: isErrno(syscall.ENAMETOOLONG), full: ErrNameTooLong, phrase: CauseNameTooLong},
	{is: isErrno(syscall.ENOTDIR), full: ErrNotDir, phrase: CauseNotDir},
	{is: isErr(fs.ErrPermission), write: true, full: ErrNoWrite, phrase: CauseNoWrite},
	{is: isErr(fs.ErrPermission), full: ErrNoAccess, phrase: CauseNoAccess},
	{is: isErr(fs.ErrNotExist), full: ErrNotFound, phrase: CauseNotFound},
}

func isErrno(e syscall.Errno) func(error) bool {
	return func(err error) bool { return errors.Is(err, e) }
}

func isErr(e error) func(error) bool {
	return func(err error) bool { return errors.Is(err, e) }
}

// writeOps are the operations of fs.PathError that write.
var writeOps = map[string]bool{"write": true, "mkdir": true, "create": true, "remove": true, "unlinkat": true, "rename": true, "chmod": true, "truncate": true, "symlink": true, "link": true, "sync": true, "mkdirat": true}

// osPath finds the path a file-system error is about and whether the
// operation wrote; "" when the error names none.
func osPath(err error) (path string, write bool) {
	var pe *fs.PathError
	var le *os.LinkError
	switch {
	case errors.As(err, &pe):
		return pe.Path, writeOps[pe.Op]
	case errors.As(err, &le):
		return le.New, true
	}
	return "", false
}

// findOS finds what went wrong in a file-system error; write says the
// operation wrote whatever its name (opening a file to create it).
func findOS(err error, write bool) (osProblem, bool) {
	_, w := osPath(err)
	write = write || w
	for _, p := range osProblems {
		if p.is(err) && (!p.write || write) {
			return p, true
		}
	}
	return osProblem{}, false
}

// describeOS says a file-system error (disk full, no permission, no such
// file …) in words, with the path involved and what to do.
func describeOS(l Lang, err error) (string, bool) {
	p, ok := findOS(err, false)
	if !ok {
		return "", false
	}
	path, _ := osPath(err)
	if path == "" {
		return p.phrase.In(l), true
	}
	return fmt.Sprintf(p.full.In(l), path), true
}

// Cause is the short phrase for a file-system error's cause ("không đủ chỗ
// trống trên đĩa"), for messages that name the file themselves; ok is
// false when err is not one chibo knows.
func Cause(l Lang, err error) (string, bool) {
	p, ok := findOS(err, false)
	if !ok {
		return "", false
	}
	return p.phrase.In(l), true
}

// binaryKind is a file kind named by its media type, in words: "một tấm
// ảnh (JPEG)", "a ZIP archive"; false for anything else.
func binaryKind(l Lang, mime string) (string, bool) {
	major, minor, ok := strings.Cut(mime, "/")
	if !ok {
		return "", false
	}
	sub := strings.ToUpper(strings.TrimPrefix(strings.TrimPrefix(minor, "x-"), "vnd."))
	var m Msg
	switch major {
	case "image":
		m = KindImage
	case "audio":
		m = KindAudio
	case "video":
		m = KindVideo
	case "font":
		m = KindFont
	case "application":
		switch minor {
		case "vnd.openxmlformats-officedocument.spreadsheetml.sheet":
			return fmt.Sprintf(KindSpreadsheet.In(l), "Excel .xlsx"), true
		case "vnd.oasis.opendocument.spreadsheet":
			return fmt.Sprintf(KindSpreadsheet.In(l), "OpenDocument .ods"), true
		case "vnd.openxmlformats-officedocument.presentationml.presentation":
			return fmt.Sprintf(KindSlides.In(l), "PowerPoint .pptx"), true
		case "vnd.oasis.opendocument.presentation":
			return fmt.Sprintf(KindSlides.In(l), "OpenDocument .odp"), true
		case "zip", "x-gzip", "x-rar-compressed", "x-7z-compressed":
			m = KindArchive
		case "vnd.ms-fontobject":
			m = KindFont
		default:
			return "", false
		}
	default:
		return "", false
	}
	return fmt.Sprintf(m.In(l), sub), true
}
