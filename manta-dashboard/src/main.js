// The Manta dashboard: one page that polls the head's JSON endpoints (/api/...) and renders
// what they answer. Plain DOM, no framework; every value goes in as text, never as HTML.
import './style.css';

const POLL_MS = 1000;

const view = document.getElementById('view');
const status = document.getElementById('status');
const error = document.getElementById('error');

// ---- formatting -------------------------------------------------------------------------

function bytes(n) {
  if (n === null || n === undefined || n < 0) return '-';
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let i = 0;
  let v = n;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return (i === 0 ? v.toString() : v.toFixed(v < 10 ? 1 : 0)) + ' ' + units[i];
}

function amount(x) {
  return Number.isInteger(x) ? x.toString() : x.toFixed(2);
}

function micros(start, end) {
  if (!end) return 'running ' + seconds(Date.now() * 1000 - start);
  return seconds(end - start);
}

function seconds(us) {
  if (us < 1000) return us + ' µs';
  if (us < 1_000_000) return (us / 1000).toFixed(1) + ' ms';
  return (us / 1_000_000).toFixed(1) + ' s';
}

function clock(ms) {
  return new Date(ms).toLocaleTimeString();
}

function shortId(id) {
  return id && id.length > 12 ? id.slice(0, 12) + '…' : id || '-';
}

// A task id starts with its job's or actor's id: its end tells runs apart.
function tailId(id) {
  return id && id.length > 12 ? '…' + id.slice(-12) : id || '-';
}

// ---- DOM helpers ------------------------------------------------------------------------

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = v;
    else e.setAttribute(k, v);
  }
  for (const c of children) {
    if (c !== null && c !== undefined) e.append(c);
  }
  return e;
}

function badge(state) {
  return el('span', { class: 'badge state-' + state.toLowerCase(), text: state });
}

function bar(used, total, label) {
  const pct = total > 0 ? Math.min(100, (100 * used) / total) : 0;
  const fill = el('div', { class: 'fill' });
  fill.style.width = pct.toFixed(1) + '%'; // CSSOM, which the page's CSP allows (no inline styles)
  return el('div', { class: 'bar', title: label }, fill, el('span', { text: label }));
}

/**
 * A table: columns are [header, field, render(row) -> Node|string]; each row a <tr data-key>,
 * each cell a <td data-field>, which is what the browser test looks for.
 */
function table(id, columns, rows, key, empty) {
  const t = el('table', { id });
  t.append(el('thead', {}, el('tr', {}, ...columns.map(([h]) => el('th', { text: h })))));
  const body = el('tbody');
  for (const r of rows) {
    const tr = el('tr', { 'data-key': key(r) });
    for (const [, field, render] of columns) {
      const v = render ? render(r) : r[field];
      const td = el('td', { 'data-field': field });
      td.append(v instanceof Node ? v : document.createTextNode(v === '' || v === undefined ? '-' : String(v)));
      tr.append(td);
    }
    body.append(tr);
  }
  if (rows.length === 0) {
    body.append(el('tr', {}, el('td', { class: 'empty', colspan: columns.length, text: empty })));
  }
  t.append(body);
  return t;
}

function card(label, value, detail, id) {
  return el(
    'div',
    { class: 'card', id },
    el('div', { class: 'label', text: label }),
    el('div', { class: 'value', text: value }),
    detail ? el('div', { class: 'detail', text: detail }) : null,
  );
}

function section(title, ...children) {
  return el('section', {}, el('h2', { text: title }), ...children);
}

function unreachable(list) {
  if (!list || list.length === 0) return null;
  return el('p', { class: 'warn', text: 'Did not answer: ' + list.join('; ') });
}

// ---- views ------------------------------------------------------------------------------

function resourceCell(n, name) {
  const total = n.total[name] || 0;
  const used = total - (n.available[name] || 0);
  return bar(used, total, `${amount(used)} / ${amount(total)}`);
}

function otherResources(n) {
  const names = Object.keys(n.total).filter((k) => k !== 'CPU').sort();
  if (names.length === 0) return '-';
  return names
    .map((k) => `${k} ${amount(n.total[k] - (n.available[k] || 0))}/${amount(n.total[k])}`)
    .join(', ');
}

const ACTOR_COLUMNS = [
  ['Actor', 'actor_id', (r) => el('code', { text: shortId(r.actor_id), title: r.actor_id })],
  ['Class', 'class_name'],
  ['Name', 'name'],
  ['State', 'state', (r) => badge(r.state)],
  ['Node', 'node_id', (r) => shortId(r.node_id)],
  ['Worker', 'worker_address'],
  ['Job', 'job_id'],
  ['Restarts', 'num_restarts', (r) => `${r.num_restarts} / ${r.max_restarts < 0 ? '∞' : r.max_restarts}`],
  ['Death reason', 'death_reason'],
];

