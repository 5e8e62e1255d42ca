/** The report's inline stylesheet: system fonts, readable line length, responsive grid, print-friendly. */
export const REPORT_CSS = `
:root{--ink:#1f2933;--muted:#616e7c;--line:#e4e7eb;--bg:#f5f7fa;--card:#fff;--accent:#0072B2;--sel:#e8f2fa;--warn:#b54708}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--ink);font:15px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
header.top{background:#102a43;color:#fff;padding:28px 20px 24px}
header.top .inner,main{max-width:1120px;margin:0 auto}
header.top h1{margin:0 0 6px;font-size:26px;font-weight:650;letter-spacing:-.01em}
header.top p{margin:0;color:#bcccdc;font-size:14px}
header.top code{color:#fff;background:rgba(255,255,255,.12);padding:1px 6px;border-radius:4px}
nav.toc{max-width:1120px;margin:0 auto;padding:10px 20px 0;display:flex;flex-wrap:wrap;gap:6px 14px;font-size:13.5px}
nav.toc a{color:var(--accent);text-decoration:none}
nav.toc a:hover{text-decoration:underline}
main{padding:8px 20px 40px}
section{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:20px 22px;margin:16px 0}
h2{font-size:19px;margin:0 0 8px;font-weight:650}
.lead{color:var(--muted);margin:0 0 14px;max-width:78ch}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(140px,1fr));gap:12px;margin:6px 0 18px}
.card{border:1px solid var(--line);border-radius:8px;padding:12px 14px;background:#fbfcfd}
.card-label{font-size:12.5px;color:var(--muted);text-transform:uppercase;letter-spacing:.04em}
.card-value{font-size:24px;font-weight:650;font-variant-numeric:tabular-nums;margin-top:2px}
.card-value.text{font-size:18px;line-height:1.3}
.card-note{font-size:12.5px;color:var(--muted)}
table{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums}
table.kv th{text-align:left;font-weight:500;color:var(--muted);padding:6px 16px 6px 0;width:32%;vertical-align:top}
table.kv td{padding:6px 0}
table.kv tr+tr{border-top:1px solid var(--line)}
.table-scroll{overflow-x:auto;-webkit-overflow-scrolling:touch;border:1px solid var(--line);border-radius:8px}
table.metrics{font-size:14px;min-width:820px}
table.metrics th,table.metrics td{padding:9px 8px;text-align:right;white-space:nowrap;border-bottom:1px solid var(--line)}
table.metrics thead th{background:#f0f4f8;font-weight:600;font-size:12.5px;color:#334e68;cursor:help;white-space:normal;vertical-align:bottom}
table.metrics th[scope=row],table.metrics thead th:first-child{text-align:left;position:sticky;left:0;background:inherit}
table.metrics tbody tr{background:#fff}
table.metrics tbody tr.selected{background:var(--sel)}
table.metrics tbody tr:last-child th,table.metrics tbody tr:last-child td{border-bottom:0}
td.best{font-weight:700}
td .rank{color:var(--muted);font-size:12.5px}
.badge{display:inline-block;font-size:11px;font-weight:600;color:#fff;background:var(--accent);border-radius:10px;padding:1px 8px;margin-left:6px;vertical-align:1px}
.callout{margin-top:14px;padding:12px 14px;border-left:4px solid var(--accent);background:#f0f7fc;border-radius:0 6px 6px 0}
.grid2{display:grid;grid-template-columns:1fr 1fr;gap:20px}
.narrow{max-width:620px}
.medium{max-width:820px}
figure{margin:0}
figcaption{font-size:13px;color:var(--muted);margin-top:4px}
figure{overflow-x:auto;-webkit-overflow-scrolling:touch}
svg.chart{display:block;height:auto;max-width:100%}
ul.details{display:flex;flex-wrap:wrap;gap:8px 20px;list-style:none;padding:0;margin:0 0 12px;font-size:14px}
ul.details span{color:var(--muted)}
.trust{border-left:5px solid #009E73}
.trust ul{margin:0;padding-left:20px}
.trust li{margin:6px 0;max-width:90ch}
.warn{color:var(--warn);font-weight:650}
footer{max-width:1120px;margin:0 auto;padding:0 20px 30px;color:var(--muted);font-size:13px}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.92em}
.sr-only{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);border:0}
@media (max-width:760px){svg.chart{min-width:420px}.grid2{grid-template-columns:1fr}section{padding:16px 14px}header.top h1{font-size:21px}.card-value{font-size:20px}table.kv th{width:42%}}
@media print{body{background:#fff}section{break-inside:avoid;border:0;padding:8px 0}header.top{background:#fff;color:#000}header.top p{color:#333}nav.toc{display:none}}
`;
