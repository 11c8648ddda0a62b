/*
 * The C.Hasil arithmetic checks evaluated while someone types: the KPPS officer's draft (kpps.js) and the PPK's
 * correction (rekap.js). The rules are recap-service's, sent by the portal as data (FormChecks, in a
 * <script type="application/json" id="rules">); the server checks again when the form is sent. Each failing sum is
 * said in words ("jumlah suara sah 206 ≠ 103 + 0 + 102") and its field marked aria-invalid.
 */
(function (scope) {
  'use strict';

  function live(form) {
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
  }

  scope.PemiluChecks = {live: live};
})(self);
