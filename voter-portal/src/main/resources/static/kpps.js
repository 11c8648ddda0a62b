/*
 * Pemilu dalam genggaman, KPPS pages. Everything works without this script (plain forms); with it:
 * - the Idempotency-Key of an upload or confirmation is made on the phone;
 * - the photo upload shows a progress bar;
 * - without signal, the upload or confirmation waits in the phone (IndexedDB, kpps-outbox.js) and is sent when the
 *   connection returns, never counted twice (same key);
 * - the draft's arithmetic checks run while the officer types (form-checks.js: the same rules as recap-service,
 *   sent by the portal as data; the server checks again on confirm);
 * - the service worker keeps the app's files for an installable app (manifest.webmanifest); keys, the service
 *   worker and sending what waited are outbox-page.js, shared with the Desk Pilkada reporter's page.
 */
(function () {
  'use strict';
  var outbox = self.PemiluOutbox;
  var page = self.PemiluOutboxPage; // keys made on the phone, the service worker, sending what waited (outbox-page.js)

  // upload with a progress bar; without signal it waits in the phone
  var upload = document.getElementById('upload');
  if (upload) {
    upload.addEventListener('submit', function (event) {
      if (!upload.checkValidity()) { return; }
      event.preventDefault();
      var entry = outbox.fromForm(upload, 'foto');
      var offlineMessage = 'Tidak ada sinyal. Foto disimpan di ponsel ini dan dikirim otomatis saat sinyal '
          + 'kembali (tidak akan terkirim dua kali). Biarkan halaman ini terbuka.';
      if (!navigator.onLine) { page.queue(entry, offlineMessage); return; }
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
        page.queue(entry, offlineMessage);
      };
      var data = new FormData();
      entry.fields.forEach(function (f) { if (f.length === 3) { data.append(f[0], f[1], f[2]); } else { data.append(f[0], f[1]); } });
      xhr.send(data);
    });
  }

  // confirmation: sent now, or kept until the signal returns; its checks run while the officer types
  var confirmForm = document.getElementById('confirm');
  if (confirmForm) {
    page.sendOrQueue(confirmForm, 'konfirmasi', 'Tidak ada sinyal. Konfirmasi disimpan di ponsel ini dan dikirim '
        + 'otomatis saat sinyal kembali; hasil tidak akan terhitung dua kali. Biarkan halaman ini terbuka.');
    self.PemiluChecks.live(confirmForm);
  }
})();
