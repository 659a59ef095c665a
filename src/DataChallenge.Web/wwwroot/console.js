// The organiser console's actions that go through the workers: rescoring a phase and comparing its finalists, with
// their progress, sending a failed submission again, re-running a code run, and a code phase's hidden inputs versions.
// All call the JSON API with the page's own sign-in cookie.
(() => {
  const headers = { Accept: 'application/json' };
  const fill = (template, ...values) => values.reduce((text, value, i) => text.replace(`{${i}}`, value), template);

  async function problemText(response) {
    try {
      const problem = await response.json();
      return [problem.title, problem.detail].filter(Boolean).join(' — ') || `${response.status}`;
    } catch {
      return `${response.status} ${response.statusText}`;
    }
  }

  // A button that starts a worker's run: shows the answer and follows the run, or shows the refusal and can be pressed again.
  function startOnClick(button, start, refused, show, follow) {
    button.addEventListener('click', async () => {
      button.disabled = true;
      const response = await start();
      if (!response.ok) { button.disabled = false; refused(await problemText(response)); return; }
      show(await response.json());
      await follow();
    });
  }

  function rescore(panel) {
    const text = panel.dataset;
    const button = panel.querySelector('button');
    const progress = panel.querySelector('progress');
    const status = panel.querySelector('[data-status]');
    const changes = panel.querySelector('[data-changes]');
    const say = (message, state) => { status.textContent = message; status.dataset.state = state || ''; };
    const rank = value => value ?? '–';

    function show(run) {
      progress.hidden = false;
      progress.max = Math.max(run.total, 1);
      progress.value = run.status === 'completed' ? progress.max : run.done;
      if (run.status !== 'completed') { say(fill(text.textRunning, run.done, run.total), 'pending'); return; }
      say(fill(text.textDone, run.total), 'scored');
      const moved = run.rankChanges.filter(c => c.publicRankBefore !== c.publicRankAfter || c.privateRankBefore !== c.privateRankAfter);
      // Built as text nodes: team names are competitors' own words.
      changes.replaceChildren(...(moved.length ? moved : [null]).map(change => {
        const item = document.createElement('li');
        item.textContent = change === null ? text.textUnchanged : fill(text.textChange, change.team, rank(change.publicRankBefore),
          rank(change.publicRankAfter), rank(change.privateRankBefore), rank(change.privateRankAfter));
        return item;
      }));
    }

    async function follow() {
      for (;;) {
        const response = await fetch(text.rescore, { credentials: 'same-origin', headers });
        if (!response.ok) { say(fill(text.textError, await problemText(response)), 'error'); break; }
        const run = await response.json();
        if (run.status === 'none') break;
        show(run);
        if (run.status === 'completed') break;
        await new Promise(resolve => setTimeout(resolve, 1000));
      }
      button.disabled = false;
    }

    startOnClick(button, () => {
      changes.replaceChildren();
      return fetch(text.rescore, { method: 'POST', credentials: 'same-origin', headers });
    }, response => say(fill(text.textError, response), 'error'), show, follow);
    panel.hidden = false;
    // A rescoring started elsewhere, or before a reload, is shown and followed too.
    button.disabled = true;
    follow();
  }

  function finalists(panel) {
    const text = panel.dataset;
    const button = panel.querySelector('button');
    const progress = panel.querySelector('progress');
    const status = panel.querySelector('[data-status]');
    const say = (message, state) => { status.textContent = message; status.dataset.state = state || ''; };

    function show(run) {
      progress.hidden = false;
      progress.value = run.status === 'running' ? run.progress : 1;
      if (run.status === 'running') say(fill(text.textRunning, Math.round(run.progress * 100)), 'pending');
      else if (run.status === 'failed') say(fill(text.textFailed, run.error), 'error');
      else say(fill(text.textDone, run.standings.length, new Set(run.standings.map(s => s.tiedGroup)).size), 'scored');
    }

    async function follow() {
      for (;;) {
        const response = await fetch(text.finalists, { credentials: 'same-origin', headers });
        // 404: no comparison yet (a phase with fewer than two teams has none).
        if (response.status === 404) break;
        if (!response.ok) { say(fill(text.textError, await problemText(response)), 'error'); break; }
        const run = await response.json();
        show(run);
        if (run.status !== 'running') break;
        await new Promise(resolve => setTimeout(resolve, 2000));
      }
      button.disabled = false;
    }

    startOnClick(button, () => fetch(text.finalists, {
      method: 'POST', credentials: 'same-origin', headers: { ...headers, 'Content-Type': 'application/json' }, body: '{}',
    }), problem => say(fill(text.textError, problem), 'error'), show, follow);
    panel.hidden = false;
    button.disabled = true;
    follow();
  }

  // Sends a row's submission again (a failed one to the workers, a finished code run as a new attempt) and shows the
  // row's new status, or the refusal in words.
  function sendAgain(button, table, url, status, sent) {
    const row = button.closest('tr');
    const statuses = JSON.parse(table.dataset.statuses);
    button.addEventListener('click', async () => {
      button.disabled = true;
      const response = await fetch(url, { method: 'POST', credentials: 'same-origin', headers });
      if (!response.ok) {
        button.disabled = false;
        status.textContent = fill(table.dataset.textError, await problemText(response));
        status.dataset.state = 'error';
        return;
      }
      const submission = await response.json();
      const cell = row.querySelector('[data-status-cell]');
      cell.textContent = statuses[submission.status] || submission.status;
      cell.className = `status ${submission.status.toLowerCase()}`;
      const attempt = row.querySelector('[data-attempt-cell]');
      if (attempt) attempt.textContent = submission.attempt;
      status.textContent = sent(submission);
      status.dataset.state = 'scored';
      button.hidden = true;
    });
    button.hidden = false;
  }

  // The hidden inputs versions of a code phase, from the api that reads their manifests.
  async function inputsVersions(table) {
    const text = table.dataset;
    const status = table.closest('section').querySelector('[data-inputs-status]');
    const response = await fetch(text.inputsVersions, { credentials: 'same-origin', headers });
    if (!response.ok) { status.textContent = fill(text.textError, await problemText(response)); status.dataset.state = 'error'; return; }
    const versions = await response.json();
    if (versions.length === 0) { status.textContent = text.textNone; return; }
    const cell = (value, className) => {
      const td = document.createElement('td');
      td.textContent = value;
      if (className) td.className = className;
      return td;
    };
    table.tBodies[0].replaceChildren(...versions.map(v => {
      const row = document.createElement('tr');
      row.dataset.version = v.version;
      row.append(cell(`v${v.version}`), cell(v.uploadedAt ? new Date(v.uploadedAt).toISOString().slice(0, 16).replace('T', ' ') + ' UTC' : text.textUnknown),
        cell(size(v.totalBytes), 'num'), cell(v.fileCount, 'num'), cell(v.current ? text.textCurrent : ''));
      return row;
    }));
    table.hidden = false;
  }

  function size(bytes) {
    const units = ['B', 'KB', 'MB', 'GB'];
    let value = bytes, unit = 0;
    while (value >= 1024 && unit < units.length - 1) { value /= 1024; unit++; }
    return `${unit === 0 ? value : value.toLocaleString(document.documentElement.lang || undefined, { maximumFractionDigits: 1 })} ${units[unit]}`;
  }

  document.querySelectorAll('[data-rescore]').forEach(rescore);
  document.querySelectorAll('[data-finalists]').forEach(finalists);
  const table = document.querySelector('table[data-statuses]');
  if (table) {
    table.querySelectorAll('button[data-redispatch]').forEach(button => sendAgain(button, table, button.dataset.redispatch,
      button.closest('tr').querySelector('[data-redispatch-status]'), () => table.dataset.textSent));
    table.querySelectorAll('button[data-rerun]').forEach(button => sendAgain(button, table, button.dataset.rerun,
      button.closest('tr').querySelector('[data-rerun-status]'), run => fill(table.dataset.textRerun, run.attempt)));
  }
  document.querySelectorAll('table[data-inputs-versions]').forEach(inputsVersions);
})();

