/*
 * Pemilu dalam genggaman: the page side of the phone's outbox (kpps-outbox.js), shared by the KPPS pages (kpps.js)
 * and the Desk Pilkada reporter's page (desk.js). It makes the Idempotency-Key of every form on the phone, registers
 * the service worker, and sends what waits in the outbox whenever the connection is back (and every 5 s while this
 * page waits for an answer). A page puts a form in the outbox with PemiluOutboxPage.queue(entry, message); when that
 * entry is sent, its answer replaces the page.
 */
(function (scope) {
  'use strict';
  var outbox = scope.PemiluOutbox;
  var statusBox = document.getElementById('outbox-status');
  var waiting = null; // the entry this page queued: when it is sent, show its answer

  function say(text) {
    if (statusBox) { statusBox.hidden = !text; statusBox.textContent = text || ''; }
  }

  function show(response) {
    if (response.redirected) { location.assign(response.url); return; }
    return response.text().then(function (html) { document.open(); document.write(html); document.close(); });
  }

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

  /**
   * A form sent now, or kept in the phone until the signal returns (its answer then replaces the page); the button
   * is disabled while it is on its way.
   */
  function sendOrQueue(form, name, offlineMessage) {
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var entry = outbox.fromForm(form, name);
      var button = form.querySelector('button[type=submit]');
      button.disabled = true;
      var sent = navigator.onLine ? outbox.send(entry) : Promise.reject(new Error('offline'));
      sent.then(show, function () { return queue(entry, offlineMessage); })
          .then(function () { button.disabled = false; });
    });
  }

  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register('/sw.js').catch(function () { /* the forms work without it */ });
  }

  // keys made on this phone
  Array.prototype.forEach.call(document.querySelectorAll('form input[name=idempotencyKey]'), function (input) {
    input.value = outbox.newKey();
  });

  window.addEventListener('online', flush);
  setInterval(function () { if (waiting || navigator.onLine) { flush(); } }, 5000);
  flush();

  scope.PemiluOutboxPage = {say: say, show: show, queue: queue, sendOrQueue: sendOrQueue};
})(self);
