package i18n

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"regexp"
	"strings"
	"syscall"
	"testing"

	"chibo/content"
	"chibo/content/lockfile"
	"chibo/content/plan"
	"chibo/index"
)

// A second copy of an imported document is explained in both languages
// with the two file names and what to do, not as raw English.
func TestDescribeDuplicateID(t *testing.T) {
	err := &content.FileError{File: "a.txt", Problem: content.ProblemDuplicateID, Detail: "a.md"}
	for _, l := range []Lang{VI, EN} {
		got := Describe(l, err)
		if !strings.Contains(got, "a.txt") || !strings.Contains(got, "a.md") || strings.Contains(got, "%!") || strings.Contains(got, "duplicate-id") {
			t.Errorf("%v: %q", l, got)
		}
	}
}

func TestDescribeNoHome(t *testing.T) {
	for _, l := range []Lang{VI, EN} {
		if got := Describe(l, content.ErrNoHome); !strings.Contains(got, "--data") || !strings.Contains(got, "CHIBO_DATA") || got == content.ErrNoHome.Error() {
			t.Errorf("%v: %q", l, got)
		}
	}
}

// Plan errors are described by the same function the rest of chibo uses,
// wrapped or not.
func TestDescribePlanErrors(t *testing.T) {
	for _, err := range []error{plan.ErrNoItem, fmt.Errorf("move: %w", plan.ErrDuplicate)} {
		vi, en := Describe(VI, err), Describe(EN, err)
		if vi == err.Error() || vi == en || en == "" {
			t.Errorf("%v: vi %q, en %q", err, vi, en)
		}
	}
}

// rawGo are pieces of Go's own error strings that must never reach a
// person.
var rawGo = []string{
	"permission denied", "no such file or directory", "not a directory", "no space left on device",
	"file too large", "read-only file system", "file name too long", "disk quota exceeded",
	"file does not exist", "index: ", "%!", "context deadline exceeded", "library-write", "timeout", "locked by another", "not a regular file",
}

// rawOp is Go's "op path: cause" form of a file-system error.
var rawOp = regexp.MustCompile(`\b(open|write|read|mkdir|stat|lstat|rename|remove|unlinkat) /\S*:`)

