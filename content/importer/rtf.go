package importer

import "context"

// convertRTF reads an RTF file.
func convertRTF(ctx context.Context, data []byte, opt Options) (*Result, error) {
	return nil, &Error{Problem: ProblemUnsupported, Detail: "RTF"}
}