// The console's bundle upload: a bundle.yaml creates or updates a challenge through PUT /api/bundles, which parses it.
(() => {
  const panel = document.querySelector('[data-bundle]');
  if (!panel) return;
  const text = panel.dataset;
  const input = panel.querySelector('input[type=file]');
  const button = panel.querySelector('button');
  const status = panel.querySelector('[data-status]');
  const fill = (template, ...values) => values.reduce((message, value, i) => message.replace(`{${i}}`, value), template);
  const say = (message, state) => { status.replaceChildren(message); status.dataset.state = state || ''; };

  async function problemText(response) {
    try {
      const problem = await response.json();
      const where = problem.line ? ` (${fill(text.textAt, problem.line, problem.column ?? '?')})` : '';
      return ([problem.title, problem.detail].filter(Boolean).join(' — ') || `${response.status}`) + where;
    } catch {
      return `${response.status} ${response.statusText}`;
    }
  }

  button.addEventListener('click', async () => {
    const file = input.files[0];
    if (!file) { say(text.textChoose, 'error'); return; }
    button.disabled = true;
    say(text.textSending, 'pending');
    try {
      const response = await fetch(text.bundle, {
        method: 'PUT', credentials: 'same-origin', body: file,
        headers: { 'Content-Type': 'application/yaml', Accept: 'application/json' },
      });
      if (!response.ok) { say(fill(text.textError, await problemText(response)), 'error'); return; }
      const result = await response.json();
      // Built as nodes: the slug comes from the uploaded file.
      const link = document.createElement('a');
      link.href = `/console/${encodeURIComponent(result.slug)}`;
      link.textContent = text.textOpen;
      const message = document.createElement('span');
      message.textContent = fill(response.status === 201 ? text.textCreated : text.textUpdated, result.slug) + ' ';
      status.replaceChildren(message, link);
      status.dataset.state = 'scored';
    } catch (error) {
      say(fill(text.textError, error.message), 'error');
    } finally {
      button.disabled = false;
    }
  });
  panel.hidden = false;
})();
