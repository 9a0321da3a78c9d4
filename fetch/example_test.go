package fetch_test

import (
	"fmt"

	"github.com/corroborate/corroborate/fetch"
)

func ExampleCanonicalize() {
	u, _ := fetch.Canonicalize("HTTPS://www.Example.org:443/news/story?id=7&utm_source=rss&fbclid=x#comments")
	fmt.Println(u)
	// Output: https://www.example.org/news/story?id=7
}

func ExampleDiffParagraphs() {
	before := "The dam opened on Monday.\n\nTwo people were hurt."
	after := "The dam opened on Monday.\n\nThree people were hurt.\n\nAn inquiry begins."
	for _, ch := range fetch.DiffParagraphs(before, after) {
		fmt.Println(ch.Op, ch.Text)
	}
	// Output:
	// = The dam opened on Monday.
	// - Two people were hurt.
	// + Three people were hurt.
	// + An inquiry begins.
}
