// Keeps the server-rendered board current from the live stream: a whole board first, then deltas carrying only the
// rows that changed. Rows are built with textContent, never innerHTML: team names are user input.
(() => {
  const table = document.getElementById('board');
  if (!table || !window.EventSource) return;
  const body = table.tBodies[0];
  const status = document.getElementById('board-status');
  const empty = document.getElementById('board-empty');
  const phase = table.dataset.phase;
  const lang = document.documentElement.lang || 'en';
  // The phase's precision: the board never shows more digits than the organisers publish.
  let decimals = Number(table.dataset.decimals ?? 4);
  const score = v => v === null || v === undefined ? '' :
    Number(v).toLocaleString(lang, { minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: false });
  const anonymous = '00000000-0000-0000-0000-000000000000';
  const instant = v => new Date(v).toISOString().slice(0, 16).replace('T', ' ') + ' UTC';

  // What each team showed last time, so rows that moved or gained an entry can be highlighted.
  let previous = new Map([...body.rows].map(r => [r.dataset.team, r.dataset.rank + ':' + r.dataset.entries]));
  // When each team last moved: a highlight survives a repeated update and resumes where its fade had got to.
  const highlight = 2500;
  const movedAt = new Map();

  function cell(text, cls) {
    const td = document.createElement('td');
    td.textContent = text;
    if (cls) td.className = cls;
    return td;
  }

  function build(r) {
    const tr = document.createElement('tr');
    tr.dataset.team = r.teamId;
    const team = document.createElement('td');
    if (r.teamId === anonymous) {
      team.textContent = r.team;
    } else {
      const link = document.createElement('a');
      link.href = `/phases/${phase}/teams/${r.teamId}`;
      link.textContent = r.team;
      team.append(link);
    }
    const time = document.createElement('time');
    time.dateTime = r.lastSubmittedAt;
    time.textContent = instant(r.lastSubmittedAt);
    const last = document.createElement('td');
    last.append(time);
    const interval = r.intervalLower !== null && r.intervalUpper !== null ? `[${score(r.intervalLower)} ; ${score(r.intervalUpper)}]` : '';
    last.dataset.value = r.lastSubmittedAt;
    // Every metric after the primary one, in the board's column order; data-value keeps the full value for sorting.
    const valued = v => { const td = cell(score(v), 'num'); td.dataset.value = v ?? ''; return td; };
    const others = (r.values ?? []).slice(1).map(valued);
    tr.append(cell('', 'num'), team, valued(r.score), ...others, cell(interval, 'num'), cell(r.entries, 'num'), last);
    return tr;
  }

  // Writes the rank into a row (built or kept) and highlights the row when its rank or entries changed.
  function mark(tr, r, now, key) {
    tr.dataset.rank = r.rank;
    tr.dataset.entries = r.entries;
    tr.cells[0].textContent = r.rank;
    const shown = r.rank + ':' + r.entries;
    const moving = previous.get(key) !== shown;
    if (moving) movedAt.set(key, now);
    previous.set(key, shown);
    const since = now - (movedAt.get(key) ?? -Infinity);
    tr.classList.toggle('moved', since < highlight);
    tr.style.animationDelay = since < highlight ? `-${Math.round(since)}ms` : '';
    // A kept row that moves again restarts its fade; a new class would not restart a running animation.
    if (moving) for (const a of tr.getAnimations?.() ?? []) a.currentTime = 0;
  }

  // The board as last received, which deltas are applied to: each team's row data and its table row. An anonymised
  // board's rows share one team id and are only ever sent whole: they are keyed by position.
  let version = null;
  const rows = new Map();
  const trs = new Map();
  // The server's order: rank, then submission millisecond, then team id as text.
  const byRank = (a, b) => a.rank - b.rank || Date.parse(a.submittedAt) - Date.parse(b.submittedAt)
    || (a.teamId < b.teamId ? -1 : a.teamId > b.teamId ? 1 : 0);

  const keyOf = (r, i) => r.teamId === anonymous ? `row ${i}` : r.teamId;

  // Puts the rows in the given order; existing rows are moved, not rebuilt. Baselines are rendered by the server and
  // kept below the ranking.
  function show(keys, updatedAt) {
    const baselines = [...body.querySelectorAll('tr.baseline')];
    body.replaceChildren(...keys.map(key => trs.get(key)), ...baselines);
    if (empty) empty.hidden = rows.size > 0;
    status.textContent = table.dataset.textUpdated.replace('{0}', instant(updatedAt));
    // A reader's chosen sort survives live updates.
    table.dispatchEvent(new Event('board:rendered'));
  }

  function put(r, now, key) {
    const tr = build(r);
    rows.set(key, r);
    trs.set(key, tr);
    mark(tr, r, now, key);
  }

  function whole(board) {
    if (typeof board.scoreDecimals === 'number') decimals = board.scoreDecimals;
    version = board.version;
    rows.clear();
    trs.clear();
    const now = performance.now();
    const keys = board.rows.map(keyOf);
    board.rows.forEach((r, i) => put(r, now, keys[i]));
    previous = new Map([...previous].filter(([key]) => rows.has(key)));
    show(keys, board.updatedAt);
  }

  function delta(change) {
    // A delta for another board than the one shown means a change was missed: start again from a whole board.
    if (change.since !== version) { connect(); return; }
    version = change.version;
    const now = performance.now();
    const replaced = new Set(change.rows.map(r => r.teamId));
    change.removed.forEach(id => { rows.delete(id); trs.delete(id); previous.delete(id); });
    // Kept rows only change rank: a shift covers every kept row whose previous rank is in its range.
    for (const [id, r] of rows) {
      if (replaced.has(id)) continue;
      const shift = change.shifts.find(s => s.from <= r.rank && r.rank <= s.to);
      if (!shift) continue;
      const moved = { ...r, rank: r.rank + shift.by };
      rows.set(id, moved);
      mark(trs.get(id), moved, now, id);
    }
    change.rows.forEach(r => put(r, now, r.teamId));
    show([...rows.values()].sort(byRank).map(r => r.teamId), change.updatedAt);
  }

  let source = null;
  function connect() {
    if (source) source.close();
    // On a dropped connection the browser reconnects with Last-Event-ID and gets the deltas it missed.
    source = new EventSource(table.dataset.live);
    source.addEventListener('board', e => whole(JSON.parse(e.data)));
    source.addEventListener('delta', e => delta(JSON.parse(e.data)));
    source.onerror = () => { status.textContent = table.dataset.textReconnecting; };
  }
  connect();
})();
