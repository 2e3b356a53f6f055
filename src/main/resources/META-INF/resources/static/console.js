// Progressive enhancement only: every page works without this file.
document.addEventListener('DOMContentLoaded', () => {
  // htmx requests carry the session's CSRF token, like every form does in a hidden field.
  const token = document.querySelector('meta[name="csrf-token"]');
  document.body.addEventListener('htmx:configRequest', (event) => {
    if (token) { event.detail.headers['X-CSRF-Token'] = token.content; }
  });
});
