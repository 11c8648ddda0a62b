/*
 * Pemilu dalam genggaman, KPPS pages. Everything works without this script (plain forms); with it:
 * - the Idempotency-Key of an upload or confirmation is made on the phone;
 * - the photo upload shows a progress bar;
 * - without signal, the upload or confirmation waits in the phone (IndexedDB, kpps-outbox.js) and is sent when the
 *   connection returns, never counted twice (same key);
 * - the draft's arithmetic checks run while the officer types (the same rules as recap-service, sent by the portal
 *   as data; the server checks again on confirm);
 * - the service worker keeps the app's files for an installable app (manifest.webmanifest).
 */
(function () {
  'use strict';
  var outbox = self.PemiluOutbox;
  var statusBox = document.getElementById('outbox-status');

  function say(text) {
    if (statusBox) { statusBox.hidden = !text; statusBox.textContent = text || ''; }
  }

  function show(response) {
    if (response.redirected) { location.assign(response.url); return; }
    return response.text().then(function (html) { document.open(); document.write(html); document.close(); });
  }

  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register('/sw.js').catch(function () { /* the forms work without it */ });
  }

  // keys made on this phone
  Array.prototype.forEach.call(document.querySelectorAll('form input[name=idempotencyKey]'), function (input) {
    input.value = outbox.newKey();
  });

  var waiting = null; // the entry this page queued: when it is sent, show its answer

  function queue(entry, message) {
    waiting = entry.id;
    return outbox.add(entry).then(function () { say(message); });
  }

  function flush() {
    return outbox.flush(function (entry, response) {
      if (entry.id === waiting) { return show(response); }
    }).then(function () {
      return outbox.all().then(function (left) {
        if (left.length && !waiting) {
          say(left.length + ' kiriman menunggu sinyal; dikirim otomatis saat sinyal kembali.');
        } else if (!left.length && !waiting) {
          say('');
        }
      });
    }).catch(function () { /* IndexedDB unavailable: plain forms only */ });
  }

  window.addEventListener('online', flush);
  setInterval(function () { if (waiting || navigator.onLine) { flush(); } }, 5000);
  flush();

  // upload with a progress bar; without signal it waits in the phone
  var upload = document.getElementById('upload');
  if (upload) {
    upload.addEventListener('submit', function (event) {
      if (!upload.checkValidity()) { return; }
      event.preventDefault();
      var entry = outbox.fromForm(upload, 'foto');
      var offlineMessage = 'Tidak ada sinyal. Foto disimpan di ponsel ini dan dikirim otomatis saat sinyal '
          + 'kembali (tidak akan terkirim dua kali). Biarkan halaman ini terbuka.';
      if (!navigator.onLine) { queue(entry, offlineMessage); return; }
      var box = upload.querySelector('.upload-progress');
      var bar = upload.querySelector('progress');
      var button = upload.querySelector('button');
      box.hidden = false;
      button.disabled = true;
      var xhr = new XMLHttpRequest();
      xhr.open('POST', upload.action);
      xhr.upload.onprogress = function (e) {
        if (e.lengthComputable) { bar.value = Math.round(100 * e.loaded / e.total); bar.textContent = bar.value + ' %'; }
      };
      xhr.onload = function () {
        if (xhr.responseURL && xhr.responseURL.indexOf('/kpps/kiriman/') >= 0) { location.assign(xhr.responseURL); return; }
        document.open(); document.write(xhr.responseText); document.close();
      };
      xhr.onerror = function () {
        box.hidden = true;
        button.disabled = false;
        queue(entry, offlineMessage);
      };
      var data = new FormData();
      entry.fields.forEach(function (f) { if (f.length === 3) { data.append(f[0], f[1], f[2]); } else { data.append(f[0], f[1]); } });
      xhr.send(data);
    });
  }

  // confirmation: sent now, or kept until the signal returns
  var confirmForm = document.getElementById('confirm');
  if (confirmForm) {
    confirmForm.addEventListener('submit', function (event) {
      event.preventDefault();
      var entry = outbox.fromForm(confirmForm, 'konfirmasi');
      var button = confirmForm.querySelector('button[type=submit]');
      var offlineMessage = 'Tidak ada sinyal. Konfirmasi disimpan di ponsel ini dan dikirim otomatis saat sinyal '
          + 'kembali; hasil tidak akan terhitung dua kali. Biarkan halaman ini terbuka.';
      button.disabled = true;
      var sent = navigator.onLine ? outbox.send(entry) : Promise.reject(new Error('offline'));
      sent.then(show, function () { return queue(entry, offlineMessage); })
          .then(function () { button.disabled = false; });
    });
    liveChecks(confirmForm);
  }

  /** The arithmetic checks, evaluated as the officer types (rules from the portal: FormChecks). */
  function liveChecks(form) {
    var rulesElement = document.getElementById('rules');
    if (!rulesElement) { return; }
    var rules = JSON.parse(rulesElement.textContent || '[]');
    var list = document.getElementById('check-list');
    var ok = document.getElementById('checks-ok');
    var inputs = {};
    Array.prototype.forEach.call(form.querySelectorAll('input[data-key]'), function (input) {
      inputs[input.getAttribute('data-key')] = input;
    });
    function value(key) {
      var input = inputs[key];
      if (!input) { return null; }
      var text = input.value.trim();
      return /^\d{1,6}$/.test(text) ? parseInt(text, 10) : null;
    }
    function message(rule) {
      var total = value(rule.total);
      switch (rule.kind) {
        case 'filled': return inputs[rule.total] && inputs[rule.total].value.trim() === '' ? rule.words + ' belum diisi' : null;
        case 'sum': {
          var terms = rule.terms.map(value);
          if (total === null || terms.indexOf(null) >= 0) { return null; }
          var sum = terms.reduce(function (a, b) { return a + b; }, 0);
          return sum === total ? null : rule.words + ' ' + total + ' \u2260 ' + terms.join(' + ');
        }
        case 'atMost': {
          var limit = value(rule.terms[0]);
          return total === null || limit === null || total <= limit ? null : rule.words + ' ' + total + ' > ' + limit;
        }
        case 'equals': return total === null || total === rule.value ? null
            : rule.words + ' ' + total + ' \u2260 ' + rule.value + ' (terdaftar)';
        case 'near': return total === null || Math.abs(total - rule.value) <= rule.tolerance ? null
            : rule.words + ' ' + total + ' jauh dari ' + rule.value;
        case 'range': return total === null || (total >= 0 && total <= rule.value) ? null
            : rule.words + ' ' + total + ' di luar batas 0\u2013' + rule.value;
        default: return null;
      }
    }
    function check() {
      var failures = [];
      var bad = {};
      rules.forEach(function (rule) {
        var m = message(rule);
        if (m) { failures.push(m); bad[rule.total] = true; }
      });
      list.textContent = '';
      failures.forEach(function (m) { var li = document.createElement('li'); li.textContent = m; list.appendChild(li); });
      list.classList.toggle('hidden', failures.length === 0);
      ok.classList.toggle('hidden', failures.length > 0);
      Object.keys(inputs).forEach(function (key) {
        if (bad[key]) { inputs[key].setAttribute('aria-invalid', 'true'); } else { inputs[key].removeAttribute('aria-invalid'); }
      });
    }
    form.addEventListener('input', check);
    check();
  }
})();
