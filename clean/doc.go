// Package clean removes web boilerplate from a document's extracted text and
// records every removal with its span in Extracted coordinates and a reason,
// so that a reader can audit what was taken out. Kept text stays
// byte-identical to Extracted and Document.TextToExtracted maps it back.
//
// Cleaning works on lines: each non-blank line of Extracted is a unit that is
// either kept whole or removed whole. Kept lines are joined with "\n\n" (a
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
