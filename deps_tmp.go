//go:build tools

package main

import (
	_ "charm.land/bubbles/v2/textinput"
	_ "charm.land/bubbletea/v2"
	_ "charm.land/glamour/v2"
	_ "charm.land/lipgloss/v2"
	_ "github.com/blevesearch/bleve/v2"
	_ "github.com/charmbracelet/x/exp/teatest/v2"
	_ "github.com/ledongthuc/pdf"
	_ "golang.org/x/net/html"
	_ "golang.org/x/text/unicode/norm"
)

func main() {}
