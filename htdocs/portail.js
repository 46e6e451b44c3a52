/* mod_portail — progressive enhancement only: every page works without this file. */
(function () {
  'use strict';
  document.addEventListener('DOMContentLoaded', function () {
    // After a refused form, take keyboard and screen-reader users to the error summary.
    var summary = document.getElementById('erreurs');
    if (summary) {
      summary.focus();
    }
  });
}());
