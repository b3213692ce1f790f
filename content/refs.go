package content

func extractRefs(secs []*Section) []Ref { return nil }
