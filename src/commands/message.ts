// The dialog a ribbon command opens to report a problem; text only, never markup.
const text = new URLSearchParams(window.location.search).get('text') ?? '';
const target = document.getElementById('text');
if (target) target.textContent = text;
