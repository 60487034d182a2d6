// Engagement Ledger dashboard: plain JavaScript on the REST API under /api, no framework, nothing loaded from
// elsewhere. Every value from the ledger is put on the page as text (never as markup).
'use strict';

const view = document.getElementById('view');

// ---- helpers ---------------------------------------------------------------------------------------------

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  setAttrs(node, attrs);
  append(node, children);
  return node;
}

function svg(tag, attrs, ...children) {
  const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
  setAttrs(node, attrs);
  append(node, children);
  return node;
}

function setAttrs(node, attrs) {
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'text') node.textContent = String(value);
    else node.setAttribute(key, String(value));
  }
}

function append(node, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

async function api(path) {
  const response = await fetch(path, { headers: { Accept: 'application/json', 'X-Requested-With': 'fetch' }, credentials: 'same-origin' });
  if (response.status === 401) {
    window.location.assign('/login');
    throw new Error('signed out');
  }
  const body = await response.json();
  if (!response.ok) throw new Error((body && (body.detail || body.title)) || ('HTTP ' + response.status));
  return body;
}

const money = m => m ? Number(m.amount).toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 }) + ' ' + m.currency : '–';
const shortMoney = (amount, currency) => (amount >= 1000 ? Math.round(amount / 1000) + 'k' : Math.round(amount)) + (currency ? ' ' + currency : '');
const when = instant => instant ? new Date(instant).toISOString().replace('T', ' ').substring(0, 19) : '';
const actor = a => a ? a.id + ' (' + a.role + ', ' + a.organisation + ')' : '(no actor recorded)';
const badge = (text, kind) => el('span', { class: 'badge ' + (kind || text), text: text });

function meter(part, whole) {
  const share = whole > 0 ? part / whole : 0;
  return el('div', { class: 'meter' + (share > 1 ? ' over' : ''), title: Math.round(share * 100) + ' %' },
    el('span', { style: 'width:' + Math.min(100, Math.round(share * 100)) + '%' }));
}

function section(id, title, ...content) {
  return el('section', { id: id + '-section' }, el('h2', { text: title }), content);
}

function fail(error) {
  view.replaceChildren(el('p', { class: 'notice bad', id: 'error', text: 'Could not load: ' + error.message }));
}

// ---- the engagement list ------------------------------------------------------------------------------------

async function showList() {
  document.title = 'Engagements · Engagement Ledger';
  const engagements = await api('/api/engagements');
  const rows = engagements.map(e => {
    const flags = el('td', { class: 'num flags-count', 'data-engagement': e.engagementId, text: '…' });
    return { e, flags, row: el('tr', { 'data-engagement': e.engagementId },
      el('td', {}, el('a', { href: '#/engagements/' + encodeURIComponent(e.engagementId), class: 'engagement-link', text: e.engagementId })),
      el('td', {}, el('div', { text: e.title }), el('div', { class: 'muted', text: e.buyer.name + ' · ' + e.buyerUnit + ' → ' + e.supplier.name })),
      el('td', {}, badge(e.status)),
      el('td', { class: 'num' }, money(e.committed), el('div', { class: 'muted', text: 'of ' + money(e.ceiling) })),
      el('td', {}, meter(Number(e.committed.amount), Number(e.ceiling.amount))),
      flags) };
  });
  view.replaceChildren(
    el('h1', { text: 'Engagements' }),
    el('p', { class: 'muted', text: engagements.length + ' engagements in this ledger. Open one for its timeline, costs, capability transfer, red flags and the auditor\'s twelve answers.' }),
    el('table', { id: 'engagements' },
      el('thead', {}, el('tr', {}, el('th', { text: 'id' }), el('th', { text: 'engagement' }), el('th', { text: 'status' }),
        el('th', { class: 'num', text: 'committed' }), el('th', { text: 'of ceiling' }), el('th', { class: 'num', text: 'red flags' }))),
      el('tbody', {}, rows.map(r => r.row))));
  for (const { e, flags } of rows) {
    api('/api/engagements/' + encodeURIComponent(e.engagementId) + '/audit')
      .then(audit => { flags.textContent = String(audit.redFlags.length); })
      .catch(() => { flags.textContent = '?'; });
  }
}

// ---- one engagement -----------------------------------------------------------------------------------------

