package clean

import "strings"

// Reason codes: the stable first part of every Removal.Reason. The rest of
// the reason, after ": ", is a human explanation that may change wording.
const (
	CodeRepeatedHeadline = "repeated-headline"
	CodeRepeatedLine     = "repeated-line"
	CodeNavigation       = "navigation"
	CodeShareFollow      = "share-follow"
	CodeReadMoreTeaser   = "read-more-teaser"
	CodeReadTime         = "read-time"
	CodePhotoCaption     = "photo-caption"
	CodePhotoCredit      = "photo-credit"
	CodeSidebar          = "sidebar"
	CodeAboutOutlet      = "about-outlet-footer"
	CodeOtherNews        = "other-news-trailer"
	CodeCrossDocRepeat   = "cross-document-repeat"
	CodeByline           = "byline"
	CodeDateline         = "dateline"
	CodeAdvertisement    = "advertisement"
	CodeCopyright        = "copyright"
	CodeTags             = "tags"
	CodeWidget           = "widget"
	CodeSocialEmbed      = "social-embed"
	CodeStandfirst       = "standfirst"
)

// Codes lists every reason code in the order rules run.
var Codes = []string{
	CodeAdvertisement, CodeWidget, CodeReadTime, CodeShareFollow, CodeReadMoreTeaser,
	CodePhotoCredit, CodePhotoCaption, CodeNavigation, CodeCopyright, CodeTags,
	CodeByline, CodeDateline, CodeSidebar, CodeOtherNews, CodeAboutOutlet,
	CodeRepeatedHeadline, CodeRepeatedLine, CodeCrossDocRepeat, CodeSocialEmbed, CodeStandfirst,
}

// reason joins a code and its explanation.
func reason(code, why string) string { return code + ": " + why }

// ReasonCode returns the stable code at the start of a Removal.Reason
// ("photo-caption" for "photo-caption: line ends with an agency credit").
func ReasonCode(r string) string {
	if i := strings.Index(r, ": "); i >= 0 {
		return r[:i]
	}
	return r
}
