// Applies the stored theme before first paint (an external file: the CSP forbids inline scripts).
var storedTheme = null;
try {
  storedTheme = localStorage.getItem('invites-theme');
} catch (_) {}
if (storedTheme === 'light' || storedTheme === 'dark') document.documentElement.dataset.theme = storedTheme;