// TestDescribeOSErrors: the usual file-system failures and the index's
// own are said in words, in both languages, naming the path and what to
// do, with no raw Go error string left (rel-09, rel-17, rel-19).
func TestDescribeOSErrors(t *testing.T) {
	pe := func(op, path string, err error) error { return &fs.PathError{Op: op, Path: path, Err: err} }
	for _, tc := range []struct {
		err  error
		path string   // must be named ("" for none)
		vi   []string // words the Vietnamese message must have
		en   []string
	}{
		{pe("write", "/d/index", syscall.ENOSPC), "/d/index", []string{"không đủ chỗ trống trên đĩa"}, []string{"the disk is full"}},
		// as the index wraps a bleve error that lost its errno
		{fmt.Errorf("%w (segment persist err: write /d/x.zap: no space left on device)", pe("write", "/d/index", syscall.ENOSPC)), "/d/index", []string{"không đủ chỗ trống trên đĩa"}, []string{"the disk is full"}},
		{pe("write", "/d/plan.json", syscall.EDQUOT), "/d/plan.json", []string{"hạn mức"}, []string{"quota"}},
		{pe("write", "/d/index", syscall.EFBIG), "/d/index", []string{"giới hạn"}, []string{"limit"}},
		{pe("open", "/d/library/a.txt", syscall.EROFS), "/d/library/a.txt", []string{"chỉ đọc"}, []string{"read-only"}},
		{pe("mkdir", "/d/user", syscall.EACCES), "/d/user", []string{"quyền ghi", "chỉ đọc"}, []string{"write", "read-only"}},
		{fmt.Errorf("save: %w", pe("open", "/x", syscall.EACCES)), "/x", []string{"không có quyền"}, []string{"permission"}},
		{pe("open", "/x/y.txt", syscall.ENOENT), "/x/y.txt", []string{"không tìm thấy"}, []string{"does not exist"}},
		{pe("open", "/x/"+strings.Repeat("a", 300), syscall.ENAMETOOLONG), "/x/aaa", []string{"quá dài"}, []string{"too long"}},
		{pe("stat", "/x/file.txt/sub", syscall.ENOTDIR), "/x/file.txt/sub", []string{"không phải thư mục"}, []string{"not a folder"}},
		{&os.LinkError{Op: "rename", Old: "/d/.a.tmp", New: "/d/a", Err: syscall.ENOSPC}, "/d/a", []string{"không đủ chỗ trống"}, []string{"the disk is full"}},
		{syscall.ENOSPC, "", []string{"không đủ chỗ trống trên đĩa"}, []string{"the disk is full"}},
		{&index.ReadOnlyError{Dir: "/ro/index", Missing: true}, "/ro/index", []string{"chỉ đọc", "chưa có chỉ mục", "quyền ghi"}, []string{"read-only", "no search index", "write access"}},
		{&index.ReadOnlyError{Dir: "/ro/index"}, "/ro/index", []string{"chỉ đọc", "quyền ghi"}, []string{"read-only", "write access"}},
		{index.ErrBusy, "", []string{"chibo khác"}, []string{"another chibo"}},
		{fmt.Errorf("sync: %w", index.ErrBusy), "", []string{"chibo khác"}, []string{"another chibo"}},
		{index.ParseQuery("nam:abc").Err, "", []string{"năm không hợp lệ: abc"}, []string{"invalid year: abc"}},
		{index.ParseQuery("nam:99999999999999999999").Err, "", []string{"năm không hợp lệ: 99999999999999999999"}, []string{"invalid year"}},
		// the library copy could not be written (rel-09, rel-14, rel-17)
		{&content.FileError{File: "bao-cao.txt", Problem: content.ProblemLibraryWrite, Err: pe("open", "/d/library/.bao-cao.txt.tmp-123", syscall.ENOSPC)}, "/d/library", []string{"bao-cao.txt", "không ghi được vào thư viện", "không đủ chỗ trống trên đĩa"}, []string{"bao-cao.txt", "could not write into the library", "the disk is full"}},
		{&content.FileError{File: "a.txt", Problem: content.ProblemLibraryWrite, Err: pe("open", "/ro/library/.a.txt.tmp-1", syscall.EACCES)}, "/ro/library", []string{"không ghi được vào thư viện", "chỉ đọc"}, []string{"library", "read-only"}},
		{&content.FileError{File: "a.txt", Problem: content.ProblemLibraryWrite, Err: pe("open", "/d/library/.x.tmp-1", syscall.ENAMETOOLONG)}, "/d/library", []string{"quá dài"}, []string{"too long"}},
		{&content.FileError{File: "a.txt", Problem: content.ProblemLibraryWrite, Err: fmt.Errorf("library: %w", lockfile.ErrBusy)}, "a.txt", []string{"chibo khác"}, []string{"another chibo"}},
		{&content.FileError{File: "treo.pdf", Problem: content.ProblemTimeout, Detail: "2m0s", Err: context.DeadlineExceeded}, "treo.pdf", []string{"quá thời gian xử lý", "đã bỏ qua tệp này", "2m0s"}, []string{"too long", "skipped"}},
		// a source file chibo could not read: the cause in words
		{&content.FileError{File: "a.txt", Problem: content.ProblemRead, Err: pe("open", "/src/a.txt", syscall.EACCES)}, "a.txt", []string{"không mở được", "không có quyền"}, []string{"cannot open", "permission"}},
		// a FIFO, device or socket named as a document (rel-15)
		{&content.FileError{File: "f.txt", Problem: content.ProblemRead, Err: content.ErrNotRegular}, "f.txt", []string{"không phải tệp tài liệu", "ống dẫn"}, []string{"not a document file", "pipe"}},
	} {
		if tc.err == nil {
			t.Fatal("no error to describe")
		}
		for _, l := range []Lang{VI, EN} {
			got := Describe(l, tc.err)
			want := tc.vi
			if l == EN {
				want = tc.en
			}
			for _, w := range want {
				if !strings.Contains(got, w) {
					t.Errorf("%v %v: %q lacks %q", l, tc.err, got, w)
				}
			}
			if tc.path != "" && !strings.Contains(got, tc.path) {
				t.Errorf("%v %v: %q does not name %s", l, tc.err, got, tc.path)
			}
			if m := rawOp.FindString(got); m != "" {
				t.Errorf("%v %v: raw Go error text %q in %q", l, tc.err, m, got)
			}
			for _, raw := range rawGo {
				if strings.Contains(got, raw) {
					t.Errorf("%v %v: raw Go error text %q in %q", l, tc.err, raw, got)
				}
			}
		}
	}
}

