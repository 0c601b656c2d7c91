// Screen stylesheet of the HTML report (inlined into the page: the file must work offline).
// Fonts: the system's CJK fonts only, nothing is downloaded.
export const FONT_STACK =
  '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif';

/** Cell colours: one per coverage status and per deadline change, shared by cells, badges and the legend. */
export const STATUS_CSS = `
.st-same{background:#d7efd9;color:#14461c}
.st-reworded{background:#cfe6f7;color:#0d3b5e}
.st-merged{background:#e2d6f5;color:#3b1f6b}
.st-split{background:#fde0bf;color:#6b3a00}
.st-partial{background:#fff1a8;color:#5c4b00}
.st-dropped{background:#f7c6c2;color:#7a1109;font-weight:600}
.dl-same{background:#e6eee6;color:#2f4a31}
.dl-earlier{background:#c6ead0;color:#0f5123}
.dl-later{background:#f7c6c2;color:#7a1109}
.dl-changed{background:#ffe9a3;color:#5c4300}
.dl-removed{background:#d9d9d9;color:#333}
.dl-added{background:#cde8f6;color:#0d3b5e}
.dl-none{background:repeating-linear-gradient(135deg,#fafafa 0 4px,#efefef 4px 8px);color:#888}
`;

export const SCREEN_CSS = `
:root{--fg:#1d2330;--muted:#5d6675;--line:#d5d9e0;--bg:#fff;--panel:#f5f7fa;--accent:#1f5fa8}
*{box-sizing:border-box}
html{scroll-padding-top:3.75rem;font-family:${FONT_STACK};font-size:15px;line-height:1.55;color:var(--fg);background:var(--bg)}
body{margin:0}
header.top{position:sticky;top:0;z-index:20;background:#203047;color:#fff;padding:.5rem 1.25rem;display:flex;flex-wrap:nowrap;align-items:baseline;gap:1.25rem;min-height:2.75rem}
header.top h1{font-size:1.1rem;margin:0;font-weight:600;white-space:nowrap;overflow:hidden;text-overflow:ellipsis;flex:0 1 auto;min-width:6em}
header.top nav{display:flex;flex-wrap:nowrap;gap:.9rem;font-size:.92rem;white-space:nowrap;overflow-x:auto;scrollbar-width:thin;flex:1 1 auto;min-width:0}
@media (max-width:1100px){header.top{padding:.5rem .75rem;gap:.8rem}header.top h1{font-size:.95rem;flex-basis:auto;max-width:45%}header.top nav{font-size:.85rem;gap:.6rem}}
h2,h3,section[id],tr[id],.task[id],ol.src li{scroll-margin-top:3.75rem}
header.top a{color:#cfe3ff;text-decoration:none}
header.top a:hover,header.top a:focus{text-decoration:underline}
main{padding:1rem 1.25rem 3rem;max-width:100%}
h2{font-size:1.25rem;margin:1.75rem 0 .5rem;border-bottom:2px solid var(--line);padding-bottom:.2rem}
h3{font-size:1.05rem;margin:1.25rem 0 .4rem}
p.lead{color:var(--muted);margin:.25rem 0 .75rem}
.muted{color:var(--muted)}
.small{font-size:.85rem}
a{color:var(--accent)}
code,.mono{font-family:ui-monospace,"DejaVu Sans Mono",Menlo,Consolas,monospace;font-size:.9em}
.badge{display:inline-block;border-radius:3px;padding:0 .4em;font-size:.8rem;line-height:1.5;white-space:nowrap;border:1px solid transparent;vertical-align:baseline}
.badge.family{background:#7a1109;color:#fff}
.badge.nocite{background:#fff;border-color:#b0781d;color:#7a4a00}
.badge.cites{background:#fff;border-color:#4b7f52;color:#2c5a31}
.badge.named{background:#fff;border-color:#8a96a8;color:#3b4352}
.badge.manual{background:#fff;border-color:#888;color:#555}
.warn{background:#fff4f2;border-left:4px solid #c0392b;padding:.5rem .75rem;margin:.5rem 0}
.note{background:var(--panel);border-left:4px solid #8a96a8;padding:.5rem .75rem;margin:.5rem 0}
.table-wrap{overflow:auto;max-width:100%;border:1px solid var(--line);border-radius:4px}
.table-wrap.tall{max-height:80vh}
table.matrix{width:100%}
table.matrix th.num,table.matrix td.num{width:1%;white-space:nowrap}
table.matrix.many{width:auto}
table{border-collapse:separate;border-spacing:0;font-size:.92rem}
th,td{border-bottom:1px solid var(--line);border-right:1px solid var(--line);padding:.3rem .5rem;text-align:left;vertical-align:top}
thead th{position:sticky;top:0;z-index:2;background:#e9edf3;font-weight:600;white-space:nowrap}
tbody tr:hover>td,tbody tr:hover>th{filter:brightness(.96)}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
tr.group>th{position:sticky;left:0;background:#f0f2f6;color:#203047;font-weight:600;text-align:left}
table.matrix td.st{text-align:center;white-space:nowrap;min-width:4.2em;padding:.25rem .35rem}
table.matrix td.st a{color:inherit;text-decoration:none;display:block}
table.matrix td.st a:hover,table.matrix td.st a:focus{text-decoration:underline}
table.matrix .sticky-l{position:sticky;left:0;z-index:1;background:#fff}
table.matrix thead .sticky-l{z-index:3;background:#e9edf3}
table.matrix th.plan-col{text-align:center;white-space:normal;min-width:5.5em;max-width:9em}
table.matrix th.plan-col a{display:block;font-weight:600}
table.matrix th.plan-col .sub{display:block;font-weight:400;font-size:.75rem;color:var(--muted)}
table.matrix.many th.plan-col{writing-mode:vertical-rl;white-space:nowrap;min-width:0;max-width:none;text-align:start}
.badge.trunc{background:#fff;border-color:#8a6d00;color:#6b5500}
table.matrix td.st.thematic{opacity:.75;font-style:italic}
table.matrix td.st.thematic.st-dropped{background:#eeeeee;color:#777;font-weight:400}
.nowrap{white-space:nowrap}
table.meta-table{width:100%}
td.title{min-width:12em;max-width:26em}
.mk{font-weight:700;margin-right:.2em}
.dlt{display:block;font-size:.75rem;opacity:.85;white-space:nowrap;overflow:hidden;text-overflow:ellipsis;max-width:10em}
.bar{display:inline-block;height:.55em;background:#4b8f55;border-radius:2px;vertical-align:middle;margin-left:.4em}
.bar.low{background:#c0392b}
.bar.mid{background:#d49a1d}
.legend{display:flex;flex-wrap:wrap;gap:.35rem .6rem;margin:.4rem 0 .6rem;padding:0;list-style:none;font-size:.85rem}
.legend li{display:flex;align-items:center;gap:.3rem}
.legends{display:flex;flex-wrap:wrap;gap:0 1.5rem}
.legend .sw.thematic{opacity:.75;font-style:italic}
.legend .sw.st-dropped.thematic{background:#eeeeee;color:#777;font-weight:400}
.legend .sw{display:inline-block;min-width:2.2em;text-align:center;border-radius:3px;padding:0 .3em;border:1px solid rgba(0,0,0,.12)}
.tools{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;margin:.4rem 0}
.tools input[type=search]{font:inherit;padding:.2rem .45rem;min-width:16em;border:1px solid #a9b1bd;border-radius:3px}
.tools select{font:inherit;padding:.15rem .3rem}
.tools .count{color:var(--muted);font-size:.85rem}
button.sort{font:inherit;font-size:.75rem;border:0;background:none;color:var(--muted);cursor:pointer;padding:0 .15rem;margin-left:.15rem}
th[aria-sort=ascending] button.sort,th[aria-sort=descending] button.sort{color:var(--accent)}
.plan-page{display:none;border-top:3px solid #203047;margin-top:1.5rem;padding-top:.25rem}
.plan-page.standalone,.plan-page:target,.plan-page.open{border-top:0;margin-top:0}
.plan-page:target,.plan-page:has(:target),.plan-page.open,.plan-page.standalone{display:block}
body:has(.plan-page:target) .main-view,body:has(.plan-page :target) .main-view,body.viewing-plan .main-view{display:none}
.back{font-size:.9rem}
dl.meta{display:grid;grid-template-columns:max-content 1fr max-content 1fr;gap:.15rem .8rem;margin:.5rem 0}
dl.meta dt{color:var(--muted)}
dl.meta dd{margin:0}
.summary-line{font-weight:600;margin:.6rem 0}
table.sbs{width:100%;table-layout:fixed}
table.sbs col.c-mid{width:7.5em}
table.sbs td.side{line-height:1.7}
table.sbs .task{margin-bottom:.6rem}
table.sbs .task:last-child{margin-bottom:0}
table.sbs .tid{font-weight:700;margin-right:.35em}
table.sbs .ttitle{font-weight:600}
table.sbs td.mid{text-align:center;font-size:.85rem}
table.sbs td.empty{background:#fafafa;color:#999;text-align:center;vertical-align:middle}
table.sbs tr.row-dropped td.side.base{background:#fdf1f0}
table.sbs tr.row-added td.side.local{background:#eef7fd}
.units,.dls{font-size:.82rem;color:var(--muted);margin-top:.2rem}
.units b,.dls b{font-weight:600;color:#3b4352}
.unit{display:inline-block;background:#eef1f5;border-radius:3px;padding:0 .3em;margin:.1em .2em .1em 0;color:#2b3340}
del{background:#fbd3cf;color:#7a1109;text-decoration:line-through;text-decoration-color:rgba(122,17,9,.55)}
ins{background:#c9efd0;color:#0f5123;text-decoration:none;border-bottom:1px solid #4b8f55}
ul.dlchanges{list-style:none;margin:.35rem 0 0;padding:0;font-size:.82rem}
ul.dlchanges li{margin:.1rem 0}
ul.reqchanges{list-style:none;margin:.35rem 0 0;padding:0}
ul.reqchanges li{margin:.1rem 0}
mark.word{background:#ffe08a;color:inherit;font-weight:600;padding:0 .1em}
.chip{display:inline-block;border-radius:3px;padding:0 .35em;font-size:.78rem;margin-right:.3em;white-space:nowrap}
details{margin:.5rem 0}
.tools button.csv{font:inherit;font-size:.85rem;padding:.15rem .5rem;border:1px solid #a9b1bd;border-radius:3px;background:#fff;color:var(--accent);cursor:pointer}
a.ln,span.ln{font-size:.75rem;color:var(--muted)}
a.ln:hover,a.ln:focus{color:var(--accent)}
.src-ref{line-height:1.2}
.nearest{margin-top:.35rem;color:#3b4352;text-align:left}
ol.src{font-family:ui-monospace,"DejaVu Sans Mono",Menlo,Consolas,monospace,${FONT_STACK};font-size:.85rem;line-height:1.6;padding-left:4.5em;margin:.5rem 0;background:var(--panel);border:1px solid var(--line);border-radius:4px}
ol.src li{padding:0 .5rem;white-space:pre-wrap;word-break:break-all}
ol.src li::marker{color:#8a96a8;font-size:.8em}
ol.src li:target{background:#fff3b0;outline:2px solid #d49a1d}
figure.chart{margin:1rem 0;max-width:100%}
figure.chart figcaption{font-weight:600;margin-bottom:.3rem}
figure.chart svg{max-width:100%;height:auto;display:block}
figure.chart .grid{stroke:#d5d9e0;stroke-width:1}
figure.chart .axis{font-size:11px;fill:#5d6675}
figure.chart .lbl{font-size:12px;fill:#1d2330}
.chart-legend .sw{min-width:1.2em;height:.9em}
summary{cursor:pointer;color:var(--accent)}
noscript .note{font-size:.85rem}
${STATUS_CSS}
`;
