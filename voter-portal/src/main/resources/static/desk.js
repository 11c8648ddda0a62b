/*
 * Desk Pilkada, the reporter's form. Everything works without this script (plain forms, checked by desk-pilkada on
 * send); with it:
 * - the quick numbers are checked while the reporter types (the rules come from the page: desk-pilkada's checks);
 * - the Idempotency-Key of a report or correction is made on the phone;
 * - without signal the report waits in the phone (IndexedDB, kpps-outbox.js, the same outbox as the KPPS pages) and
 *   is sent when the connection returns while the app is open; desk-pilkada answers a repeated key with the first
 *   report, so a report is never counted twice.
 */
(function () {
  'use strict';
  var page = self.PemiluOutboxPage; // keys made on the phone, the service worker, sending what waited (outbox-page.js)

  ['desk-report', 'desk-correction'].forEach(function (id) {
    var form = document.getElementById(id);
    if (!form) { return; }
    page.sendOrQueue(form, id, 'Tidak ada sinyal. Laporan disimpan di ponsel ini dan dikirim otomatis saat sinyal '
        + 'kembali; tidak akan terhitung dua kali. Biarkan halaman ini terbuka.');
    liveChecks(form);
  });

  /** desk-pilkada's checks, evaluated as the reporter types; failing fields are marked. */
  function liveChecks(form) {
    var element = document.getElementById('desk-rules');
    if (!element) { return; }
    var data = JSON.parse(element.textContent || '{}');
    var labels = data.labels || {};
    var list = document.getElementById('check-list');
    var ok = document.getElementById('checks-ok');
    var inputs = {};
    Array.prototype.forEach.call(form.querySelectorAll('input[data-key]'), function (input) {
      inputs[input.getAttribute('data-key')] = input;
    });
    function text(key) { return inputs[key] ? inputs[key].value.trim() : ''; }
    function value(key) { var t = text(key); return /^\d{1,6}$/.test(t) ? parseInt(t, 10) : null; }
    function failures() {
      var out = [];
      (data.rules || []).forEach(function (rule) {
        switch (rule.kind) {
          case 'filled': {
            var empty = rule.keys.filter(function (k) { return text(k) === ''; });
            var wrong = rule.keys.filter(function (k) { return text(k) !== '' && value(k) === null; });
            if (wrong.length) { out.push({keys: wrong, text: 'Isi dengan angka saja: ' + wrong.map(function (k) { return labels[k]; }).join(', ')}); }
            if (empty.length && empty.length < rule.keys.length) {
              out.push({keys: [], text: 'Belum diisi: ' + empty.map(function (k) { return labels[k]; }).join(', ')});
            }
            break;
          }
          case 'sum': {
            var total = value(rule.total);
            var terms = rule.terms.map(value);
            if (total === null || terms.indexOf(null) >= 0) { break; }
            var sum = terms.reduce(function (a, b) { return a + b; }, 0);
            if (sum !== total) {
              out.push({keys: [rule.total], text: rule.words + ' ' + total + ' \u2260 ' + terms.join(' + ')
                  + ' (' + rule.termsWords + ' = ' + sum + ')'});
            }
            break;
          }
          case 'max':
            rule.keys.forEach(function (k) {
              var v = value(k);
              if (v !== null && v > rule.value) {
                out.push({keys: [k], text: labels[k] + ' ' + v + ' di luar batas 0\u2013' + rule.value + ' pemilih per TPS'});
              }
            });
            break;
          case 'ballots': {
            var t = value(rule.total);
            if (t !== null && t > rule.value) {
              out.push({keys: [rule.total], text: 'Jumlah suara ' + t + ' melebihi ' + rule.value + ' ' + rule.words});
            }
            break;
          }
          default: break;
        }
      });
      return out;
    }
    function check() {
      var found = failures();
      var bad = {};
      list.textContent = '';
      found.forEach(function (f) {
        var li = document.createElement('li');
        li.textContent = f.text;
        list.appendChild(li);
        f.keys.forEach(function (k) { bad[k] = true; });
      });
      var anyTyped = Object.keys(inputs).some(function (k) { return text(k) !== ''; });
      list.classList.toggle('hidden', found.length === 0);
      ok.classList.toggle('hidden', found.length > 0 || !anyTyped);
      Object.keys(inputs).forEach(function (k) {
        if (bad[k]) { inputs[k].setAttribute('aria-invalid', 'true'); } else { inputs[k].removeAttribute('aria-invalid'); }
      });
    }
    form.addEventListener('input', check);
    check();
  }
})();
