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

  function render(board) {
    const next = new Map();
    if (typeof board.scoreDecimals === 'number') decimals = board.scoreDecimals;
    // Baselines are rendered by the server and kept below the ranking.
    const baselines = [...body.querySelectorAll('tr.baseline')];
    body.replaceChildren(...board.rows.map(r => {
      const tr = document.createElement('tr');
      tr.dataset.team = r.teamId;
      tr.dataset.rank = r.rank;
      tr.dataset.entries = r.entries;
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
      tr.append(cell(r.rank, 'num'), team, valued(r.score), ...others, cell(interval, 'num'), cell(r.entries, 'num'), last);
      const key = r.rank + ':' + r.entries;
      const now = performance.now();
      if (previous.get(r.teamId) !== key) movedAt.set(r.teamId, now);
      const since = now - (movedAt.get(r.teamId) ?? -Infinity);
      if (since < highlight) {
        tr.classList.add('moved');
        tr.style.animationDelay = `-${Math.round(since)}ms`;
      }
      next.set(r.teamId, key);
      return tr;
    }), ...baselines);
    previous = next;
    if (empty) empty.hidden = board.rows.length > 0;
    status.textContent = table.dataset.textUpdated.replace('{0}', instant(board.updatedAt));
    // A reader's chosen sort survives live updates.
    table.dispatchEvent(new Event('board:rendered'));
  }

  // The board as last received, which deltas are applied to.
  let version = null;
  const rows = new Map();
  const byRank = (a, b) => a.rank - b.rank || Date.parse(a.submittedAt) - Date.parse(b.submittedAt);

  function whole(board) {
    version = board.version;
    rows.clear();
    board.rows.forEach(r => rows.set(r.teamId, r));
    render(board);
  }

  function delta(change) {
    // A delta for another board than the one shown means a change was missed: start again from a whole board.
    if (change.since !== version) { connect(); return; }
    version = change.version;
    change.removed.forEach(id => rows.delete(id));
    change.rows.forEach(r => rows.set(r.teamId, r));
    change.moved.forEach(m => rows.set(m.teamId, { ...rows.get(m.teamId), rank: m.rank }));
    render({ rows: [...rows.values()].sort(byRank), updatedAt: change.updatedAt });
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
