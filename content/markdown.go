package content

func parseMarkdown(text string) []*Section { return parseParagraphs(text) }
