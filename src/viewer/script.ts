/**
 * The run viewer's script, served as `app.js`. Plain browser JavaScript kept as a string so the
 * TypeScript build ships it without a bundler. Every value from the API reaches the DOM through
 * `textContent`, attributes or CSSOM, never as markup. Hash routes: `#/` workflows, `#/w/<name>`
 * runs, `#/w/<name>/<runId>` one run. `?api=` sets the API base (default `/api`), `?key=` a function
 * key sent as `x-functions-key`.
 */
export const VIEWER_SCRIPT = String.raw`(() => {
  'use strict';
  const params = new URLSearchParams(location.search);
  const API = (params.get('api') || '/api').replace(/\/+$/, '');
  const KEY = params.get('key');
  const PAGE = 200;
  const ICONS = { Succeeded: '\u2714', Failed: '\u2716', Aborted: '\u2716', Running: '\u21bb', Waiting: '\u2026',
    Skipped: '\u21b7', Ignored: '\u2013', Cancelled: '\u2298', TimedOut: '\u23f1' };
  const $ = (id) => document.getElementById(id);
  const main = $('main'), crumbs = $('crumbs'), notice = $('notice'), live = $('live');
  const enc = encodeURIComponent;
  const open = new Set();
  const filter = { status: '', q: '' };
  let generation = 0, timer = 0, pending = null;

  function h(tag, props, ...kids) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(props || {})) {
      if (v === undefined || v === null || v === false) continue;
      if (k === 'text') node.textContent = String(v);
      else if (k === 'style') Object.assign(node.style, v);
      else node.setAttribute(k, v === true ? '' : String(v));
    }
    for (const kid of kids.flat()) if (kid !== null && kid !== undefined && kid !== false) node.append(kid);
    return node;
  }
  const badge = (s) => h('span', { class: 'icon s-' + s, title: s, text: ICONS[s] || '?' });
  const when = (t) => (t ? new Date(t).toLocaleString() : '');
  const span = (a, b) => (a ? (b ? Date.parse(b) : Date.now()) - Date.parse(a) : NaN);
  function dur(n) {
    if (!isFinite(n) || n < 0) return '';
    if (n < 1000) return Math.round(n) + ' ms';
    if (n < 60000) return (n / 1000).toFixed(1) + ' s';
    if (n < 3600000) return Math.floor(n / 60000) + ' min ' + Math.round((n % 60000) / 1000) + ' s';
    return (n / 3600000).toFixed(1) + ' h';
  }
  function errText(e) {
    if (e === undefined || e === null) return '';
    if (typeof e !== 'object') return String(e);
    if (e.message !== undefined) return (e.code ? e.code + ': ' : '') + (typeof e.message === 'string' ? e.message : JSON.stringify(e.message));
    return JSON.stringify(e);
  }
  function say(text, bad) { notice.textContent = text; notice.className = bad ? 'error' : ''; }
  function fail(gen, e) { if (gen === generation) main.replaceChildren(h('p', { class: 'err', text: String(e && e.message || e) })); }
  function poll(gen, fn, ms) {
    clearTimeout(timer);
    if (gen === generation) timer = setTimeout(() => { if (gen === generation) fn(); }, ms);
  }

  async function api(path, init) {
    const headers = Object.assign({ accept: 'application/json' }, init && init.headers);
    if (KEY) headers['x-functions-key'] = KEY;
    const res = await fetch(API + path, Object.assign({}, init, { headers }));
    const text = await res.text();
    let body = text;
    try { body = text ? JSON.parse(text) : null; } catch { /* not JSON */ }
    if (!res.ok) throw new Error(res.status + ' ' + ((body && (body.detail || body.title)) || text || res.statusText));
    return body;
  }
  const runsPath = (wf) => '/workflows/' + enc(wf) + '/runs';
  const runHref = (wf, id) => '#/w/' + enc(wf) + '/' + enc(id);

  function setCrumbs(wf, id) {
    crumbs.replaceChildren(...(wf ? [h('a', { href: '#/w/' + enc(wf), text: wf })] : []), ...(id ? [h('span', { text: id })] : []));
    document.title = (id ? id + ' \u00b7 ' : '') + (wf ? wf + ' \u00b7 ' : '') + 'Flowline runs';
  }

  function route() {
    generation++;
    clearTimeout(timer);
    live.textContent = '';
    say(pending || '');
    pending = null;
    let parts;
    try { parts = location.hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent); } catch { parts = []; }
    if (parts[0] === 'w' && parts[1] && parts[2]) return showRun(parts[1], parts[2]);
    if (parts[0] === 'w' && parts[1]) return showRuns(parts[1]);
    return showWorkflows();
  }

  async function showWorkflows() {
    const gen = generation;
    setCrumbs();
    let list;
    try { list = (await api('/workflows')).value || []; } catch (e) { return fail(gen, e); }
    const num = (v) => h('td', { class: 'num', text: v });
    const rows = await Promise.all(list.map(async (w) => {
      const name = h('td', {}, h('a', { href: '#/w/' + enc(w.name), text: w.name }),
        w.valid === false ? h('span', { class: 'err', text: ' invalid (' + (w.errors || []).length + ' errors)' }) : null);
      try {
        const page = await api(runsPath(w.name) + '?top=' + PAGE);
        const runs = page.value || [];
        const count = (s) => runs.filter((r) => r.status === s).length;
        const failed = count('Failed'), running = count('Running'), finished = runs.length - running;
        return h('tr', { 'data-workflow': w.name }, name, num(page.count), num(running), num(failed),
          num(finished ? ((100 * failed) / finished).toFixed(1) + ' %' : '\u2013'), h('td', { text: runs[0] ? when(runs[0].startTime) : '\u2013' }));
      } catch (e) {
        return h('tr', { 'data-workflow': w.name }, name, h('td', { colspan: 5, class: 'err', text: e.message }));
      }
    }));
    if (gen !== generation) return;
    const head = ['Workflow', 'Runs', 'Running', 'Failed', 'Failure rate', 'Last run'].map((t) => h('th', { text: t }));
    main.replaceChildren(h('h1', { text: 'Workflows' }),
      list.length ? h('table', {}, h('thead', {}, h('tr', {}, head)), h('tbody', {}, rows)) : h('p', { class: 'muted', text: 'No workflows.' }),
      h('p', { class: 'muted', text: 'Running, failed and failure rate count the latest ' + PAGE + ' runs of each workflow.' }));
    live.textContent = 'updated ' + new Date().toLocaleTimeString();
    poll(gen, showWorkflows, 5000);
  }

  function showRuns(wf) {
    const gen = generation;
    setCrumbs(wf);
    const status = h('select', { 'aria-label': 'Status' },
      ['', 'Running', 'Succeeded', 'Failed', 'Cancelled'].map((s) => h('option', { value: s, text: s || 'All statuses' })));
    status.value = filter.status;
    const search = h('input', { type: 'search', placeholder: 'Run id or tracked property', 'aria-label': 'Search runs', size: 28 });
    search.value = filter.q;
    const info = h('span', { class: 'muted' });
    const holder = h('div', {}, h('p', { class: 'muted', text: 'Loading\u2026' }));
    main.replaceChildren(h('h1', { text: wf }), h('div', { class: 'toolbar' }, status, search, info), holder);
    let runs = [], total = 0, searched = 0;
    const head = () => ['Status', 'Run', 'Started', 'Duration', 'Resubmit of', 'Error']
      .concat(filter.q.trim() ? ['Tracked'] : []).map((t) => h('th', { text: t }));
    const row = (r) => h('tr', { 'data-run': r.id, 'data-status': r.status },
      h('td', {}, badge(r.status), ' ' + r.status),
      h('td', { class: 'mono' }, h('a', { href: runHref(wf, r.id), text: r.id })),
      h('td', { text: when(r.startTime) }),
      h('td', { class: 'num', text: dur(span(r.startTime, r.endTime)) }),
      h('td', { class: 'mono' }, r.originRunId ? h('a', { href: runHref(wf, r.originRunId), text: r.originRunId.slice(0, 8) }) : ''),
      h('td', { class: 'err', text: errText(r.error) }),
      filter.q.trim() ? h('td', { class: 'mono', text: (r.tracked || []).join(', ') }) : '');
    // A search runs on the server: it matches run ids and the runs' tracked properties.
    const draw = () => {
      info.textContent = filter.q.trim()
        ? runs.length + ' found in the latest ' + searched + ' runs'
        : runs.length + ' shown of ' + total + (total > runs.length ? ' (latest ' + runs.length + ' loaded)' : '');
      holder.replaceChildren(runs.length
        ? h('table', {}, h('thead', {}, h('tr', {}, head())), h('tbody', {}, runs.map(row)))
        : h('p', { class: 'muted', text: 'No runs.' }));
    };
    const load = async () => {
      try {
        const q = filter.q.trim();
        const page = await api(runsPath(wf) + '?top=' + PAGE + (filter.status ? '&status=' + enc(filter.status) : '') +
          (q ? '&search=' + enc(q) : ''));
        if (gen !== generation || q !== filter.q.trim()) return;
        runs = page.value || [];
        total = page.count || 0;
        searched = page.searched || 0;
        draw();
        live.textContent = 'updated ' + new Date().toLocaleTimeString();
      } catch (e) {
        if (gen === generation) holder.replaceChildren(h('p', { class: 'err', text: e.message }));
      }
      poll(gen, load, 5000);
    };
    status.addEventListener('change', () => { filter.status = status.value; load(); });
    let typing;
    search.addEventListener('input', () => {
      filter.q = search.value;
      clearTimeout(typing);
      typing = setTimeout(load, 250);
    });
    load();
  }

  function showRun(wf, id) {
    const gen = generation;
    setCrumbs(wf, id);
    const eventName = h('input', { placeholder: 'event name', 'aria-label': 'Event name' });
    const eventBody = h('input', { placeholder: 'body (JSON or text)', 'aria-label': 'Event body', size: 30 });
    const load = async () => {
      let run;
      try { run = await api(runsPath(wf) + '/' + enc(id)); } catch (e) { return fail(gen, e); }
      if (gen !== generation) return;
      renderRun(wf, run, { eventName, eventBody, reload: () => { if (gen === generation) load(); } });
      const running = run.status === 'Running';
      live.textContent = running ? 'live: refreshing every 1.5 s' : '';
      if (running) poll(gen, load, 1500);
    };
    load();
  }

  function renderRun(wf, run, ui) {
    const base = runsPath(wf) + '/' + enc(run.id);
    const post = async (button, path, init, done) => {
      button.disabled = true;
      try { done(await api(base + path, Object.assign({ method: 'POST' }, init))); } catch (e) { say(e.message, true); }
      button.disabled = false;
    };
    const cancel = h('button', { type: 'button', disabled: run.status !== 'Running', text: 'Cancel' });
    cancel.addEventListener('click', () => post(cancel, '/cancel', {}, () => { say('Cancelling run ' + run.id + '.'); ui.reload(); }));
    const resubmit = h('button', { type: 'button', text: 'Resubmit' });
    resubmit.addEventListener('click', () => post(resubmit, '/resubmit', {}, (r) => {
      pending = 'Resubmitted run ' + run.id + ' as ' + r.runId + '.';
      location.hash = runHref(wf, r.runId);
    }));
    const raise = h('button', { type: 'button', text: 'Raise event', disabled: run.status !== 'Running' });
    raise.addEventListener('click', () => {
      const name = ui.eventName.value.trim();
      if (!name) return say('Name the event to raise.', true);
      const text = ui.eventBody.value;
      let json = true;
      try { JSON.parse(text); } catch { json = false; }
      post(raise, '/events/' + enc(name), { headers: { 'content-type': json ? 'application/json' : 'text/plain' }, body: text },
        () => { say('Raised event ' + name + ' in run ' + run.id + '.'); ui.reload(); });
    });
    const meta = h('div', { class: 'meta' });
    const field = (label, ...value) => meta.append(h('span', { class: 'muted', text: label }), h('span', {}, ...value));
    field('Status', badge(run.status), ' ' + run.status);
    field('Started', when(run.startTime));
    if (run.endTime) field('Ended', when(run.endTime));
    const [t0, t1] = bounds(run);
    field('Duration', dur(t1 - t0) + (run.status === 'Running' ? ' so far' : ''));
    if (run.trigger) field('Trigger', run.trigger.name);
    if (run.originRunId) field('Resubmit of', h('a', { href: runHref(wf, run.originRunId), class: 'mono', text: run.originRunId }));
    if (run.parentRunId) field('Parent run', h('span', { class: 'mono', text: run.parentRunId }));
    if (run.error) field('Error', h('span', { class: 'err', text: errText(run.error) }));
    main.replaceChildren(...[
      h('h1', { 'data-run': run.id }, badge(run.status), ' Run ', h('span', { class: 'mono', text: run.id })),
      h('div', { class: 'toolbar' }, cancel, resubmit, h('span', { class: 'event' }, ui.eventName, ui.eventBody, raise)),
      meta,
      h('h2', { text: 'Timeline' }), gantt(run),
      h('h2', { text: 'Actions' }), h('div', { class: 'tree' }, (run.actions || []).map((a) => actionNode(a, run.id + '/' + a.name))),
      run.trigger ? h('h2', { text: 'Trigger outputs' }) : null, run.trigger ? value('', run.trigger.outputs) : null,
      run.response ? h('h2', { text: 'Response' }) : null, run.response ? value('', run.response) : null,
      run.outputs && Object.keys(run.outputs).length ? h('h2', { text: 'Outputs' }) : null,
      run.outputs && Object.keys(run.outputs).length ? value('', run.outputs) : null].filter(Boolean));
  }

  function value(label, v) {
    if (v === undefined) return null;
    const redacted = v !== null && typeof v === 'object' && v.redacted === 'secureData';
    let text = redacted ? '\u{1F512} redacted (secureData)' : JSON.stringify(v, null, 2);
    if (text.length > 20000) text = text.slice(0, 20000) + '\n\u2026 truncated (' + text.length + ' characters)';
    return h('div', {}, label ? h('div', { class: 'muted', text: label }) : null, h('pre', { class: redacted ? 'muted' : null, text }));
  }

  function actionNode(a, key) {
    const details = h('details', { 'data-action': a.name });
    details.open = open.has(key) || (a.status === 'Failed' && a.error !== undefined && !open.has('-' + key));
    details.addEventListener('toggle', () => {
      open.delete(details.open ? '-' + key : key);
      open.add(details.open ? key : '-' + key);
    });
    const took = a.startTime ? dur(span(a.startTime, a.endTime)) : '';
    const retries = (a.retryHistory || []).length;
    details.append(h('summary', {}, badge(a.status), ' ', h('strong', { text: a.name }), h('span', { class: 'type', text: a.type }),
      took ? h('span', { class: 'type', text: took }) : null,
      retries ? h('span', { class: 'type', text: retries + (retries === 1 ? ' retry' : ' retries') }) : null,
      a.code && a.code !== a.status ? h('span', { class: 'type', text: a.code }) : null,
      a.error !== undefined ? h('span', { class: a.status === 'Skipped' ? 'type' : 'err', 'data-error': '', text: '  ' + errText(a.error) }) : null));
    details.append(h('div', { class: 'body' },
      h('div', { class: 'muted', text: [a.startTime ? 'start ' + when(a.startTime) : '', a.endTime ? 'end ' + when(a.endTime) : ''].filter(Boolean).join(' \u00b7 ') }),
      value('Inputs', a.inputs), value('Outputs', a.outputs), a.error !== undefined ? value('Error', a.error) : null,
      retries ? value('Retry history (' + retries + ')', a.retryHistory) : null));
    const node = h('div', { class: 'node' }, details);
    if (a.children && a.children.length) node.append(h('div', { class: 'kids' }, a.children.map((c) => actionNode(c, key + '/' + c.name))));
    if (a.iterations && a.iterations.length) {
      const shown = a.iterations.slice(0, 100);
      node.append(h('div', { class: 'kids' }, shown.map((it) => {
        const k = key + '#' + it.index;
        const failed = it.actions.some((c) => c.status === 'Failed');
        const d = h('details', { 'data-iteration': it.index });
        d.open = open.has(k) || (failed && !open.has('-' + k));
        d.addEventListener('toggle', () => { open.delete(d.open ? '-' + k : k); open.add(d.open ? k : '-' + k); });
        d.append(h('summary', {}, badge(failed ? 'Failed' : 'Succeeded'), ' Iteration ' + it.index + ' (' + it.actions.length + ' actions)'),
          h('div', { class: 'kids' }, it.actions.map((c) => actionNode(c, k + '/' + c.name))));
        return d;
      }), a.iterations.length > shown.length ? h('p', { class: 'muted', text: (a.iterations.length - shown.length) + ' more iterations in the run API.' }) : null));
    }
    return node;
  }

  const endOf = (a) => (a.endTime ? Date.parse(a.endTime) : a.status === 'Running' || a.status === 'Waiting' ? Date.now() : Date.parse(a.startTime));
  function flat(actions) { return actions.flatMap((a) => [a, ...flat(a.children || [])]); }
  /** The run's span from its trigger and actions (the run's own times may be rounded to the second). */
  function bounds(run) {
    const timed = flat(run.actions || []).filter((a) => a.startTime);
    const starts = timed.map((a) => Date.parse(a.startTime)).concat(run.trigger && run.trigger.startTime ? [Date.parse(run.trigger.startTime)] : []);
    const t0 = starts.length ? Math.min(...starts) : Date.parse(run.startTime);
    const last = Math.max(t0, ...timed.map(endOf));
    return [t0, run.status === 'Running' ? Date.now() : timed.length ? last : run.endTime ? Date.parse(run.endTime) : t0];
  }

  function gantt(run) {
    const rows = [];
    const walk = (list, depth) => list.forEach((a) => { rows.push([a, depth]); walk(a.children || [], depth + 1); });
    walk(run.actions || [], 0);
    const [t0, t1] = bounds(run);
    const total = Math.max(t1 - t0, 1);
    const pct = (n) => Math.max(0, Math.min(100, (100 * n) / total)) + '%';
    if (!rows.length) return h('p', { class: 'muted', text: 'No actions yet.' });
    return h('div', { class: 'gantt' }, rows.map(([a, depth]) => {
      const s = a.startTime ? Date.parse(a.startTime) : NaN, e = a.startTime ? endOf(a) : NaN;
      return h('div', { class: 'grow', 'data-gantt': a.name },
        h('div', { class: 'glabel', title: a.name, style: { paddingLeft: depth * 12 + 'px' } }, badge(a.status), ' ' + a.name),
        h('div', { class: 'gtrack' }, isFinite(s)
          ? h('div', { class: 'gbar s-' + a.status, title: a.name + ' ' + a.status + ' ' + dur(e - s), style: { left: pct(s - t0), width: pct(e - s) } })
          : null),
        h('div', { class: 'num muted', text: isFinite(s) ? dur(e - s) : a.status }));
    }), h('div', { class: 'muted', text: 'Run span ' + dur(total) + (run.endTime ? '' : ' so far') + '; loops show as one bar (see iterations below).' }));
  }

  window.addEventListener('hashchange', route);
  route();
})();
`;
