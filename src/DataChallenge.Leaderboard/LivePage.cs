using Microsoft.AspNetCore.Http;

namespace DataChallenge.Leaderboard;

/// <summary>A plain page that shows one phase's board and keeps it current from the live stream, without a reload.</summary>
internal static class LivePage
{
    public static IResult Html(Guid phaseId) => Results.Content($$"""
        <!doctype html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <title>Leaderboard</title>
          <style>
            body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 56rem; color: #1d2430; }
            table { border-collapse: collapse; width: 100%; }
            th, td { padding: .45rem .7rem; border-bottom: 1px solid #dde3ea; text-align: left; }
            td.num { text-align: right; font-variant-numeric: tabular-nums; }
            tr.moved { animation: moved 2s ease-out; }
            @keyframes moved { from { background: #fff3c4; } to { background: transparent; } }
          </style>
        </head>
        <body data-phase="{{phaseId}}">
          <h1>Leaderboard</h1>
          <p id="status" role="status">Connecting…</p>
          <table>
            <thead><tr><th>Rank</th><th>Team</th><th id="metric">Score</th><th>Entries</th><th>Last submission</th></tr></thead>
            <tbody id="rows"></tbody>
          </table>
          <script src="/board.js"></script>
        </body>
        </html>
        """, "text/html; charset=utf-8");

    // Rows are built with textContent, never innerHTML: team names are user input.
    public static IResult Script() => Results.Content("""
        const phase = document.body.dataset.phase;
        const rows = document.getElementById('rows');
        const status = document.getElementById('status');
        let previous = new Map();
        function cell(text, cls) { const td = document.createElement('td'); td.textContent = text; if (cls) td.className = cls; return td; }
        function render(board) {
          document.getElementById('metric').textContent = board.primaryMetric ?? 'Score';
          const next = new Map();
          rows.replaceChildren(...board.rows.map(r => {
            const tr = document.createElement('tr');
            tr.append(cell(r.rank, 'num'), cell(r.team), cell(r.score.toFixed(4), 'num'), cell(r.entries, 'num'),
                      cell(new Date(r.lastSubmittedAt).toLocaleString()));
            const key = r.teamId + ':' + r.score + ':' + r.rank;
            if (previous.size && !previous.has(key)) tr.className = 'moved';
            next.set(key, true);
            return tr;
          }));
          previous = next;
          status.textContent = board.rows.length ? `Updated ${new Date(board.updatedAt).toLocaleTimeString()}` : 'No scores yet.';
        }
        const source = new EventSource(`/api/phases/${phase}/leaderboard/live`);
        source.addEventListener('leaderboard', e => render(JSON.parse(e.data)));
        source.onerror = () => { status.textContent = 'Reconnecting…'; };
        """, "text/javascript; charset=utf-8");
}
