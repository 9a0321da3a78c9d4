package extract

import (
	"fmt"
	"strings"
)

// storyParagraphs is invented news text for the HTML fixtures.
var storyParagraphs = []string{
	"Flood waters rose across the river town of Kelvale on Tuesday, forcing about 3,000 residents to leave their homes before dawn.",
	"Mayor Ilsa Brennt said the municipal council had opened two school halls as shelters and asked volunteers to bring blankets and dry food.",
	"“We have never seen the water climb this fast,” said Tomas Reyl, a ferry operator who has worked on the river for twenty-two years.",
	"The regional weather office said rainfall over the past three days was nearly double the monthly average for late autumn.",
	"Engineers were inspecting the old stone bridge on Wednesday morning after cracks appeared along its eastern arch.",
	"Officials expect the river to peak late on Thursday and warned that roads to the northern villages could stay closed until the weekend.",
}

// articlePage builds an invented news page: header navigation, the story in
// an <article>, a block of related-story teaser cards and a comment thread.
func articlePage(cards, comments int) string {
	var sb strings.Builder
	sb.WriteString(`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Floods force thousands from homes in Kelvale | Riverside Courier</title>
<meta property="og:site_name" content="Riverside Courier">
<meta property="og:title" content="Floods force thousands from homes in Kelvale">
<meta name="author" content="Nadia Volk">
<meta property="article:published_time" content="2021-10-12T07:30:00Z">
<meta property="article:modified_time" content="2021-10-14T09:00:00Z">
<link rel="canonical" href="https://www.riversidecourier.example/news/kelvale-floods">
</head><body><header><nav><ul>`)
	for _, s := range []string{"Home", "Local", "Weather", "Sport", "Opinion", "Contact"} {
		fmt.Fprintf(&sb, `<li><a href="/%s">%s</a></li>`, strings.ToLower(s), s)
	}
	sb.WriteString(`</ul></nav></header><main><article><h1>Floods force thousands from homes in Kelvale</h1>
<p class="byline">By Nadia Volk</p>`)
	for _, p := range storyParagraphs {
		fmt.Fprintf(&sb, "<p>%s</p>\n", p)
	}
	sb.WriteString(`</article><section class="related"><h2>More stories</h2>`)
	for i := 0; i < cards; i++ {
		fmt.Fprintf(&sb, `<div class="card"><a href="/story/%d">Council weighs new plan for harbour district number %d</a><p>Members debated the cost of the scheme for a %d hour session.</p></div>`, i, i, i%9+2)
	}
	sb.WriteString(`</section><section id="comments"><h3>Comments</h3>`)
	for i := 0; i < comments; i++ {
		fmt.Fprintf(&sb, `<div class="comment"><span class="user">reader%d</span> says: <p>I live near the bridge and the water is still rising, stay safe everyone number %d.</p><a href="#">Reply</a></div>`, i, i)
	}
	sb.WriteString(`</section></main><footer><p>© 2021 Riverside Courier. All rights reserved.</p></footer></body></html>`)
	return sb.String()
}

// soupPage builds an invented page made only of <div>s (no <p>), with a
// reader-comment section after the story.
func soupPage(comments int) string {
	var sb strings.Builder
	sb.WriteString(`<html><head><title>Floods force thousands from homes in Kelvale</title></head><body><div id="top"><div class="menu"><a href="/">Home</a> <a href="/w">Weather</a></div></div><div class="wrap"><div class="c1"><div class="hd">Floods force thousands from homes in Kelvale</div>`)
	for _, p := range storyParagraphs {
		fmt.Fprintf(&sb, "<div class=\"t\">%s</div>\n", p)
	}
	sb.WriteString(`</div><div class="c2"><div class="ch">Reader comments</div>`)
	for i := 0; i < comments; i++ {
		fmt.Fprintf(&sb, `<div class="cm"><div class="u">reader%d</div><div class="b">I have lived in this valley for %d years and I remember the last time the river came over the bank near the mill, it took a week before the roads were open again.</div></div>`, i, i+10)
	}
	sb.WriteString(`</div></div></body></html>`)
	return sb.String()
}