async function showEngagement(id) {
  const base = '/api/engagements/' + encodeURIComponent(id);
  const [summary, audit, state, timeline, trace] = await Promise.all([
    api(base), api(base + '/audit'), api(base + '/state'), api(base + '/timeline'), api(base + '/requirements')]);
  document.title = id + ' · Engagement Ledger';
  const c = state.commissioning;
  const accepted = summary.requirementCounts.ACCEPTED || 0;
  const requirementTotal = Object.values(summary.requirementCounts).reduce((a, b) => a + b, 0);
  const met = summary.capabilities.filter(t => t.met).length;
  view.replaceChildren(
    el('p', {}, el('a', { href: '#/', text: '← all engagements' })),
    el('h1', { id: 'engagement-title' }, id + ' · ' + summary.title, ' ', badge(summary.status)),
    el('p', { class: 'muted', text: c.buyer.name + ' (' + c.buyerUnit + ') engaged ' + c.supplier.name + ' · period ' + c.period.start
        + ' to ' + c.period.end + ' · reason ' + c.reason + (c.procurementReference ? ' · procurement ' + c.procurementReference : '') }),
    el('div', { class: 'links' },
      el('a', { href: base + '/report', id: 'report-link', target: '_blank', text: 'HTML audit report' }),
      el('a', { href: base + '/ocds/releases', id: 'ocds-releases-link', target: '_blank', text: 'OCDS release package' }),
      el('a', { href: base + '/ocds/record', id: 'ocds-record-link', target: '_blank', text: 'OCDS record package' }),
      el('a', { href: base + '/verification', target: '_blank', text: 'verification report (JSON)' })),
    el('div', { class: 'facts', id: 'summary' },
      fact('Ceiling', money(summary.ceiling), state.ceiling.amendments.length ? state.ceiling.amendments.length + ' amendment(s), +'
          + state.ceiling.growthPercent + ' % on ' + money(state.ceiling.original) : 'never amended'),
      fact('Committed', money(summary.committed), 'remaining ' + money(summary.remaining)),
      fact('Invoiced', money(summary.invoiced), 'accepted ' + money(summary.acceptedInvoices)),
      fact('Requirements accepted', accepted + ' of ' + requirementTotal, ''),
      fact('Capability targets met', met + ' of ' + summary.capabilities.length, ''),
      fact('Red flags', String(audit.redFlags.length), audit.redFlags.filter(f => f.severity === 'HIGH').length + ' high')),
    el('div', { class: 'card', id: 'verification', 'data-outcome': audit.verification.outcome },
      el('strong', { text: 'Verification: ' }), badge(audit.verification.outcome), ' ', audit.verification.message),
    el('div', { class: 'grid2' },
      section('cost', 'Cost against the ceiling', costChart(state), el('p', { class: 'legend' },
        el('span', {}, el('i', { class: 'swatch', style: 'background:#1f5fa8' }), 'committed cost'),
        el('span', {}, el('i', { class: 'swatch', style: 'background:#b91c1c' }), 'ceiling (dashed), amendments (◆)'),
        el('span', { text: 'x: cost and ceiling events in recorded order' }))),
      section('capability', 'Capability transfer', capabilityChart(state), el('p', { class: 'legend' },
        el('span', {}, el('i', { class: 'swatch', style: 'background:#cfd8e3' }), 'baseline'),
        el('span', {}, el('i', { class: 'swatch', style: 'background:#1f5fa8' }), 'assessed (orange: below target)'),
        el('span', {}, el('i', { class: 'swatch', style: 'background:#1d2733' }), 'target')))),
    section('red-flags', 'Red flags (' + audit.redFlags.length + ')', redFlags(audit.redFlags)),
    section('answers', 'The auditor\'s twelve questions', answers(audit.answers)),
    section('requirements', 'Requirements trace', requirements(trace.requirements)),
    section('timeline', 'Timeline (' + timeline.entries.length + ' events)', timelineTable(timeline.entries)));
}

function fact(label, value, note) {
  return el('div', { class: 'card' }, el('div', { class: 'label', text: label }), el('div', { class: 'value', text: value }),
    note ? el('div', { class: 'muted', text: note }) : null);
}

function redFlags(flags) {
  if (!flags.length) return el('p', { id: 'red-flags', class: 'muted', text: 'No red flags.' });
  return el('ul', { class: 'flags', id: 'red-flags' }, flags.map(f =>
    el('li', { class: 'red-flag', 'data-code': f.code, 'data-severity': f.severity },
      badge(f.severity), ' ', el('span', { class: 'code', text: f.code }), el('div', { text: f.message }),
      el('div', { class: 'muted', text: 'events ' + f.sequences.map(s => '#' + s).join(', ') }))));
}

