// Package clean removes web boilerplate from a document's extracted text and
// records every removal with its span in Extracted coordinates and a reason,
// so that a reader can audit what was taken out. Kept text stays
// byte-identical to Extracted and Document.TextToExtracted maps it back.
//
// Cleaning works on lines: each non-blank line of Extracted is a unit that is
// either kept whole or removed whole, or (a flattened line, below) cut into
// kept and removed pieces. Kept lines are joined with "\n\n" (a
// single "\n" between lines of one HTML paragraph). Rules, in order, with
// their reason codes (Removal.Reason is "<code>: <explanation>"; see
// ReasonCode):
//
//   - advertisement, widget: "Advertisement", player and gallery notices
//   - read-time: "4 min read"
//   - share-follow: "Follow us on …", "Share this article", newsletter
//     prompts, bars of social network names
//   - read-more-teaser: "Read more: …", "RELATED: …", "See also – …", and
//     such labels alone on a line
//   - photo-credit, photo-caption: lines that are only a credit, and short
//     lines ending in a credit ("… (AP)", "… [Getty]", "Photo: …")
//   - navigation: section paths ("World - Middle East - Outlet"), site
//     utility links ("Privacy Policy")
//   - copyright, tags: notices and topic lists
//   - byline, dateline: author and date lines, only when the metadata
//     already holds that author (or names the outlet) and that year;
//     contributor credits ("Additional reporting by …");
//     Options.KeepMetadataLines keeps them all
//   - sidebar: lists of "…More" teasers with their heading ("Iran in
//     Brief"), lists under "Most read" and similar headings
//   - other-news-trailer: "Other news", "More stories", "Trending" lists that
//     close the page
//   - about-outlet-footer: "About <Outlet>" and the paragraph describing it
//   - repeated-headline, repeated-line: the headline shown twice (with or
//     without " | Outlet"), a line repeated right after itself
//   - cross-document-repeat: short lines that several documents of the same
//     outlet share, outside the article body
//
// Lines that lost their line breaks (a document's only line of 400 bytes or
// more, as news-please records and flattened extractor output deliver the
// story, or any line of 2,000 bytes or more) are also searched inside: the
// pieces of boilerplate found there are removed one by one and the rest of
// the line is kept, its pieces joined by single spaces (see inline.go):
//
//   - social-embed: embedded posts, found by their signature ("-- Name
//     (@handle) November 8, 2016", "A photo posted by …", "Posted by Page on
//     Tuesday, …") and the post's short sentences before it
//   - photo-caption, photo-credit: captions closed by a bracketed credit
//     ("… (Steve Parsons/PA)", "(Photo: Getty Images)"), "Image caption …",
//     "Media caption …", galleries ("12 show all … 1/12 …", "Getty Images 22
//     <caption>"), captions after an all-capitals credit ("GETTY <caption>"),
//     captions glued before a sentence with no punctuation between (two or
//     more in the line, read as captions: third person, a name, no figures
//     or headings), captions repeating a passage of the story, captions
//     gathered at the end of the text, and "(pictured)" captions closing it
//   - share-follow, advertisement, widget, byline, copyright, navigation:
//     share buttons, sign-up boxes, robot checks, ad and video-player labels,
//     "Follow <author> on Twitter", contributor lines, notices
//   - sidebar, read-more-teaser, other-news-trailer: lists of other stories,
//     "[Bracketed headlines]", "<headline> Read more", promoted slideshows,
//     a video title closing the text
//   - standfirst, repeated-headline: a standfirst before the share buttons,
//     the headline repeated before the story
//
// A run-on boundary (a starter word such as "The" or "But", or a capitalized
// word after a lower-case one, with no punctuation between) ends a caption
// glued to the next sentence.
//
// Guards keep reporting: rules that could match prose refuse long lines that
// read like sentences, lines with verbs of attribution, and blocks followed
// by more reporting.
//
// Cleaning is two pipeline steps made by one New: the cross-document Index
// (Cleaner.Index), which counts the lines each outlet repeats across the
// story (LayerRepeats), and the per-document Cleaner, which cleans each
// document with that evidence (LayerText); they run after extraction and
// before any annotator, and the pipeline owns the workers and the failures.
// Outside a pipeline, CleanStory cleans a whole story and Clean one
// document against explicit siblings.
package clean
