package html

// Options tune the page.
type Options struct {
	// Title heads the page (default: the first report's title, else
	// "Corroborate report").
	Title string
	// Generator names the program and version that made the page.
	Generator string
	// MaxEntities caps the entity table (default 200, most mentioned first).
	MaxEntities int
}