function answers(list) {
  return el('ol', { class: 'answers', id: 'answers' }, list.map(a =>
    el('li', { 'data-question': a.number, 'data-verdict': a.verdict },
      el('div', { class: 'q' }, a.number + '. ' + a.question + ' ', badge(a.verdict)),
      el('div', { class: 'answer-text', text: a.answer }),
      a.sequences.length ? el('div', { class: 'muted seqs', text: 'supported by events ' + a.sequences.map(s => '#' + s).join(', ') }) : null)));
}

function requirements(list) {
  return el('div', { id: 'requirements' }, list.map(r => {
    const latest = r.revisions[r.revisions.length - 1];
    return el('details', { class: 'req', 'data-requirement': r.requirementId },
      el('summary', {}, el('code', { text: r.requirementId }), ' ', badge(r.status, r.status === 'ACCEPTED' ? 'OK' : r.status === 'REJECTED' ? 'CONCERN' : ''),
        ' ', latest.outcome, el('span', { class: 'muted', text: ' · stated by ' + r.statedBy + ' · version ' + r.currentVersion })),
      el('p', {}, el('strong', { text: 'Acceptance criteria: ' }), latest.acceptanceCriteria.length ? latest.acceptanceCriteria.join('; ') : 'none'),
      el('p', {}, el('strong', { text: 'Verification: ' }), latest.verificationMethod),
      el('table', {}, el('tbody', {},
        r.revisions.map(v => el('tr', {}, el('td', { text: 'version ' + v.version }), el('td', { text: v.reason || 'stated' }), el('td', { text: actor(v.actor) }), el('td', { text: when(v.at) }))),
        r.fulfilment.map(s => el('tr', {}, el('td', { text: s.action }), el('td', { text: s.text }), el('td', { text: actor(s.actor) }), el('td', { text: when(s.at) }))))));
  }));
}

function timelineTable(entries) {
  return el('div', { class: 'timeline-wrap' }, el('table', { id: 'timeline' },
    el('thead', {}, el('tr', {}, el('th', { class: 'num', text: '#' }), el('th', { text: 'recorded' }), el('th', { text: 'actor' }),
      el('th', { text: 'event' }), el('th', { text: 'what' }))),
    el('tbody', {}, entries.map(e => el('tr', { 'data-sequence': e.sequence },
      el('td', { class: 'num', text: e.sequence }), el('td', { text: when(e.timestamp) }), el('td', { text: actor(e.actor) }),
      el('td', {}, el('code', { text: e.eventType })), el('td', { text: e.summary }))))));
}

// ---- charts (inline SVG) ------------------------------------------------------------------------------------

/** Committed cost and ceiling after each cost or ceiling event, as steps in recorded order. */
function costChart(state) {
  const W = 560, H = 300, L = 64, R = 16, T = 16, B = 34;
  const points = (state.cost && state.cost.overTime) || [];
  const chart = svg('svg', { id: 'chart-cost', class: 'chart', viewBox: '0 0 ' + W + ' ' + H, role: 'img',
    'aria-label': 'Committed cost against the ceiling' });
  if (!points.length) {
    chart.appendChild(svg('text', { x: L, y: H / 2, text: 'No cost recorded yet' }));
    return chart;
  }
  const currency = points[0].ceiling.currency;
  const top = Math.max(...points.map(p => Math.max(Number(p.ceiling.amount), Number(p.committed.amount)))) * 1.08;
  const x = i => L + (points.length === 1 ? 0 : i * (W - L - R) / (points.length - 1));
  const y = v => T + (H - T - B) * (1 - v / top);
  for (let k = 0; k <= 4; k++) {
    const value = top * k / 4;
    chart.append(svg('line', { class: 'grid', x1: L, x2: W - R, y1: y(value), y2: y(value) }),
      svg('text', { x: L - 6, y: y(value) + 4, 'text-anchor': 'end', text: shortMoney(value, k === 4 ? currency : '') }));
  }
  const steps = key => points.map((p, i) => (i === 0 ? 'M' + x(0) + ' ' : 'H' + x(i) + ' V') + y(Number(p[key].amount))).join(' ');
  chart.append(svg('path', { class: 'ceiling', d: steps('ceiling') }), svg('path', { class: 'committed', d: steps('committed') }));
  const amendments = new Set((state.ceiling ? state.ceiling.amendments : []).map(a => a.sequence));
  points.forEach((p, i) => {
    const over = Number(p.committed.amount) > Number(p.ceiling.amount);
    chart.append(svg('circle', { class: 'cost-point' + (over ? ' over' : ''), 'data-sequence': p.sequence, cx: x(i), cy: y(Number(p.committed.amount)), r: 3 },
      svg('title', { text: '#' + p.sequence + ': committed ' + money(p.committed) + ' of ' + money(p.ceiling) })));
    if (amendments.has(p.sequence)) {
      const cy = y(Number(p.ceiling.amount));
      chart.append(svg('path', { class: 'amendment', d: 'M' + x(i) + ' ' + (cy - 6) + ' l6 6 l-6 6 l-6 -6 z' },
        svg('title', { text: 'amendment #' + p.sequence + ': ceiling ' + money(p.ceiling) })));
    }
  });
  chart.append(svg('text', { x: L, y: H - 10, text: 'first event #' + points[0].sequence }),
    svg('text', { x: W - R, y: H - 10, 'text-anchor': 'end', text: 'last #' + points[points.length - 1].sequence + ' · committed '
        + money(points[points.length - 1].committed) }));
  return chart;
}

