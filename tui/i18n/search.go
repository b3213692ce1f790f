package i18n

// Search, refs, reindex, eval and bench commands.
var (
	CLISearchUsage   = Msg{"[--json] [--limit N] [--exact] [--explain] TỪ_KHOÁ…", "[--json] [--limit N] [--exact] [--explain] QUERY…"}
	CLISearchSummary = Msg{
		"tìm trong thư viện: từ có dấu hoặc không dấu, \"cụm từ\", -từ để loại, loai:nghi-quyet, nam:2023, van-ban:21-NQ/TW; --exact: phân biệt dấu. Trong --json, từ khớp được đánh dấu **như thế này**",
		"search the library: words with or without accents, \"phrases\", -word to exclude, loai:nghi-quyet, nam:2023, van-ban:21-NQ/TW; --exact: accents must match. In --json, matched words are marked **like this**",
	}
	CLISearchNoQuery   = Msg{"thiếu từ khoá cần tìm", "no query given"}
	CLISearchBadLimit  = Msg{"--limit cần một số dương", "--limit needs a positive number"}
	CLISearchRelaxed   = Msg{"Không mục nào có đủ mọi từ; đây là các mục có nhiều từ nhất.", "No section has every word; these have the most of them."}
	CLISearchNoneExact = Msg{"Không tìm thấy “%s” với dấu đúng như gõ. Bỏ --exact để khớp mọi cách viết dấu.", "Nothing found for “%s” with the accents as typed. Leave out --exact to match every spelling."}
	CLISearchNone      = Msg{"Không tìm thấy “%s”. Thử gõ ít từ hơn, gõ không dấu, hoặc tìm theo số hiệu (21-NQ/TW).", "Nothing found for “%s”. Try fewer words, no accents, or a directive symbol (21-NQ/TW)."}
	CLIIndexBuilding   = Msg{"Đang lập chỉ mục tìm kiếm", "Building the search index"}
	CLIIndexBusy       = Msg{"chỉ mục tìm kiếm đang được một chương trình chibo khác cập nhật; hãy thử lại sau ít phút", "the search index is being updated by another chibo; try again in a minute"}
	CLIIndexStale      = Msg{"chú ý: một chương trình chibo khác đang mở chỉ mục, kết quả có thể chưa gồm tài liệu mới nhất", "note: another chibo has the index open; results may miss the newest documents"}

	CLIRefsUsage   = Msg{"[--json] [SỐ_HIỆU]", "[--json] [SYMBOL]"}
	CLIRefsSummary = Msg{"liệt kê các văn bản được trích dẫn (số hiệu, loại, số mục trích dẫn), hoặc các mục trích dẫn một số hiệu", "list the directives cited in the library (symbol, kind, citing sections), or the sections citing one symbol"}
	CLIRefsNone    = Msg{"Thư viện không có mục nào trích dẫn %s.", "No section of the library cites %s."}
	CLIRefsEmpty   = Msg{"Thư viện chưa trích dẫn văn bản nào.", "The library cites no directive."}
	CLIRefsHeader  = Msg{"SỐ HIỆU\tLOẠI\tSỐ MỤC", "SYMBOL\tKIND\tSECTIONS"}

	CLIReindexUsage   = Msg{"", ""}
	CLIReindexSummary = Msg{"xây dựng lại chỉ mục tìm kiếm từ đầu", "rebuild the search index from scratch"}
	CLICancelled      = Msg{"Đã dừng.", "Stopped."}

	CLIEvalUsage   = Msg{"[--json] THƯ_MỤC", "[--json] DIR"}
	CLIEvalSummary = Msg{"đo độ chính xác tìm kiếm trên bộ dữ liệu kiểu BEIR (corpus.jsonl, queries.jsonl, qrels.tsv): Hit@1, Hit@10, MRR@10 cho câu hỏi có dấu và không dấu", "measure search relevance on a BEIR-layout collection (corpus.jsonl, queries.jsonl, qrels.tsv): Hit@1, Hit@10, MRR@10 for accented and unaccented questions"}
	CLIEvalNoDir   = Msg{"thiếu thư mục bộ dữ liệu", "no collection directory given"}
	CLIEvalRunning = Msg{"Đang chạy các câu hỏi", "Running the questions"}
	CLIEvalHeader  = Msg{"%d câu hỏi\t\tHit@1\tHit@10\tMRR@10", "%d questions\t\tHit@1\tHit@10\tMRR@10"}
	CLIEvalAcc     = Msg{"có dấu", "accented"}
	CLIEvalNoAcc   = Msg{"không dấu", "unaccented"}
	// The explanation of a hit's score (chibo search --explain, the
	// search screen's x key): one line per rule and field.
	ExplainWord      = Msg{"từ %q", "word %q"}
	ExplainPair      = Msg{"cụm hai từ %q", "word pair %q"}
	ExplainHeadCov   = Msg{"tiêu đề mục gồm các từ tìm (%.0f%% số từ)", "heading made of the query's words (%.0f%% of its words)"}
	ExplainOwnNumber = Msg{"số hiệu %s là của chính văn bản này: xếp đầu", "%s is this document's own number: placed first"}
	ExplainToneMiss  = Msg{"“%s” chỉ có với dấu khác dấu đã gõ: xếp sau các mục có đúng từ đã gõ", "“%s” only with other diacritics than typed: after the sections with the word as typed"}
	ExplainTitleOnly = Msg{"số hiệu chỉ có trong tên văn bản, không có trong mục: giảm", "the number is only in the document's title, not in the section: less"}
	ExplainMostWords = Msg{"thiếu %s: ít mục có đủ mọi từ nên xếp cùng các mục có nhiều từ nhất", "lacks %s: few sections have every word, so those with most of them are ranked with them"}
	ExplainTone      = Msg{"%s: có chỗ viết dấu khác với từ gõ, tính một phần", "%s: some occurrences have other diacritics than typed, counted in part"}
	ExplainTitle     = Msg{"tên văn bản", "title"}
	ExplainHeading   = Msg{"tiêu đề mục", "heading"}
	ExplainText      = Msg{"nội dung", "text"}
	ExplainPath      = Msg{"tiêu đề các mục cấp trên", "headings above"}
	ExplainLead      = Msg{"mở đầu bằng các từ tìm theo thứ tự (%.0f%% số từ tìm)", "opens with the query's words in order (%.0f%% of them)"}
	ExplainParentCov = Msg{"mục cấp trên có tiêu đề gồm các từ tìm (%.0f%% số từ)", "the parent's heading made of the query's words (%.0f%% of its words)"}
	AppKeyExplain    = Msg{"giải thích điểm", "explain score"}
	ExplainTotal     = Msg{"điểm %.3f =", "score %.3f ="}
	CLIEvalDev       = Msg{"Nửa phát triển (dùng để chỉnh xếp hạng):", "Development half (used to tune the ranking):"}
	CLIEvalTest      = Msg{"Nửa kiểm tra (không dùng để chỉnh):", "Test half (never used for tuning):"}

	CLIBenchUsage   = Msg{"[--json] [--runs N] TỆP_TRUY_VẤN", "[--json] [--runs N] QUERIES_FILE"}
	CLIBenchSummary = Msg{"đo thời gian tìm kiếm (kèm trích đoạn) cho mỗi dòng của tệp, trên thư viện hiện tại", "time each line of the file as a search (with snippets) against the current library"}
	CLIBenchNoFile  = Msg{"thiếu tệp truy vấn (mỗi dòng một truy vấn)", "no queries file given (one query a line)"}
	CLIBenchEmpty   = Msg{"%s: không có truy vấn nào", "%s: no queries in the file"}
	CLIBenchBadRuns = Msg{"--runs cần một số dương", "--runs needs a positive number"}
)

// The directives screen: which cited directives the library has.
var (
	AppDirectivesHave = Msg{
		"✓ có trong thư viện (enter mở văn bản, → nơi trích dẫn): %d · chưa có: %d",
		"✓ in the library (enter opens it, → where cited): %d · missing: %d",
	}
	AppDirectiveInLibrary = Msg{"Có trong thư viện: %s (o mở văn bản)", "In the library: %s (o opens it)"}
	AppDirectiveMissing   = Msg{"Chưa có trong thư viện: nhập văn bản này để mở được từ đây.", "Not in the library: import it to open it from here."}
)
