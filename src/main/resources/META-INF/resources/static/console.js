// Progressive enhancement only: every page works without this file.
document.addEventListener('DOMContentLoaded', () => {
  // htmx requests carry the session's CSRF token, like every form does in a hidden field.
  const token = document.querySelector('meta[name="csrf-token"]');
  document.body.addEventListener('htmx:configRequest', (event) => {
    if (token) { event.detail.headers['X-CSRF-Token'] = token.content; }
  });
});

// The new-request form: add and remove line rows, and show only the fields a line's kind uses.
document.addEventListener('DOMContentLoaded', () => {
  const lines = document.querySelector('#new-request #lines tbody');
  if (!lines) { return; }
  const showFieldsOf = (row) => {
    const kind = row.querySelector('select.kind').value;
    row.querySelectorAll('td[data-for]').forEach((cell) => {
      const used = !kind || cell.dataset.for.split(' ').includes(kind);
      // A hidden field is emptied too: a value the officer cannot see must not be sent.
      cell.querySelectorAll('input, select').forEach((field) => { field.hidden = !used; if (!used) { field.value = ''; } });
    });
  };
  const wire = (row) => {
    row.querySelector('select.kind').addEventListener('change', () => showFieldsOf(row));
    const remove = row.querySelector('button.remove-line');
    remove.hidden = false;
    remove.addEventListener('click', () => { if (lines.rows.length > 1) { row.remove(); } });
    showFieldsOf(row);
  };
  let added = lines.rows.length;
  Array.from(lines.rows).forEach(wire);
  const add = document.getElementById('add-line');
  add.hidden = false;
  add.addEventListener('click', () => {
    const row = lines.rows[lines.rows.length - 1].cloneNode(true);
    added += 1;
    row.querySelectorAll('input, select').forEach((field) => {
      field.value = '';
      field.removeAttribute('aria-invalid');
      field.removeAttribute('aria-describedby');
      const label = row.querySelector('label[for="' + field.id + '"]');
      field.id = field.name + '-' + added;
      if (label) { label.htmlFor = field.id; }
    });
    row.querySelectorAll('.field-error').forEach((error) => error.remove());
    lines.appendChild(row);
    wire(row);
  });
});

// A refresh after the session ended lands on the sign-in form: show it as a page, not inside the board.
document.addEventListener('htmx:beforeSwap', (event) => {
  const url = event.detail.xhr && event.detail.xhr.responseURL;
  if (url && new URL(url).pathname === '/console/login') {
    window.location.assign(url);
    event.detail.shouldSwap = false;
  }
});

// The charts (board, lab desk): each canvas carries its days and series as data attributes (no inline script).
const drawChart = (canvas) => {
  if (typeof Chart === 'undefined' || canvas.dataset.drawn) { return; }
  canvas.dataset.drawn = 'true';
  const numbers = (text) => (text ? text.split(',').map(Number) : []);
  const colours = ['#0b57d0', '#b3261e', '#8a5a00'];
  const datasets = [1, 2, 3].filter((i) => canvas.dataset['label' + i]).map((i) => ({
    label: canvas.dataset['label' + i], data: numbers(canvas.dataset['series' + i]),
    borderColor: colours[i - 1], backgroundColor: colours[i - 1], tension: 0.2,
  }));
  new Chart(canvas, {
    type: 'line',
    data: { labels: canvas.dataset.days ? canvas.dataset.days.split(',') : [], datasets },
    options: { animation: false, responsive: true, scales: { y: { beginAtZero: true } } },
  });
};
document.addEventListener('htmx:load', (event) => {
  event.detail.elt.querySelectorAll('canvas[data-chart]').forEach(drawChart);
});

// The plan map: pointing at or focusing a route writes what it carries under the map.
document.addEventListener('DOMContentLoaded', () => {
  const detail = document.getElementById('map-detail');
  if (!detail) { return; }
  document.querySelectorAll('#plan-map .route').forEach((route) => {
    const show = () => { detail.textContent = route.dataset.label; };
    route.addEventListener('mouseenter', show);
    route.addEventListener('focus', show);
  });
});