/** Per capability target: baseline, latest assessment and target on the 0 to 5 scale. */
function capabilityChart(state) {
  const targets = state.capabilityTargets || [];
  const W = 560, L = 200, R = 20, row = 54, T = 26;
  const H = T + Math.max(1, targets.length) * row + 20;
  const x = level => L + level * (W - L - R) / 5;
  const chart = svg('svg', { id: 'chart-capability', class: 'chart', viewBox: '0 0 ' + W + ' ' + H, role: 'img',
    'aria-label': 'Capability levels: baseline, assessed and target' });
  for (let level = 0; level <= 5; level++) {
    chart.append(svg('line', { class: 'grid', x1: x(level), x2: x(level), y1: T - 8, y2: H - 16 }),
      svg('text', { x: x(level), y: T - 12, 'text-anchor': 'middle', text: String(level) }));
  }
  if (!targets.length) chart.append(svg('text', { x: L, y: T + 24, text: 'No capability targets' }));
  targets.forEach((t, i) => {
    const y0 = T + i * row;
    const assessed = t.assessedLevel === null || t.assessedLevel === undefined ? null : t.assessedLevel;
    chart.append(svg('g', { class: 'capability-target', 'data-target': t.targetId, 'data-met': String(t.met) },
      svg('text', { class: 'label', x: 8, y: y0 + 18, text: t.capability.length > 30 ? t.capability.substring(0, 29) + '…' : t.capability }),
      svg('text', { x: 8, y: y0 + 34, text: t.recipientTeam.length > 32 ? t.recipientTeam.substring(0, 31) + '…' : t.recipientTeam }),
      svg('rect', { class: 'baseline', 'data-kind': 'baseline', x: x(0), y: y0 + 6, width: Math.max(2, x(t.baselineLevel) - x(0)), height: 12 }),
      assessed === null ? svg('text', { x: x(0) + 4, y: y0 + 34, text: 'never assessed' })
        : svg('rect', { class: 'assessed' + (t.met ? '' : ' unmet'), 'data-kind': 'assessed', x: x(0), y: y0 + 22, width: Math.max(2, x(assessed) - x(0)), height: 12 }),
      svg('line', { class: 'target', 'data-kind': 'target', x1: x(t.targetLevel), x2: x(t.targetLevel), y1: y0 + 2, y2: y0 + 38 }),
      svg('title', { text: t.capability + ' (' + t.recipientTeam + '): baseline ' + t.baselineLevel + ', assessed '
          + (assessed === null ? 'never' : assessed) + ', target ' + t.targetLevel + (t.met ? ' (met)' : ' (not met)') })));
  });
  return chart;
}

// ---- start ----------------------------------------------------------------------------------------------------

async function route() {
  const match = window.location.hash.match(/^#\/engagements\/(.+)$/);
  view.removeAttribute('data-ready');
  try {
    if (match) await showEngagement(decodeURIComponent(match[1]));
    else await showList();
    view.setAttribute('data-ready', match ? 'engagement' : 'list');
  } catch (error) {
    fail(error);
  }
}

async function start() {
  try {
    const me = await api('/api/me');
    document.getElementById('who').textContent = 'Signed in as ' + actor(me.actor || { id: me.username, role: '?', organisation: '?' });
    if (me.csrf) {
      const csrf = document.getElementById('csrf');
      csrf.name = me.csrf.parameterName;
      csrf.value = me.csrf.token;
    }
  } catch (error) {
    return fail(error);
  }
  window.addEventListener('hashchange', route);
  route();
}

start();