const TASK_COLUMNS = [
  ['Task', 'task_id', (r) => el('code', { text: tailId(r.task_id), title: r.task_id })],
  ['Name', 'name'],
  ['Kind', 'kind'],
  ['State', 'state', (r) => badge(r.state)],
  ['Attempt', 'attempt'],
  ['Node', 'node_id', (r) => shortId(r.node_id)],
  ['Pid', 'pid', (r) => el('a', { href: `#/logs/${r.pid}`, text: String(r.pid) })],
  ['Job', 'job_id'],
  ['Started', 'start', (r) => clock(r.start_micros / 1000)],
  ['Duration', 'duration', (r) => micros(r.start_micros, r.end_micros)],
];

const views = {
  overview: {
    urls: ['/api/overview'],
    render([o]) {
      const alive = o.nodes.filter((n) => n.state === 'ALIVE');
      let cpu = 0;
      let cpuUsed = 0;
      let store = 0;
      let storeUsed = 0;
      for (const n of alive) {
        cpu += n.total.CPU || 0;
        cpuUsed += (n.total.CPU || 0) - (n.available.CPU || 0);
        store += n.store_capacity_bytes;
        storeUsed += n.store_used_bytes;
      }
      const count = (m, k) => (m && m[k]) || 0;
      return [
        el(
          'div',
          { class: 'cards' },
          card('Nodes alive', `${alive.length}`, `${o.nodes.length - alive.length} dead`, 'card-nodes'),
          card('CPU reserved', `${amount(cpuUsed)} / ${amount(cpu)}`, 'by actors', 'card-cpu'),
          card('Object store', bytes(storeUsed), 'of ' + bytes(store), 'card-store'),
          card('Actors alive', `${count(o.actors, 'ALIVE')}`, `${count(o.actors, 'DEAD')} dead`, 'card-actors'),
          card('Tasks running', `${count(o.tasks, 'RUNNING')}`, `${count(o.tasks, 'FINISHED')} finished, ${count(o.tasks, 'FAILED')} failed`, 'card-tasks'),
          card('Jobs running', `${count(o.jobs, 'RUNNING')}`, `${count(o.jobs, 'FINISHED')} finished`, 'card-jobs'),
        ),
        section(
          'Nodes',
          table(
            'nodes-table',
            [
              ['Node', 'node_id', (n) => el('code', { text: n.node_id })],
              ['State', 'state', (n) => badge(n.state)],
              ['Agent', 'agent_address'],
              ['CPU reserved', 'cpu', (n) => resourceCell(n, 'CPU')],
              ['Other resources reserved', 'resources', otherResources],
              ['Object store', 'store', (n) => bar(n.store_used_bytes, n.store_capacity_bytes, `${bytes(n.store_used_bytes)} / ${bytes(n.store_capacity_bytes)}`)],
              ['Workers', 'workers'],
              ['Death reason', 'death_reason'],
            ],
            o.nodes,
            (n) => n.node_id,
            'No nodes',
          ),
        ),
        section('Actors', table('overview-actors', ACTOR_COLUMNS, o.actor_rows, (r) => r.actor_id, 'No actors')),
        section('Newest task runs', table('overview-tasks', TASK_COLUMNS, o.task_rows, (r) => `${r.task_id}/${r.attempt}`, 'No task runs yet')),
        unreachable(o.unreachable),
      ];
    },
  },
  actors: {
    urls: ['/api/actors'],
    render([a]) {
      return [
        section(
          'Actors',
          table(
            'actors-table',
            ACTOR_COLUMNS,
            a.rows,
            (r) => r.actor_id,
            'No actors',
          ),
        ),
      ];
    },
  },
  tasks: {
    urls: ['/api/tasks'],
    render([t]) {
      return [
        section(
          `Task runs (newest first, ${t.rows.length} of ${t.total})`,
          table(
            'tasks-table',
            TASK_COLUMNS,
            t.rows,
            (r) => `${r.task_id}/${r.attempt}`,
            'No task runs yet',
          ),
        ),
        unreachable(t.unreachable),
      ];
    },
  },
  jobs: {
    urls: ['/api/jobs'],
    render([j]) {
      return [
        section(
          'Jobs',
          table(
            'jobs-table',
            [
              ['Job', 'job_id'],
              ['State', 'state', (r) => badge(r.state)],
              ['Driver', 'driver_address'],
              ['Namespace', 'namespace'],
              ['Started', 'started', (r) => new Date(r.started).toLocaleString()],
            ],
            j.rows,
            (r) => r.job_id,
            'No jobs',
          ),
        ),
      ];
    },
  },
  workers: {
    urls: ['/api/workers'],
    render([w]) {
      return [
        section(
          'Processes',
          table(
            'workers-table',
            [
              ['Worker', 'worker_id'],
              ['Kind', 'kind'],
              ['Pid', 'pid'],
              ['Address', 'address'],
              ['Node', 'node_id', (r) => shortId(r.node_id)],
              ['Job', 'job_id'],
              ['Log', 'log', (r) => (r.kind === 'worker' ? el('a', { href: `#/logs/${r.pid}`, text: 'log' }) : '-')],
            ],
            w.rows,
            (r) => r.worker_id,
            'No processes',
          ),
        ),
      ];
    },
  },
  logs: {
    urls: (arg) => [`/api/log?worker=${encodeURIComponent(arg)}&lines=200`],
    render([l], arg) {
      return [
        section(
          `Log of worker ${arg}`,
          el('p', { class: 'detail', text: `${l.path} on node ${l.node_id}${l.truncated ? ' (last lines)' : ''}` }),
          el('pre', { id: 'log-lines', text: l.lines.join('\n') }),
        ),
      ];
    },
  },
};

