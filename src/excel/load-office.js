/* global window, document */
/*
 * Loads office.js into the task pane only when the page runs inside an Office host.
 *
 * Inside Office, the task pane needs office.js from Microsoft's CDN
 * (https://appsforoffice.microsoft.com/lib/1/hosted/office.js: "Referencing the Office JavaScript API
 * library", learn.microsoft.com/office/dev/add-ins/develop/referencing-the-javascript-api-for-office-library-from-its-cdn).
 * Opened in a plain browser (the file mode), the page must make no request at all, so a static
 * <script src="https://appsforoffice…"> is not possible there.
 *
 * This script decides by the same host information office.js itself looks for (office.js 1.1.110,
 * `_retrieveHostInfo`): `agaveHost.GetHostInfo()` / `window.external.GetHostInfo()` (older Windows and
 * Mac hosts), the `_host_Info` query parameter Office appends to the pane's URL (Excel on the web,
 * Windows WebView2, Mac), `window.name` as JSON with `hostInfo`, and sessionStorage `hostInfoValue`
 * (kept by office.js across navigations). Without any of them office.js would report no host
 * (`Office.onReady` → host null) anyway, so nothing is lost by not loading it.
 *
 * Found: office.js is written into the document with document.write while the <head> is parsed — a
 * parser-blocking script exactly like a static tag, so it runs before the deferred app bundle (which
 * then sees `Office` defined as before). Not found: nothing is requested.
 *
 * The script URL comes from this tag's data-office-js attribute (the CDN, or "office.js" in the
 * opt-in local build: webpack.config.js, `--env officejs=local`). Plain ES5, no module: it runs as is.
 */
(function () {
  'use strict';

  /** The host information office.js would find in this window, or '' when none. */
  function officeHostInfo(win) {
    try {
      if (win.agaveHost && typeof win.agaveHost.GetHostInfo === 'function') {
        var a = win.agaveHost.GetHostInfo();
        if (a) return String(a);
      }
    } catch {
      /* not this host */
    }
    try {
      var ext = win.external;
      if (ext && typeof ext.GetHostInfo === 'function') {
        var x = ext.GetHostInfo();
        if (x) return String(x);
      }
    } catch {
      /* not this host */
    }
    var search = (win.location && win.location.search) || '';
    var at = search.indexOf('_host_Info=');
    if (at >= 0) {
      var v = search.slice(at + '_host_Info='.length).split(/[&#]/)[0];
      if (v) return v;
    }
    try {
      var n = win.name ? JSON.parse(win.name) : null;
      if (n && typeof n === 'object' && n.hostInfo) return String(n.hostInfo);
    } catch {
      /* window.name is not office.js's JSON */
    }
    try {
      var s = win.sessionStorage && win.sessionStorage.getItem('hostInfoValue');
      if (s) return String(s);
    } catch {
      /* storage blocked */
    }
    return '';
  }

  var self = typeof document !== 'undefined' ? document.currentScript : null;
  var src =
    (self && self.getAttribute('data-office-js')) || 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
  if (typeof module !== 'undefined' && module.exports) {
    // Unit tests (test/excel/load-office.test.ts) import the decision.
    module.exports = { officeHostInfo: officeHostInfo, DEFAULT_SRC: src };
    return;
  }
  if (officeHostInfo(window)) {
    document.write('<script src="' + src.replace(/"/g, '&quot;') + '"></' + 'script>');
  }
})();
