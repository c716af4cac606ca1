// Sends the CSRF token with every htmx request, and moves focus to a form's list of problems
// so that keyboard and screen-reader users hear what to fix.
document.addEventListener('htmx:configRequest', function (event) {
  var token = document.querySelector('meta[name="csrf-token"]');
  var header = document.querySelector('meta[name="csrf-header"]');
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});
document.addEventListener('DOMContentLoaded', function () {
  var summary = document.getElementById('error-summary');
  if (summary) {
    summary.focus();
  }
  document.querySelectorAll('[data-confirm]').forEach(function (form) {
    form.addEventListener('submit', function (event) {
      if (!window.confirm(form.getAttribute('data-confirm'))) {
        event.preventDefault();
      }
    });
  });
});

// "Use my location" fills the register's point from the device, where the browser offers it.
document.addEventListener('DOMContentLoaded', function () {
  var button = document.getElementById('use-my-location');
  if (!button || !navigator.geolocation) {
    return;
  }
  button.hidden = false;
  button.addEventListener('click', function () {
    navigator.geolocation.getCurrentPosition(function (position) {
      document.getElementById('lat').value = position.coords.latitude.toFixed(5);
      document.getElementById('lon').value = position.coords.longitude.toFixed(5);
      button.form.requestSubmit();
    });
  });
});
