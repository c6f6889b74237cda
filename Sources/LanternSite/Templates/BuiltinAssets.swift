/// The stylesheet and scripts every site ships, compiled into the binary.
/// `templates/style.css` in a workspace replaces the stylesheet.
enum BuiltinAssets {
    /// Colours meet WCAG 2.2 AA contrast (4.5:1 for text) in both light and dark schemes.
    static let stylesheet = #"""
    :root {
      --bg: #ffffff; --fg: #1b1b1f; --muted: #4a4a55; --accent: #0b5cad; --accent-fg: #ffffff;
      --panel: #f3f4f7; --border: #c9ccd6; --notice-bg: #fff4e0; --notice-border: #a35a00;
      --ok: #1a6b32; --bad: #a4161a; --warn: #7a4d00; --focus: #c2410c;
    }
    @media (prefers-color-scheme: dark) {
      :root {
        --bg: #16171b; --fg: #ecedf1; --muted: #b9bcc8; --accent: #8cc4ff; --accent-fg: #0d1a29;
        --panel: #22242b; --border: #4a4d58; --notice-bg: #3a2a12; --notice-border: #f0b25a;
        --ok: #7ddc95; --bad: #ff9a9c; --warn: #f5c46b; --focus: #ffb374;
      }
    }
    *, *::before, *::after { box-sizing: border-box; }
    html { -webkit-text-size-adjust: 100%; }
    body { margin: 0; background: var(--bg); color: var(--fg);
      font: 1.0625rem/1.6 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; }
    .wrap { max-width: 46rem; margin: 0 auto; padding: 0 1rem; }
    a { color: var(--accent); text-underline-offset: 0.15em; }
    a:hover { text-decoration-thickness: 2px; }
    :focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
    main:focus { outline: none; }
    .skip-link { position: absolute; left: 0.5rem; top: -10rem; background: var(--accent); color: var(--accent-fg);
      padding: 0.5rem 1rem; z-index: 10; }
    .skip-link:focus { top: 0.5rem; }
    .site-header { border-bottom: 1px solid var(--border); background: var(--panel); }
    .site-header .wrap { display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; align-items: center; padding-top: 0.75rem; padding-bottom: 0.75rem; }
    .site-title { margin: 0; font-weight: 700; }
    .site-title a { color: var(--fg); text-decoration: none; }
    .site-header nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: 1rem; margin: 0; padding: 0; }
    .site-header nav a[aria-current="page"] { font-weight: 700; }
    .search-form { display: flex; gap: 0.25rem; align-items: center; margin-left: auto; }
    .search-form label { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
    input[type="search"] { font: inherit; padding: 0.3rem 0.5rem; border: 1px solid var(--muted); border-radius: 4px;
      background: var(--bg); color: var(--fg); min-width: 0; }
    textarea { max-width: 100%; box-sizing: border-box; }
    button, .button { font: inherit; padding: 0.35rem 0.9rem; border: 1px solid var(--accent); border-radius: 4px;
      background: var(--accent); color: var(--accent-fg); cursor: pointer; text-decoration: none; display: inline-block; }
    main { padding: 1.5rem 0 3rem; }
    h1, h2, h3, h4 { line-height: 1.25; }
    h1 { font-size: 2rem; margin: 0.5rem 0 0.75rem; }
    .lead { font-size: 1.2rem; color: var(--muted); }
    .meta, .eyebrow { color: var(--muted); font-size: 0.95rem; }
    .eyebrow { margin: 0; text-transform: uppercase; letter-spacing: 0.05em; }
    .facts { display: flex; flex-wrap: wrap; gap: 0.5rem 2rem; list-style: none; padding: 0; }
    .module-list, .outline { padding-left: 1.5rem; }
    .module-list h3, .outline h2 { font-size: 1.15rem; margin: 1.25rem 0 0.25rem; }
    .crisis-notice { border: 2px solid var(--notice-border); background: var(--notice-bg); padding: 0.5rem 1rem; border-radius: 6px; margin: 1rem 0; }
    .crisis-notice h2 { font-size: 1.15rem; margin: 0.5rem 0; }
    .toc, .outcomes, .assessments { background: var(--panel); border-radius: 6px; padding: 0.25rem 1rem 0.5rem; margin: 1rem 0; }
    .toc h2, .outcomes h2, .assessments h2 { font-size: 1.1rem; }
    .content img { max-width: 100%; height: auto; }
    pre { background: var(--panel); padding: 0.75rem; overflow-x: auto; border-radius: 4px; }
    code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 0.92em; }
    blockquote { margin: 1rem 0; padding: 0 1rem; border-left: 4px solid var(--border); color: var(--muted); }
    table { border-collapse: collapse; }
    th, td { border: 1px solid var(--border); padding: 0.25rem 0.5rem; }
    .pager ul { list-style: none; display: flex; justify-content: space-between; gap: 1rem; padding: 0; margin: 2rem 0 0; flex-wrap: wrap; }
    .pager .next { margin-left: auto; text-align: right; }
    .pager span { display: block; color: var(--muted); font-size: 0.9rem; }
    .credential-facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; }
    .credential-facts dt { font-weight: 600; }
    .credential-facts dd { margin: 0; overflow-wrap: anywhere; }
    .verdict { border: 2px solid var(--border); border-radius: 6px; padding: 0.5rem 1rem; margin: 1rem 0; overflow-wrap: anywhere; }
    .verdict[data-verdict="valid"] { border-color: var(--ok); }
    .verdict[data-verdict="expired"], .verdict[data-verdict="suspended"] { border-color: var(--warn); }
    .verdict[data-verdict="revoked"], .verdict[data-verdict="invalid"] { border-color: var(--bad); }
    .verdict .headline { font-size: 1.25rem; font-weight: 700; }
    .step-pass { color: var(--ok); } .step-fail { color: var(--bad); } .step-warn { color: var(--warn); }
    .search-results li { margin-bottom: 1rem; }
    .site-footer { border-top: 1px solid var(--border); color: var(--muted); font-size: 0.95rem; padding: 1rem 0 2rem; }
    @media (max-width: 40rem) {
      h1 { font-size: 1.6rem; }
      .search-form { margin-left: 0; width: 100%; }
      .search-form input { flex: 1; }
      .credential-facts { grid-template-columns: 1fr; }
    }
    @media print {
      :root { --bg: #fff; --fg: #000; --muted: #333; --accent: #000; --panel: #fff; }
      .skip-link, .site-header nav, .search-form, .pager, #verify-again, .toc { display: none; }
      body { font-size: 11pt; }
      .wrap { max-width: none; }
      .content a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 0.9em; }
      h1, h2, h3 { break-after: avoid; }
      pre, blockquote, .crisis-notice { break-inside: avoid; }
    }

    """#

    /// Client-side search over `search-index.js` (`window.LANTERN_SEARCH`).
    static let searchScript = #"""
    "use strict";
    (function () {
      var input = document.getElementById("search-query");
      var results = document.getElementById("search-results");
      if (!input || !results || !window.LANTERN_SEARCH) { return; }
      var index = window.LANTERN_SEARCH;
      function words(text) { return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(function (w) { return w.length > 0; }); }
      function el(name, text) { var e = document.createElement(name); if (text) { e.textContent = text; } return e; }
      function score(entry, terms) {
        var total = 0;
        for (var i = 0; i < terms.length; i++) {
          var term = terms[i], best = 0;
          if (entry.tl.indexOf(term) >= 0) { best = 10; }
          else if (entry.hl.indexOf(term) >= 0) { best = 5; }
          else if (entry.sl.indexOf(term) >= 0) { best = 3; }
          else if (entry.w.some(function (w) { return w.indexOf(term) === 0; })) { best = 1; }
          if (best === 0) { return 0; }
          total += best;
        }
        return total;
      }
      index.forEach(function (entry) {
        entry.tl = entry.t.toLowerCase(); entry.sl = entry.s.toLowerCase();
        entry.hl = entry.h.map(function (h) { return h[0]; }).join(" ").toLowerCase();
        entry.w = entry.x.split(" ");
      });
      function run() {
        var query = input.value.trim();
        results.textContent = "";
        if (!query) { return; }
        var terms = words(query);
        var found = index.map(function (entry, i) { return { entry: entry, score: score(entry, terms), order: i }; })
          .filter(function (r) { return r.score > 0; })
          .sort(function (a, b) { return b.score - a.score || a.order - b.order; });
        results.appendChild(el("p", found.length === 0 ? "No modules match \u201c" + query + "\u201d." :
          found.length + (found.length === 1 ? " module matches" : " modules match") + " \u201c" + query + "\u201d."));
        var list = el("ol"); list.className = "search-results";
        found.slice(0, 50).forEach(function (r) {
          var item = el("li"), title = el("a", r.entry.t);
          title.href = "../" + r.entry.u;
          var heading = el("h2"); heading.appendChild(title); item.appendChild(heading);
          item.appendChild(el("p", r.entry.s));
          var sections = r.entry.h.filter(function (h) { var l = h[0].toLowerCase(); return terms.some(function (t) { return l.indexOf(t) >= 0; }); });
          if (sections.length > 0) {
            var sub = el("ul");
            sections.slice(0, 5).forEach(function (h) { var li = el("li"), a = el("a", h[0]); a.href = "../" + r.entry.u + "#" + h[1]; li.appendChild(a); sub.appendChild(li); });
            item.appendChild(sub);
          }
          list.appendChild(item);
        });
        results.appendChild(list);
      }
      var params = new URLSearchParams(window.location.search);
      if (params.get("q")) { input.value = params.get("q"); run(); }
      input.form.addEventListener("submit", function (event) {
        event.preventDefault();
        var url = new URL(window.location.href); url.searchParams.set("q", input.value); history.replaceState(null, "", url);
        run();
      });
    })();

    """#

    /// Fetches the published files and shows what `lanternVerify` says: valid, not valid (with
    /// the failing step) or cannot check (a file could not be fetched, or the page is not in a
    /// secure context) with what to do. Also runs the holder check. On the paste page the verdict
    /// shown is always that of the text in the field: editing it withdraws the verdict, and only
    /// the latest check shows its result.
    static let verifyPageScript = #"""
    "use strict";
    (function () {
      var box = document.getElementById("verification");
      var again = document.getElementById("verify-again");
      if (!box) { return; }
      var labels = { valid: "Valid", expired: "Not valid: expired", "not-yet-valid": "Not valid: not yet valid", revoked: "Not valid: revoked",
                     suspended: "Not valid: suspended", invalid: "Not valid", unverifiable: "Cannot check: unsupported proof",
                     "cannot-check": "Cannot check" };
      var explanations = {
        valid: "The signature is the issuer's and the certificate has not been revoked, suspended or expired.",
        expired: "The certificate was genuine but its validity period has ended.",
        "not-yet-valid": "The certificate's validity period has not started yet.",
        revoked: "The issuer has revoked this certificate. Do not rely on it.",
        suspended: "The issuer has suspended this certificate. Do not rely on it while it is suspended.",
        invalid: "This certificate failed a check (see the failing step below): do not rely on it.",
        unverifiable: "The certificate carries a kind of proof this page cannot check. It is neither confirmed nor refuted.",
        "cannot-check": "This page could not reach a verdict: it is neither confirmed nor refuted. See what to do below."
      };
      var checked = null;
      function el(name, text) { var e = document.createElement(name); if (text) { e.textContent = text; } return e; }
      function show(result) {
        box.textContent = "";
        var verdict = labels.hasOwnProperty(result.verdict) ? result.verdict : "invalid";
        box.setAttribute("data-verdict", verdict);
        var head = el("p", labels[verdict] + (verdict === "invalid" && result.failingStep ? " (failed at: " + result.failingStep + ")" : ""));
        head.className = "headline"; box.appendChild(head);
        box.appendChild(el("p", explanations[verdict]));
        if (result.toDo && result.toDo.length) {
          var todo = el("ul"); todo.className = "to-do";
          result.toDo.forEach(function (item) { todo.appendChild(el("li", "To check it: " + item)); });
          box.appendChild(todo);
        }
        var list = el("ul");
        (result.steps || []).forEach(function (step) {
          var item = el("li"), status = el("strong", String(step.status).toUpperCase());
          status.className = "step-" + step.status;
          item.appendChild(status);
          item.appendChild(document.createTextNode(" " + step.name + (step.detail ? ": " + step.detail : "")));
          list.appendChild(item);
        });
        box.appendChild(list);
      }
      // A file that cannot be fetched is null: the verifier then says "cannot check", never "not valid".
      function text(url) {
        return fetch(url, { cache: "no-store" }).then(function (response) {
          if (!response.ok) { return null; }
          return response.text();
        }).catch(function () { return null; });
      }
      var pasted = box.dataset.paste ? document.getElementById(box.dataset.paste) : null;
      function credential() {
        if (pasted) { return Promise.resolve(pasted.value); }
        return text(box.dataset.credential);
      }
      // Each check has a number; only the latest one may show its verdict, so a slower earlier
      // check (other text, pasted before) never puts its verdict beside the text now in the field.
      var latest = 0;
      function check() {
        var run = ++latest;
        function showLatest(result) { if (run === latest) { show(result); } }
        box.setAttribute("data-verdict", "pending");
        box.textContent = "Checking…";
        if (!window.isSecureContext || !(window.crypto && window.crypto.subtle)) {
          showLatest({ verdict: "cannot-check", toDo: ["open this page from the issuer's https:// address, or download the credential and run 'lantern cert verify credential.jwt --issuer issuer.json --status list.jwt'"],
                 steps: [{ name: "browser", status: "warn", detail: "cannot check: this page is not in a secure context (opened from a file or plain http), so the browser offers no WebCrypto to check signatures" }] });
          return;
        }
        Promise.all([credential(), text(box.dataset.issuer), text(box.dataset.statusList), box.dataset.keys ? text(box.dataset.keys) : Promise.resolve(null)])
          .then(function (files) {
            if (files[0] === null || !files[0].trim()) {
              return { verdict: "cannot-check", toDo: [pasted ? "paste the text of the certificate's credential.jwt file" : "download credential.jwt from the issuer's site and check it with 'lantern cert verify'"],
                       steps: [{ name: "download", status: "warn", detail: pasted ? "cannot check: nothing was pasted" : "cannot check: the credential file could not be fetched" }] };
            }
            return lanternVerify(files[0].trim(), files[1], files[2], files[3]);
          })
          .then(function (result) { if (run === latest) { checked = result; } showLatest(result); })
          .catch(function (error) {
            showLatest({ verdict: "cannot-check", toDo: ["reload the page, or check the credential with 'lantern cert verify'"],
                   steps: [{ name: "browser", status: "warn", detail: "cannot check: " + String(error && error.message || error) }] });
          });
      }
      if (pasted) {
        var form = document.getElementById("paste-form");
        if (form) { form.addEventListener("submit", function (event) { event.preventDefault(); check(); }); }
        // A verdict belongs to the text it checked: changing the text withdraws it (and any check
        // still running) until Verify is pressed again.
        pasted.addEventListener("input", function () {
          latest++;
          if (box.getAttribute("data-verdict") === "pending" && box.textContent !== "Checking…") { return; }
          box.setAttribute("data-verdict", "pending");
          box.textContent = "Press Verify to check the text above.";
        });
        return;
      }
      var form = document.getElementById("holder-form");
      var answer = document.getElementById("holder-result");
      if (form && answer) {
        form.addEventListener("submit", function (event) {
          event.preventDefault();
          var email = document.getElementById("holder-email").value;
          var credential = checked && checked.credential;
          var run = credential ? Promise.resolve(credential) : text(box.dataset.credential).then(function (jwt) {
            if (jwt === null) { return null; }
            return lanternVerify(jwt, null, null, null).then(function (r) { return r.credential; });
          });
          run.then(function (found) {
            if (!found) { answer.setAttribute("data-holder", "cannot-check"); answer.textContent = "Cannot check: the credential could not be read."; return; }
            return lanternCheckHolder(found, email).then(function (r) {
              answer.setAttribute("data-holder", r.status);
              answer.textContent = r.status === "pass" ? "Matches: this certificate was issued to that email address."
                : r.status === "fail" ? "Does not match: this certificate was not issued to that email address."
                : "Cannot check: " + r.detail;
            });
          });
        });
      }
      if (again) { again.addEventListener("click", check); }
      check();
    })();

    """#

    /// The home page's "verify a certificate" box: an id opens that certificate's page when this
    /// site publishes it (otherwise says so and asks for the credential itself); a pasted
    /// credential is verified here, in the browser, against this site's issuer files.
    static let verifyHomeScript = #"""
    "use strict";
    (function () {
      var form = document.getElementById("verify-form");
      var input = document.getElementById("verify-input");
      var out = document.getElementById("verify-result");
      if (!form || !input || !out) { return; }
      var labels = { valid: "Valid", expired: "Not valid: expired", "not-yet-valid": "Not valid: not yet valid", revoked: "Not valid: revoked",
                     suspended: "Not valid: suspended", invalid: "Not valid", unverifiable: "Cannot check: unsupported proof", "cannot-check": "Cannot check" };
      function say(verdict, lines) {
        out.textContent = "";
        out.setAttribute("data-verdict", verdict);
        var head = document.createElement("p"); head.className = "headline"; head.textContent = labels[verdict] || verdict; out.appendChild(head);
        var list = document.createElement("ul");
        lines.forEach(function (line) { var item = document.createElement("li"); item.textContent = line; list.appendChild(item); });
        out.appendChild(list);
      }
      function text(url) {
        return fetch(url, { cache: "no-store" }).then(function (r) { return r.ok ? r.text() : null; }).catch(function () { return null; });
      }
      function loadVerifier() {
        if (typeof lanternVerify === "function") { return Promise.resolve(true); }
        return new Promise(function (resolve) {
          var script = document.createElement("script");
          script.src = "assets/verify.js";
          script.onload = function () { resolve(typeof lanternVerify === "function"); };
          script.onerror = function () { resolve(false); };
          document.head.appendChild(script);
        });
      }
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        var value = input.value.trim();
        if (/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/.test(value) && value.indexOf(".") < 0) {
          text("credentials/" + encodeURIComponent(value) + "/credential.jwt").then(function (found) {
            if (found !== null) { window.location.href = "credentials/" + encodeURIComponent(value) + "/"; return; }
            say("cannot-check", ["Certificate " + value + " is not published here. Ask the holder for the credential itself (the file credential.jwt) and paste its text above."]);
          });
          return;
        }
        if (!window.isSecureContext || !(window.crypto && window.crypto.subtle)) {
          say("cannot-check", ["This page is not in a secure context, so the browser cannot check signatures: open it from its https:// address, or use 'lantern cert verify'."]);
          return;
        }
        loadVerifier().then(function (ready) {
          if (!ready) { say("cannot-check", ["This site publishes no certificate verifier: check the credential with 'lantern cert verify'."]); return; }
          return Promise.all([text("issuer.json"), text("status/list.jwt"), text("jwks.json")]).then(function (files) {
            return lanternVerify(value, files[0], files[1], files[2]);
          }).then(function (result) {
            var lines = (result.toDo || []).map(function (item) { return "To check it: " + item; });
            if (result.failingStep) { lines.push("Failed at: " + result.failingStep); }
            (result.steps || []).forEach(function (step) { lines.push(String(step.status).toUpperCase() + " " + step.name + ": " + step.detail); });
            say(result.verdict, lines);
          });
        });
      });
    })();

    """#
}
