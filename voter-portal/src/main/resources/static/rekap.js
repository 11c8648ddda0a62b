/*
 * Reconciliation desk (PPK/KPU). Everything works without this script (links and plain forms); with it:
 * - the photo turns and zooms in place instead of reloading the page (the links stay the same);
 * - the arithmetic checks of a correction run while the officer types (the rules of recap-service, sent by the
 *   portal as data; the portal and recap-service check again when the correction is sent).
 */
(function () {
  'use strict';

  // photo: rotate / zoom in place
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

  // live checks of the correction form
  var form = document.getElementById('correct');
  var rulesElement = document.getElementById('rules');
  if (!form || !rulesElement) { return; }
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
})();