// ---- live updates ----------------------------------------------------------------------------

let generation = 0;

function route() {
  const [, name = 'overview', arg = ''] = (location.hash || '#/overview').split('/');
  return { name: views[name] ? name : 'overview', arg: decodeURIComponent(arg) };
}

async function fetchJson(url) {
  const r = await fetch(url, { headers: { Accept: 'application/json' }, cache: 'no-store' });
  const body = await r.json().catch(() => ({ error: `HTTP ${r.status}` }));
  if (!r.ok) throw new Error(body.error || `HTTP ${r.status}`);
  return body;
}

function rendered(v, data, arg, how) {
  view.replaceChildren(...v.render(data, arg).filter((n) => n));
  error.hidden = true;
  status.textContent = `live (${how}) · updated ` + new Date().toLocaleTimeString();
  status.dataset.updates = String(Number(status.dataset.updates || 0) + 1);
  status.dataset.mode = how;
}

function failed(message) {
  error.hidden = false;
  error.textContent = 'Cannot read the cluster state: ' + message;
  status.textContent = 'retrying…';
}

// Polling: where a browser has no EventSource, or a stream could not be opened.
async function poll(gen) {
  const { name, arg } = route();
  const v = views[name];
  const urls = typeof v.urls === 'function' ? v.urls(arg) : v.urls;
  try {
    const data = await Promise.all(urls.map(fetchJson));
    if (gen !== generation) return; // the view changed meanwhile
    rendered(v, data, arg, 'polling');
  } catch (e) {
    if (gen !== generation) return;
    failed(e.message);
  }
  setTimeout(() => gen === generation && poll(gen), POLL_MS);
}

// Server-Sent Events: the head sends each endpoint's JSON when it changes (/api/stream/...).
let sources = [];

function closeStreams() {
  for (const s of sources) s.close();
  sources = [];
}

function stream(gen) {
  const { name, arg } = route();
  const v = views[name];
  const urls = typeof v.urls === 'function' ? v.urls(arg) : v.urls;
  const data = new Array(urls.length);
  let opened = false;
  urls.forEach((url, i) => {
    const s = new EventSource(url.replace('/api/', '/api/stream/'));
    sources.push(s);
    s.addEventListener('update', (ev) => {
      if (gen !== generation) return;
      opened = true;
      data[i] = JSON.parse(ev.data);
      if (data.every((d) => d !== undefined)) rendered(v, data, arg, 'streaming');
    });
    s.addEventListener('error', (ev) => {
      if (gen !== generation) return;
      if (ev.data) {
        failed(JSON.parse(ev.data).error); // the head says the cluster does not answer
      } else if (!opened && s.readyState === EventSource.CLOSED) {
        closeStreams(); // refused (an old head, too many streams): poll instead
        poll(gen);
      }
      // otherwise the browser reconnects by itself, after the retry the head asked for
    });
  });
}

function show() {
  generation++;
  const { name } = route();
  for (const a of document.querySelectorAll('#nav a')) {
    a.classList.toggle('active', a.dataset.view === name);
  }
  view.replaceChildren(el('p', { class: 'detail', text: 'Loading…' }));
  closeStreams();
  if (typeof EventSource === 'function') {
    stream(generation);
  } else {
    poll(generation);
  }
}

window.addEventListener('hashchange', show);
show();
