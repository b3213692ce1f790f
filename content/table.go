package content

func parseTable(text string) []*Section { return parseParagraphs(text) }
