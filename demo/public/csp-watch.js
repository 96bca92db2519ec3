// Shows every Content-Security-Policy violation on the page (strict-csp.html), so a person and
// the end-to-end test can see that the widget needs nothing the policy forbids. Keeps the list
// in memory only (no storage, no network): window.aftercareCspViolations.
(function () {
  var violations = (window.aftercareCspViolations = []);
  function show() {
    var out = document.getElementById('csp-report');
    if (!out) return;
    out.textContent = 'CSP-overtredingen: ' + violations.length +
      violations.map(function (v) { return '\n• ' + v; }).join('');
    out.className = violations.length ? 'result failed' : 'result';
  }
  document.addEventListener('securitypolicyviolation', function (e) {
    violations.push(e.violatedDirective + ' — ' + (e.blockedURI || 'inline') + (e.sourceFile ? ' (' + e.sourceFile + ':' + e.lineNumber + ')' : ''));
    show();
  });
  document.addEventListener('DOMContentLoaded', show);
})();
