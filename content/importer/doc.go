package importer

import "context"

// convertDOC reads a Word 97–2003 file.
func convertDOC(ctx context.Context, data []byte, opt Options) (*Result, error) {
	return nil, &Error{Problem: ProblemUnsupported, Detail: "Word 97-2003 .doc"}
}
