package content

func fillMetadata(d *Document, text string) {
	d.Title = d.Source
	d.Kind = KindOther
}
