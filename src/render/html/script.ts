// The one inline script of the report. It only enhances: without it the tables are plain tables and
// plan pages open through CSS :target. Listeners are attached here; the markup has no on…= attributes.
// Written without // comments so that nothing in the page looks like a protocol-relative URL.
import { TABLE_SCRIPT } from './table.js';

const NAV_SCRIPT = `
  var baseTitle = document.title;
  function showFromHash() {
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id ? document.getElementById(id) : null;
    var page = target ? target.closest('.plan-page') : null;
    Array.prototype.forEach.call(document.querySelectorAll('.plan-page.open'), function (p) {
      if (p !== page) p.classList.remove('open');
    });
    document.body.classList.toggle('viewing-plan', !!page);
    if (page) {
      page.classList.add('open');
      document.title = (page.getAttribute('data-label') || '') + ' \\u00B7 ' + baseTitle;
      if (target === page) window.scrollTo(0, 0);
      else target.scrollIntoView({ block: 'center' });
    } else {
      document.title = baseTitle;
    }
  }
  window.addEventListener('hashchange', showFromHash);
  showFromHash();
`;

export const PAGE_SCRIPT = `(function () {
  'use strict';
${TABLE_SCRIPT}
${NAV_SCRIPT}
})();
`;
