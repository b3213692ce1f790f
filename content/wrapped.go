package content

func parseWrapped(text string) []*Section { return parseParagraphs(text) }
