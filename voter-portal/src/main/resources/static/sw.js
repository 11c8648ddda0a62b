/*
 * Pemilu dalam genggaman service worker: keeps the app's own files so the KPPS pages open and the app can be
 * installed. It never caches pages with results or drafts (always from the network) and never touches posts:
 * uploads and confirmations that find no signal wait in the phone's outbox (kpps-outbox.js) and kpps.js sends them
 * when the connection returns.
 */
'use strict';
var CACHE = 'pemilu-app-v2';
var FILES = ['/portal.css', '/kpps.js', '/kpps-outbox.js', '/manifest.webmanifest', '/icon-192.png', '/icon-512.png',
  '/offline.html', '/desk.js', '/desk.css', '/outbox-page.js', '/form-checks.js', '/photo-tools.js'];

self.addEventListener('install', function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) { return cache.addAll(FILES); })
      .then(function () { return self.skipWaiting(); }));
});

self.addEventListener('activate', function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) { return k !== CACHE; }).map(function (k) { return caches.delete(k); }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener('fetch', function (event) {
  var request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) { return; }
  var path = new URL(request.url).pathname;
  if (FILES.indexOf(path) >= 0) {
    // the app's files: fresh when there is signal, from the phone when there is none
    event.respondWith(fetch(request).then(function (response) {
      var copy = response.clone();
      caches.open(CACHE).then(function (cache) { cache.put(request, copy); });
      return response;
    }).catch(function () { return caches.match(request); }));
  } else if (request.mode === 'navigate') {
    event.respondWith(fetch(request).catch(function () { return caches.match('/offline.html'); }));
  }
});
