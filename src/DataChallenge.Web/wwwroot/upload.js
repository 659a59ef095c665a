// Uploads with progress (XMLHttpRequest reports upload progress, fetch does not), by drop or by choice, to the
// upload APIs; a submission is then followed until it has an outcome (a code run's elapsed time ticks while it runs).
(() => {
  const maxAttempts = 8;
  const lang = document.documentElement.lang || 'en';

  function problemText(xhr) {
    try {
      const problem = JSON.parse(xhr.responseText);
      return [problem.title, problem.detail].filter(Boolean).join(' ');
    } catch {
      return `${xhr.status} ${xhr.statusText}`;
    }
  }

  // The page's own list of submissions, re-read from the server so it shows the new outcome.
  async function refreshList() {
    const list = document.getElementById('mine');
    if (!list) return;
    const response = await fetch(location.href, { credentials: 'same-origin' });
    if (!response.ok) return;
    const fresh = new DOMParser().parseFromString(await response.text(), 'text/html').getElementById('mine');
    if (fresh) list.replaceWith(fresh);
  }

  // A smoke run's log, shown as text only; the server answers 404 for a run on the hidden data.
  async function showLog(form, id) {
    const pre = form.querySelector('#run-log');
    if (!pre) return;
    const response = await fetch(`/api/submissions/${id}/log`, { credentials: 'same-origin' });
    if (!response.ok) return;
    pre.textContent = await response.text();
    pre.hidden = false;
  }

  function elapsed(since) {
    const seconds = Math.max(0, Math.round((Date.now() - since) / 1000));
    return `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s`;
  }

  async function follow(form, say, id, smoke) {
    const text = form.dataset;
    let runningSince = null;
    let ticker = null;
    const stopTicking = () => { clearInterval(ticker); ticker = null; };
    for (;;) {
      const response = await fetch(`/api/submissions/${id}`, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
      if (!response.ok) { say(text.textError.replace('{0}', response.status), 'error'); return; }
      const submission = await response.json();
      if (submission.status === 'Scored') {
        const value = Number(submission.score).toLocaleString(lang, { minimumFractionDigits: 4, maximumFractionDigits: 4, useGrouping: false });
        say(text.textScored.replace('{0}', `${submission.primaryMetric} = ${value}`), 'scored');
      } else if (submission.status === 'Rejected') {
        say(text.textRejected.replace('{0}', submission.message || ''), 'rejected');
      } else if (submission.status === 'Failed') {
        say(text.textFailed, 'failed');
      } else if (submission.status === 'Finished') {
        say(text.textFinished, 'scored');
      } else if (submission.status === 'Running' && text.textRunning) {
        // Counted from when this page first saw the run start: the clock ticks between polls.
        runningSince = runningSince || Date.now();
        const tick = () => say(text.textRunning.replace('{0}', elapsed(runningSince)), 'running');
        tick();
        ticker = ticker || setInterval(tick, 1000);
      } else {
        say(submission.status === 'Scoring' ? text.textScoring : text.textReceived, 'pending');
      }
      // The server says when to stop, so a new state needs no change here.
      if (submission.status !== 'Running') stopTicking();
      if (submission.isFinished) {
        if (smoke) await showLog(form, id);
        await refreshList();
        return;
      }
      await new Promise(resolve => setTimeout(resolve, 700));
    }
  }

  function wire(form) {
    const input = form.querySelector('input[type=file]');
    const zone = form.querySelector('[data-dropzone]');
    const progress = form.querySelector('progress');
    const status = form.querySelector('[role=status]');
    const button = form.querySelector('button[type=submit]');
    const say = (message, state) => { status.textContent = message; status.dataset.state = state || ''; };

    zone.addEventListener('dragover', e => { e.preventDefault(); zone.classList.add('over'); });
    zone.addEventListener('dragleave', () => zone.classList.remove('over'));
    zone.addEventListener('drop', e => {
      e.preventDefault();
      zone.classList.remove('over');
      if (e.dataTransfer.files.length) input.files = e.dataTransfer.files;
    });

    form.addEventListener('submit', e => {
      e.preventDefault();
      const file = input.files[0];
      if (!file) { say(form.dataset.textChoose, 'error'); return; }
      let url = form.action;
      const smokeBox = form.querySelector('[name=smoke]');
      const smoke = Boolean(smokeBox && smokeBox.checked);
      if (smoke) url += '?smoke=true';
      const log = form.querySelector('#run-log');
      if (log) { log.textContent = ''; log.hidden = true; }
      if (form.dataset.nameInUrl) {
        url += encodeURIComponent(file.name);
        const description = form.querySelector('[name=description]');
        if (description && description.value) url += '?description=' + encodeURIComponent(description.value);
      }
      const body = new FormData();
      // The note goes before the file: the server reads the fields that precede the file and streams the file itself.
      const note = form.querySelector('[name=note]');
      if (note && note.value) body.append('note', note.value);
      body.append('file', file, file.name);
      // One key for every try of this upload: the server records a retried upload once.
      const key = self.crypto && crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(16).slice(2)}`;
      progress.hidden = false;
      button.disabled = true;
      const send = attempt => {
        const xhr = new XMLHttpRequest();
        xhr.open(form.dataset.method || 'POST', url);
        xhr.setRequestHeader('Accept', 'application/json');
        // Tells the upload API that a script reads the answer; a plain form post is sent back to the page instead.
        xhr.setRequestHeader('X-Requested-With', 'XMLHttpRequest');
        xhr.setRequestHeader('Idempotency-Key', key);
        progress.value = 0;
        say(form.dataset.textSending, 'pending');
        xhr.upload.onprogress = p => { if (p.lengthComputable) progress.value = Math.round(100 * p.loaded / p.total); };
        xhr.onerror = () => { button.disabled = false; say(form.dataset.textError.replace('{0}', ''), 'error'); };
        xhr.onload = () => {
          // 503: a service behind the platform is briefly down and nothing was recorded; wait as asked, longer each time.
          if (xhr.status === 503 && attempt < maxAttempts) {
            const asked = Number(xhr.getResponseHeader('Retry-After')) || 0;
            const seconds = Math.min(30, Math.max(asked, 2 ** (attempt - 1)));
            say(`${problemText(xhr)} (${seconds} s)`, 'pending');
            setTimeout(() => send(attempt + 1), seconds * 1000);
            return;
          }
          button.disabled = false;
          progress.value = 100;
          if (xhr.status < 200 || xhr.status >= 300) { say(form.dataset.textError.replace('{0}', problemText(xhr)), 'error'); return; }
          if (form.dataset.upload === 'submission') {
            follow(form, say, JSON.parse(xhr.responseText).id, smoke);
          } else {
            say(form.dataset.textDone, 'scored');
            // The page lists what was uploaded; show the new state.
            setTimeout(() => location.reload(), 800);
          }
        };
        xhr.send(body);
      };
      send(1);
    });
  }

  document.querySelectorAll('form[data-upload]').forEach(wire);
})();
