package html

import (
	"crypto/sha256"
	"encoding/base64"
	"html/template"
)

// style is the page's whole CSS.
const style = `
:root{--fg:#1d2330;--muted:#6a7280;--line:#d9dde3;--agree:#d7f0d9;--disagree:#f8d5d2;--silent:#f1f2f4;--hl:#ffe066;--rm:#9aa0a8}
*{box-sizing:border-box}
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Naskh Arabic",sans-serif;color:var(--fg);margin:0 auto;max-width:1100px;padding:1rem 1.5rem 4rem}
h1{font-size:1.6rem;margin:.5rem 0}h2{font-size:1.25rem;margin:2rem 0 .5rem;border-bottom:1px solid var(--line);padding-bottom:.2rem}
.meta,.muted{color:var(--muted);font-size:.9rem}
nav a{margin-right:1rem}
a.cite{font-size:.8em;vertical-align:super;text-decoration:none;background:#e8eefc;border-radius:3px;padding:0 .25em;margin-left:.15em;color:#1f4fbf;cursor:pointer}
a.cite:hover{background:#c9d8fb}
a.cite.broken{background:#f8d5d2;color:#8a1c12}
ol.summary li{margin:.35rem 0}
table{border-collapse:collapse;width:100%;font-size:.9rem;margin:.5rem 0}
th,td{border:1px solid var(--line);padding:.3rem .45rem;text-align:left;vertical-align:top}
th{background:#f6f7f9}
td.num{text-align:right;font-variant-numeric:tabular-nums}
td.agree{background:var(--agree)}td.disagree{background:var(--disagree)}td.silent{background:var(--silent);color:var(--muted)}
.legend span{display:inline-block;padding:0 .5em;margin-right:.5em;border:1px solid var(--line)}
.legend .agree{background:var(--agree)}.legend .disagree{background:var(--disagree)}.legend .silent{background:var(--silent)}
.alias{display:inline-block;margin:0 .4em .1em 0;padding:0 .3em;border:1px solid var(--line);border-radius:3px}
.speaker{margin:1rem 0}.speaker h3{font-size:1rem;margin:.2rem 0}
blockquote{margin:.3rem 0 .3rem 1rem;padding-left:.6rem;border-left:3px solid var(--line)}
blockquote.reported{border-left-style:dashed;font-style:italic}
details.article{border:1px solid var(--line);border-radius:6px;margin:.6rem 0;padding:.3rem .8rem}
details.article summary{cursor:pointer;font-weight:600}
.text{white-space:pre-wrap;font-family:Georgia,"Noto Serif",serif;line-height:1.6;margin:.5rem 0}
span.rm{color:var(--rm);background:#f4f4f4;text-decoration:line-through;text-decoration-color:#c5c9cf}
span.hl{background:var(--hl);box-shadow:0 2px 0 #e0b400}
svg.timeline{width:100%;height:auto;border:1px solid var(--line);border-radius:6px;background:#fcfcfd}
svg .axis{stroke:#8a93a0;stroke-width:1}
svg text{font:11px system-ui,sans-serif;fill:#1d2330}
svg .tick{fill:#6a7280}
svg .p-time,svg .p-day{fill:#1f4fbf}
svg .p-week{fill:#3a7d44}svg .p-month{fill:#8a5cc2}svg .p-season,svg .p-quarter{fill:#c27c0e}
svg .p-year{fill:#b3443a}svg .p-decade{fill:#6b3a2a}svg .p-unknown{fill:#8a93a0}
svg .mark{fill-opacity:.75}
#status{position:fixed;bottom:0;left:0;right:0;background:#1d2330;color:#fff;padding:.3rem 1rem;font-size:.85rem}
#status:empty{display:none}
`

// script opens a cited passage: it expands the article, highlights the
// pieces of text inside the cited span and scrolls to them.
const script = `(function(){
"use strict";
function clear(){document.querySelectorAll("span.hl").forEach(function(e){e.classList.remove("hl");});}
function show(doc,s,e){
var art=document.getElementById("doc-"+doc);
if(!art){return 0;}
art.open=true;
clear();
var first=null,n=0;
art.querySelectorAll("span.t").forEach(function(p){
var ps=+p.dataset.s,pe=+p.dataset.e;
if(ps<e&&pe>s){p.classList.add("hl");n++;if(!first){first=p;}}
});
if(first){first.scrollIntoView({block:"center"});}
var st=document.getElementById("status");
if(st){st.textContent=n?("Showing "+art.dataset.label+" ["+s+", "+e+")"):"Cited passage not found in the article view";}
return n;
}
window.corroborateShow=show;
document.addEventListener("click",function(ev){
var a=ev.target.closest("a.cite");
if(!a||a.dataset.doc===undefined||a.dataset.doc==="-1"){return;}
ev.preventDefault();
if(show(+a.dataset.doc,+a.dataset.s,+a.dataset.e)){history.replaceState(null,"",a.getAttribute("href"));}
});
})();`

func cspHash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
}

// csp allows only this page's own style and script: no network, no other
// inline code.
var csp = "default-src 'none'; style-src " + cspHash(style) + "; script-src " + cspHash(script) +
	"; img-src data:; base-uri 'none'; form-action 'none'"

var (
	styleCSS = template.CSS(style)
	scriptJS = template.JS(script)
)
