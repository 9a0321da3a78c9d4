package extract

// published holds F1 / precision / recall / accuracy from the benchmark's
// README.rst (latest run, or the older run when a system was not re-run).
var published = map[string][4]float64{
	"go_trafilatura":      {0.960, 0.940, 0.980, 0.287},
	"go_readability":      {0.934, 0.900, 0.971, 0.188},
	"go_readability_fork": {0.947, 0.914, 0.982, 0.166},
	"go_domdistiller":     {0.927, 0.901, 0.956, 0.061},
	"trafilatura":         {0.958, 0.938, 0.978, 0.293},
	"readability_js":      {0.947, 0.914, 0.982, 0.166},
	"rs_trafilatura":      {0.970, 0.951, 0.990, 0.287},
	"html-text":           {0.665, 0.500, 0.994, 0.000},
	"newspaper":           {0.949, 0.964, 0.934, 0.326},
	"AutoExtract":         {0.970, 0.984, 0.956, 0.470},
	"Diffbot":             {0.951, 0.958, 0.944, 0.348},
}
