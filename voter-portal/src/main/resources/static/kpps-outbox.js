/*
 * Pemilu dalam genggaman: the phone's outbox. A C.Hasil upload or confirmation that could not reach the portal (no
 * signal) is kept in IndexedDB with the Idempotency-Key made on this phone, and sent again when the connection
 * returns. Sending the same entry twice is harmless: recap-service answers a repeated key with the first result, so
 * nothing is ever counted twice. Used by kpps.js (the page) and sw.js (the service worker).
 */
(function (scope) {
  'use strict';
  var DB = 'pemilu-kpps';
  var STORE = 'outbox';

  function open() {
    return new Promise(function (resolve, reject) {
      var request = indexedDB.open(DB, 1);
      request.onupgradeneeded = function () { request.result.createObjectStore(STORE, {keyPath: 'id'}); };
      request.onsuccess = function () { resolve(request.result); };
      request.onerror = function () { reject(request.error); };
    });
  }

  function run(mode, work) {
    return open().then(function (db) {
      return new Promise(function (resolve, reject) {
        var tx = db.transaction(STORE, mode);
        var result = work(tx.objectStore(STORE));
        tx.oncomplete = function () { db.close(); resolve(result && 'result' in result ? result.result : undefined); };
        tx.onerror = function () { db.close(); reject(tx.error); };
      });
    });
  }

  /** A v4 UUID made on this phone (crypto.randomUUID needs a secure context; getRandomValues does not). */
  function newKey() {
    if (scope.crypto && scope.crypto.randomUUID) {
      try { return scope.crypto.randomUUID(); } catch (e) { /* not a secure context */ }
    }
    var b = new Uint8Array(16);
    scope.crypto.getRandomValues(b);
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    var h = Array.prototype.map.call(b, function (x) { return (x + 0x100).toString(16).slice(1); }).join('');
    return h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20);
  }

  /** An entry from a form: its action and every field (files as Blobs), keyed by its Idempotency-Key. */
  function fromForm(form, label) {
    var fields = [];
    new FormData(form).forEach(function (value, name) {
      fields.push(value instanceof Blob ? [name, value, value.name || 'foto.jpg'] : [name, value]);
    });
    var key = form.querySelector('input[name=idempotencyKey]');
    return {id: key ? key.value : newKey(), url: form.action, fields: fields, label: label, createdAt: Date.now()};
  }

  function body(entry) {
    var data = new FormData();
    entry.fields.forEach(function (f) {
      if (f.length === 3) { data.append(f[0], f[1], f[2]); } else { data.append(f[0], f[1]); }
    });
    return data;
  }

  /** Sends one entry; resolves with the response (any HTTP status), rejects only when the network failed. */
  function send(entry) {
    return fetch(entry.url, {method: 'POST', body: body(entry), credentials: 'same-origin', redirect: 'follow'});
  }

  var flushing = null;

  /** Sends every waiting entry; an entry that got an answer leaves the outbox. Calls onSent(entry, response). */
  function flush(onSent) {
    if (flushing) { return flushing; }
    flushing = all().then(function (entries) {
      return entries.reduce(function (chain, entry) {
        return chain.then(function () {
          return send(entry).then(function (response) {
            return remove(entry.id).then(function () { if (onSent) { return onSent(entry, response); } });
          }, function () { /* still no signal: keep it */ });
        });
      }, Promise.resolve());
    }).then(function () { flushing = null; }, function (e) { flushing = null; throw e; });
    return flushing;
  }

  function add(entry) { return run('readwrite', function (s) { return s.put(entry); }); }
  function remove(id) { return run('readwrite', function (s) { return s.delete(id); }); }
  function all() { return run('readonly', function (s) { return s.getAll(); }); }

  scope.PemiluOutbox = {newKey: newKey, fromForm: fromForm, add: add, remove: remove, all: all, send: send,
    flush: flush};
})(self);
