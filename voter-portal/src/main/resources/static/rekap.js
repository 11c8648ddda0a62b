/*
 * Reconciliation desk (PPK/KPU). Everything works without scripts (links and plain forms); with them the photo turns
 * and zooms in place (photo-tools.js) and the arithmetic checks of a correction run while the officer types
 * (form-checks.js; the portal and recap-service check again when the correction is sent).
 */
(function () {
  'use strict';
  self.PemiluChecks.live(document.getElementById('correct'));
})();
