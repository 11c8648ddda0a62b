/*
 * A form photo turned and zoomed in place (the PPK's TPS review, the desk's view of a quick report). Without this
 * script the same links reload the page with ?putar=…&perbesar=…; with it they change the picture at once. Markup:
 * .photo-tools (links with data-photo-action rotate / zoom-in / zoom-out) followed by .photo-frame holding img.c1
 * with classes rot-N and zoom-N, then optionally a note with .rot-label and .zoom-label.
 */
(function () {
  'use strict';
  Array.prototype.forEach.call(document.querySelectorAll('.photo-tools'), function (tools) {
    var frame = tools.nextElementSibling;
    var img = frame && frame.querySelector('img.c1');
    if (!img) { return; }
    var rotate = parseInt((img.className.match(/rot-(\d+)/) || [0, 0])[1], 10);
    var zoom = parseInt((img.className.match(/zoom-(\d)/) || [0, 1])[1], 10);
    var note = frame.nextElementSibling;
    function apply() {
      img.className = img.className.replace(/\s*rot-\d+/, '').replace(/\s*zoom-\d/, '')
          + ' rot-' + rotate + ' zoom-' + zoom;
      if (note) {
        var r = note.querySelector('.rot-label'); if (r) { r.textContent = rotate; }
        var z = note.querySelector('.zoom-label'); if (z) { z.textContent = zoom; }
      }
    }
    tools.addEventListener('click', function (event) {
      var link = event.target.closest('a[data-photo-action]');
      if (!link) { return; }
      event.preventDefault();
      var action = link.getAttribute('data-photo-action');
      if (action === 'rotate') { rotate = (rotate + 90) % 360; }
      if (action === 'zoom-in') { zoom = Math.min(3, zoom + 1); }
      if (action === 'zoom-out') { zoom = Math.max(1, zoom - 1); }
      apply();
    });
  });
})();
