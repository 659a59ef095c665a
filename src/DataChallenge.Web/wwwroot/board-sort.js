// Sortable board columns: a header marked data-sort becomes a button; rows are reordered by the cells' data-value
// (numbers in invariant form) or their text. Only existing rows move: no markup is ever built from data.
(() => {
  for (const table of document.querySelectorAll('table#board, table#private-board')) {
    const headers = [...table.tHead.rows[0].cells];
    let sorted = null;

    const key = (row, index, numeric) => {
      const td = row.cells[index];
      const raw = td?.dataset.value ?? td?.textContent.trim() ?? '';
      if (!numeric) return raw;
      return raw === '' || Number.isNaN(Number(raw)) ? null : Number(raw);
    };

    function apply() {
      if (!sorted) return;
      const { index, numeric, descending } = sorted;
      const body = table.tBodies[0];
      // Baselines stay below the ranking, as the server renders them.
      const rows = [...body.rows].filter(r => !r.classList.contains('baseline'));
      const baselines = [...body.rows].filter(r => r.classList.contains('baseline'));
      rows.sort((a, b) => {
        const [x, y] = [key(a, index, numeric), key(b, index, numeric)];
        if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1; // missing values last, either way
        const order = numeric ? x - y : String(x).localeCompare(String(y));
        return descending ? -order : order;
      });
      body.replaceChildren(...rows, ...baselines);
      headers.forEach((th, i) => th.setAttribute('aria-sort', i === index ? (descending ? 'descending' : 'ascending') : 'none'));
    }

    headers.forEach((th, index) => {
      if (!th.dataset.sort) return;
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'sort';
      button.append(...th.childNodes);
      th.replaceChildren(button);
      button.addEventListener('click', () => {
        const descending = sorted?.index === index ? !sorted.descending : false;
        sorted = { index, numeric: th.dataset.sort === 'num', descending };
        apply();
      });
    });
    table.addEventListener('board:rendered', apply);
  }
})();
