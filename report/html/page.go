package html

import (
	"html/template"
	"strings"
)

var funcs = template.FuncMap{
	"f1":    func(x float64) string { return strings.TrimSuffix(fmtFloat(x), ".0") },
	"iso":   isolate,
	"plain": plain,
}

var page = template.Must(template.New("page").Funcs(funcs).Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{{.CSP}}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="{{plain .Generator}}">
<title>{{plain .Title}}</title>
<style>{{.Style}}</style>
</head>
<body>
<header>
<h1>{{iso .Title}}</h1>
<p class="meta">{{len .Docs}} report(s). Every statement cites a passage of a report's cleaned text; click a citation (<a class="cite" href="#sources">S1</a>) to open the passage highlighted in its article.{{if .Generator}} Made by {{iso .Generator}}.{{end}}</p>
<nav>{{if .Account}}<a href="#happened">What happened</a>{{if .Account.Disputed}}<a href="#disputed">Disputed</a>{{end}}{{end}}<a href="#summary">Summary</a><a href="#timeline">Timeline</a><a href="#entities">Entities</a><a href="#claims">Claims</a><a href="#quotes">Quotes</a><a href="#sources">Sources</a>{{if .Problems}}<a href="#problems">Problems</a>{{end}}</nav>
</header>
<main>
{{- with .Account}}
{{- if .Note}}<p class="muted">No headline could be written from the reports: {{iso .Note}}.</p>
{{- else if .Parts}}<p class="muted headline-sources">Headline written from the reports, not taken from any of them (confidence {{.Confidence}}):{{range $i, $p := .Parts}}{{if $i}};{{end}} {{iso $p.Role}} “{{iso $p.Text}}”{{range $p.Cites}}{{template "cite" .}}{{end}}{{if $p.More}} and {{$p.More}} more{{end}}{{end}}.</p>
{{- end}}
<section id="happened"><h2>What happened</h2>
{{- if .Happened}}
<ul class="facts">
{{- range .Happened}}
<li>{{iso .Text}}{{range .Cites}}{{template "cite" .}}{{end}}{{if .Support}} <span class="muted">({{.Support}})</span>{{end}}</li>
{{- end}}
</ul>
{{- else}}<p class="muted">No statement about the main event is supported by the summary or the comparison.</p>{{end}}
</section>
{{- if .Disputed}}
<section id="disputed"><h2>What is disputed</h2>
<ul class="facts">
{{- range .Disputed}}
<li>{{iso .Text}}{{range .Cites}}{{template "cite" .}}{{end}}</li>
{{- end}}
</ul>
</section>
{{- end}}
{{- end}}
<section id="summary"><h2>Summary</h2>
{{- if .Summary}}
<ol class="summary">
{{- range .Summary}}
<li>{{iso .Text}}{{range .Cites}}{{template "cite" .}}{{end}}</li>
{{- end}}
</ol>
{{- else}}<p class="muted">No summary was produced.</p>{{end}}
</section>

<section id="timeline"><h2>Timeline</h2>
{{- with .Timeline}}
{{- if .Marks}}
<svg class="timeline" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {{.Width}} {{.Height}}" role="img" aria-label="Timeline of dated events">
<line class="axis" x1="20" y1="{{.AxisY}}" x2="580" y2="{{.AxisY}}"/>
{{- range .Ticks}}
<line class="axis" x1="{{f1 .X}}" y1="{{$.Timeline.AxisY}}" x2="{{f1 .X}}" y2="{{$.Timeline.Height}}" stroke-dasharray="2 4"/>
<text class="tick" x="{{f1 .X}}" y="14" text-anchor="{{.Anchor}}">{{.Label}}</text>
{{- end}}
{{- range .Marks}}
<g class="entry"><title>{{plain .Title}}</title>
{{- if .Dot}}<circle class="mark {{.Class}}" cx="{{f1 .X}}" cy="{{f1 .Y}}" r="5"/>{{else}}<rect class="mark {{.Class}}" x="{{f1 .X}}" y="{{f1 .Y}}" width="{{f1 .W}}" height="10" transform="translate(0 -5)" rx="3"/>{{end}}
<text x="{{f1 .LabelX}}" y="{{f1 .Y}}" dy="4">{{plain .Label}}</text></g>
{{- end}}
</svg>
<p class="legend muted">Dots are events known to the day or better; bars span the period an event is known to (week, month, season, quarter, year, decade).</p>
{{- end}}
{{- if .Entries}}
<table class="timeline-table"><thead><tr><th>Date</th><th>Precision</th><th>Event</th><th>Story</th><th>Sources</th></tr></thead><tbody>
{{- range .Entries}}
<tr><td>{{iso .Date}}</td><td>{{if .Precision}}{{iso .Precision}}{{else}}unknown{{end}}</td><td>{{if .Label}}<b>{{iso .Label}}</b> {{end}}{{iso .Text}}{{if .Entities}}<br><span class="muted">{{range $i, $e := .Entities}}{{if $i}}, {{end}}{{iso $e}}{{end}}</span>{{end}}{{if gt .Reports 1}}<br><span class="muted">told by {{.Reports}} reports</span>{{end}}</td><td>{{if eq .Role "background"}}<span class="muted">background</span>{{else if .Role}}main event{{end}}</td><td>{{range .Sources}}{{template "cite" .}}{{end}}</td></tr>
{{- end}}
</tbody></table>
{{- else}}<p class="muted">No dated events.</p>{{end}}
{{- end}}
</section>

<section id="entities"><h2>Entities</h2>
{{- if .Entities}}
<table><thead><tr><th>Name</th><th>Type</th><th>Aliases (mentions)</th>{{range .Heads}}<th title="{{plain .Title}}">{{.Label}}</th>{{end}}<th>Total</th></tr></thead><tbody>
{{- range .Entities}}
<tr><td>{{iso .Name}}{{if .HasCite}}{{template "cite" .First}}{{end}}{{if .Roles}}<br><span class="muted">{{iso .Roles}}</span>{{end}}</td><td>{{iso .Type}}</td><td>{{range .Aliases}}<span class="alias" title="{{plain .Title}}">{{iso .Text}} ({{.Count}})</span>{{end}}</td>{{range .Counts}}<td class="num">{{.}}</td>{{end}}<td class="num">{{.Total}}</td></tr>
{{- end}}
</tbody></table>
{{- else}}<p class="muted">No entities were resolved.</p>{{end}}
</section>

<section id="claims"><h2>Claims across sources</h2>
{{- if .Claims}}
<p class="legend"><span class="agree">agrees</span><span class="disagree">disagrees</span><span class="silent">silent</span></p>
<table class="matrix"><thead><tr><th>Claim</th>{{range .Heads}}<th title="{{plain .Title}}">{{.Label}}</th>{{end}}</tr></thead><tbody>
{{- range .Claims}}
<tr class="{{.Kind}}"><th>{{iso .About}}{{if .Note}}<br><span class="muted">{{iso .Note}}</span>{{end}}</th>{{range .Cells}}<td class="{{.Class}}">{{if eq .Class "silent"}}—{{else}}{{iso .Value}}{{range .Cites}}{{template "cite" .}}{{end}}{{end}}</td>{{end}}</tr>
{{- end}}
</tbody></table>
{{- else}}<p class="muted">No claims were compared.</p>{{end}}
</section>

<section id="quotes"><h2>Quotes by speaker</h2>
{{- range .Speakers}}
<div class="speaker"><h3>{{iso .Name}} <span class="muted">({{len .Quotes}})</span></h3>
{{- if or .Names .Roles}}<p class="muted">{{if .Names}}also named {{range $i, $n := .Names}}{{if $i}}, {{end}}{{iso $n}}{{end}}{{if .Roles}}; {{end}}{{end}}{{if .Roles}}roles: {{range $i, $r := .Roles}}{{if $i}}, {{end}}{{iso $r}}{{end}}{{end}}</p>{{end}}
{{- range .Quotes}}
<blockquote class="{{if .Direct}}direct{{else}}reported{{end}}">{{iso .Text}}{{template "cite" .Cite}}{{if or .Role .Anonymous (not .Direct) .Reason .Relayed .Versions}}<br><span class="muted">{{if .Role}}{{iso .Role}}; {{end}}{{if .Anonymous}}anonymous source; {{end}}{{if .Reason}}speaker unknown: {{iso .Reason}}; {{end}}{{if .Direct}}direct quote{{else}}reported speech{{end}}{{if .Relayed}}; same words in{{range .Relayed}}{{template "cite" .}}{{end}}{{end}}{{if .Versions}}; another version in{{range .Versions}}{{template "cite" .}}{{end}}{{end}}</span>{{end}}</blockquote>
{{- end}}
</div>
{{- else}}<p class="muted">No quotes were found.</p>
{{- end}}
</section>

<section id="sources"><h2>Sources</h2>
<p class="muted">Each article's cleaned text. <span class="rm">Greyed text</span> is boilerplate that cleaning removed; hover it for the reason.</p>
{{- range .Docs}}
<details class="article" id="doc-{{.Index}}" data-label="{{.Label}}">
<summary>{{.Label}} · {{if .Title}}{{iso .Title}}{{else}}{{iso .ID}}{{end}}</summary>
<p class="meta">id {{iso .ID}}{{if .Outlet}} · {{iso .Outlet}}{{end}}{{if .Published}} · published {{iso .Published}}{{end}}{{if .Language}} · {{iso .Language}}{{end}}{{if .Flags}} · flags: {{iso .Flags}}{{end}}<br>source: {{iso .Source}}{{if .URL}} · {{iso .URL}}{{end}}{{if .ReliesOn}}<br>relies on: {{range $i, $r := .ReliesOn}}{{if $i}}; {{end}}{{iso $r}}{{end}}{{end}}</p>
<div class="text">{{range .Pieces}}{{if eq .Kind "text"}}<span class="t" data-s="{{.Start}}" data-e="{{.End}}"{{if .ID}} id="{{.ID}}"{{end}}>{{iso .Text}}</span>{{else if eq .Kind "removed"}}<span class="rm" title="removed: {{plain .Reason}}">{{iso .Text}}</span>{{else}}{{iso .Text}}{{end}}{{end}}</div>
{{- if .Removed}}
<p class="muted">Removed by cleaning:</p>
{{- range .Removed}}
<div class="text"><span class="rm" title="removed: {{plain .Reason}}">{{iso .Text}}</span></div>
{{- end}}
{{- end}}
{{- if .Problems}}<p class="muted">Problems: {{range .Problems}}{{iso .}}; {{end}}</p>{{end}}
</details>
{{- end}}
</section>
{{- if .Problems}}
<section id="problems"><h2>Problems</h2><ul>{{range .Problems}}<li>{{iso .Text}}{{with .Cite}}{{template "cite" .}}{{end}}</li>{{end}}</ul></section>
{{- end}}
</main>
<div id="status" role="status"></div>
<script>{{.Script}}</script>
</body>
</html>
{{define "cite"}}{{if ge .Doc 0}}<a class="cite" href="{{.Href}}" data-doc="{{.Doc}}" data-s="{{.Start}}" data-e="{{.End}}" title="{{plain .Title}}">{{.Label}}</a>{{else}}<a class="cite broken" data-doc="-1" title="{{plain .Title}}">?</a>{{end}}{{end}}
`))
