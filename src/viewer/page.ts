/** The run viewer's page and style sheet (the script is in `script.ts`). No framework, no build step. */

export const VIEWER_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Flowline runs</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="app.css">
<script src="app.js" defer></script>
</head>
<body>
<header><a class="brand" href="#/">Flowline runs</a><nav id="crumbs"></nav><span id="live"></span></header>
<div id="notice" role="status"></div>
<main id="main"><p class="muted">Loading…</p></main>
</body>
</html>
`;

export const VIEWER_STYLE = `
:root { --ok: #1a7f37; --bad: #cf222e; --run: #0969da; --skip: #8c959f; --warn: #9a6700; --line: #d0d7de; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, sans-serif; color: #1f2328; background: #f6f8fa; }
header { display: flex; gap: 12px; align-items: center; padding: 10px 16px; background: #24292f; color: #fff; }
header a { color: #fff; text-decoration: none; }
.brand { font-weight: 600; }
#crumbs a, #crumbs span { color: #d0d7de; margin-right: 6px; }
#crumbs a::before, #crumbs span::before { content: '/ '; }
#live { margin-left: auto; font-size: 12px; color: #8c959f; }
main { padding: 16px; max-width: 1200px; margin: 0 auto; }
#notice:not(:empty) { margin: 8px 16px 0; padding: 8px 12px; border-radius: 6px; background: #ddf4ff; border: 1px solid #54aeff; }
#notice.error { background: #ffebe9; border-color: #ff8182; }
h1 { font-size: 20px; margin: 0 0 12px; word-break: break-all; }
h2 { font-size: 16px; margin: 20px 0 8px; }
table { border-collapse: collapse; width: 100%; background: #fff; border: 1px solid var(--line); }
th, td { text-align: left; padding: 6px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: #f6f8fa; font-weight: 600; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
.muted { color: #656d76; }
.mono, pre, code { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 12px; }
pre { margin: 4px 0; padding: 8px; background: #f6f8fa; border: 1px solid var(--line); border-radius: 6px; overflow: auto; max-height: 320px; white-space: pre-wrap; word-break: break-word; }
.toolbar { display: flex; gap: 8px; align-items: center; margin-bottom: 12px; flex-wrap: wrap; }
input, select, button { font: inherit; padding: 4px 8px; border: 1px solid var(--line); border-radius: 6px; background: #fff; }
button { cursor: pointer; background: #f6f8fa; }
button:disabled { cursor: default; opacity: 0.5; }
.icon { display: inline-block; width: 1.3em; text-align: center; font-weight: 700; }
.s-Succeeded { color: var(--ok); } .s-Failed, .s-Aborted { color: var(--bad); } .s-Running, .s-Waiting { color: var(--run); }
.s-Skipped, .s-Ignored { color: var(--skip); } .s-Cancelled, .s-TimedOut { color: var(--warn); }
.meta { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; background: #fff; padding: 10px; border: 1px solid var(--line); border-radius: 6px; }
.err { color: var(--bad); white-space: pre-wrap; word-break: break-word; }
.tree { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 6px 10px; }
.tree details { margin: 2px 0; }
.tree summary { cursor: pointer; padding: 2px 0; }
.tree .kids { margin-left: 22px; border-left: 1px dashed var(--line); padding-left: 8px; }
.tree .body { margin: 4px 0 8px 22px; }
.type { color: #656d76; font-size: 12px; margin-left: 6px; }
.gantt { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 8px 10px; }
.grow { display: grid; grid-template-columns: 220px 1fr 70px; gap: 8px; align-items: center; height: 20px; }
.glabel { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; font-size: 12px; }
.gtrack { position: relative; height: 12px; background: #f6f8fa; border-radius: 3px; }
.gbar { position: absolute; top: 0; bottom: 0; min-width: 2px; border-radius: 3px; background: var(--skip); }
.gbar.s-Succeeded { background: var(--ok); } .gbar.s-Failed { background: var(--bad); } .gbar.s-Running, .gbar.s-Waiting { background: var(--run); }
.gbar.s-Cancelled, .gbar.s-TimedOut { background: var(--warn); }
.event { display: flex; gap: 6px; align-items: center; }
`;
