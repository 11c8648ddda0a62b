// Sipol/Silon staff screens: live import progress and ticking deadlines. Everything works without this file (the
// progress page reloads itself, the countdown is written by the server); this only makes it smoother.
(function () {
  'use strict';

  var progress = document.getElementById('import-progress');
  if (progress && progress.getAttribute('data-status') === 'RUNNING') {
    var url = progress.getAttribute('data-status-url');
    var set = function (id, value) {
      var el = document.getElementById(id);
      if (el) { el.textContent = String(value); }
    };
    var poll = function () {
      fetch(url, {headers: {'Accept': 'application/json'}, credentials: 'same-origin', cache: 'no-store'})
        .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
        .then(function (s) {
          var bar = document.getElementById('import-bar');
          bar.max = Math.max(1, s.rowsTotal);
          bar.value = s.rowsDone;
          set('rows-done', s.rowsDone);
          set('rows-total', s.rowsTotal);
          set('percent', s.percent);
          set('imported', s.imported);
          set('flagged', s.flagged);
          set('rejected', s.rejected);
          progress.setAttribute('data-polls', String(Number(progress.getAttribute('data-polls') || '0') + 1));
          if (s.running) {
            window.setTimeout(poll, 700);
          } else {
            // finished: the server renders the final state with the report link
            window.location.reload();
          }
        })
        .catch(function () { window.setTimeout(poll, 3000); });
    };
    window.setTimeout(poll, 700);
  }

  var deadlines = document.querySelectorAll('[data-deadline]');
  if (deadlines.length) {
    var words = function (ms) {
      if (ms <= 0) { return 'batas waktu sudah lewat'; }
      var minutes = Math.floor(ms / 60000);
      var days = Math.floor(minutes / 1440);
      var hours = Math.floor((minutes % 1440) / 60);
      var out = '';
      if (days > 0) { out += days + ' hari '; }
      if (days > 0 || hours > 0) { out += hours + ' jam '; }
      return out + (minutes % 60) + ' menit lagi';
    };
    var tick = function () {
      for (var i = 0; i < deadlines.length; i++) {
        var at = Date.parse(deadlines[i].getAttribute('data-deadline'));
        if (!isNaN(at)) { deadlines[i].textContent = words(at - Date.now()); }
      }
    };
    window.setInterval(tick, 30000);
  }
})();