// TestBinaryNamesTheKind: a file whose first bytes say what it is (a
// photo, a song, an archive) is refused in those words, not with "byte 8";
// any other binary keeps the general message.
func TestBinaryNamesTheKind(t *testing.T) {
	for _, c := range []struct {
		data []byte
		vi   string
		en   string
	}{
		{[]byte("\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00"), "anh.jpg là một tấm ảnh (JPEG), không phải văn bản", "anh.jpg is an image (JPEG), not a document"},
		{[]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "một tấm ảnh (PNG)", "an image (PNG)"},
		{[]byte("ID3\x03\x00\x00\x00\x00\x00\x00\x00"), "một tệp âm thanh (MPEG)", "an audio file (MPEG)"},
		{[]byte("\x00\x01\x02\x03 không rõ là gì \x00\x00"), "không phải tệp văn bản", "not a text file"},
	} {
		_, err := content.DecodeText("anh.jpg", c.data)
		if err == nil {
			t.Fatalf("%q read as text", c.data)
		}
		if vi, en := Describe(VI, err), Describe(EN, err); !strings.Contains(vi, c.vi) || !strings.Contains(en, c.en) {
			t.Errorf("%q:\n vi %q\n en %q", c.data, vi, en)
		}
	}
}

// TestZipArchiveNamed: a plain zip archive is named as one, with what to
// do (extract it), not "save it again from Word".
func TestZipArchiveNamed(t *testing.T) {
	err := &content.FileError{File: "nen.zip", Problem: content.ProblemUnsupported, Detail: "zip"}
	if got := Describe(VI, err); !strings.Contains(got, "nen.zip là một tệp nén (ZIP; hãy giải nén") || strings.Contains(got, "Word") {
		t.Errorf("vi: %q", got)
	}
	if got := Describe(EN, err); !strings.Contains(got, "nen.zip is an archive (ZIP; extract it") {
		t.Errorf("en: %q", got)
	}
}

// TestOfficeZipNamed: a spreadsheet or a presentation (a zip too) is named
// as what it is, with what to do (save it as PDF), not "extract it".
func TestOfficeZipNamed(t *testing.T) {
	for mime, want := range map[string][2]string{
		"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet":         {"bang.xlsx là một bảng tính (Excel .xlsx; chibo chưa đọc bảng tính", "bang.xlsx is a spreadsheet (Excel .xlsx"},
		"application/vnd.oasis.opendocument.spreadsheet":                            {"một bảng tính (OpenDocument .ods;", "a spreadsheet (OpenDocument .ods;"},
		"application/vnd.openxmlformats-officedocument.presentationml.presentation": {"một tệp trình chiếu (PowerPoint .pptx;", "a presentation (PowerPoint .pptx;"},
	} {
		err := &content.FileError{File: "bang.xlsx", Problem: content.ProblemUnsupported, Detail: mime}
		if got := Describe(VI, err); !strings.Contains(got, want[0]) || !strings.Contains(got, "PDF") || strings.Contains(got, "giải nén") {
			t.Errorf("vi %s: %q", mime, got)
		}
		if got := Describe(EN, err); !strings.Contains(got, want[1]) {
			t.Errorf("en %s: %q", mime, got)
		}
	}
}
