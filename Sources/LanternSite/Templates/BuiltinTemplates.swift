/// The site's page templates, compiled into the binary. A workspace overrides any of them with
/// `templates/<name>.mustache`; the context each one receives is documented in docs/templates.md.
///
/// Mustache escapes `{{value}}` for HTML; only `{{{content}}}` and `{{{body}}}` (HTML the site
/// itself produced from safe Markdown or another template) are inserted as they are.
enum BuiltinTemplates {
    static let all: [String: String] = [
        "layout": layout, "home": home, "module": module, "outline": outline,
        "crisis": crisis, "search": search, "credential": credential, "achievement": achievement, "verify": verify,
    ]

    /// Verifies a credential its holder pastes: credentials are published on the site only with
    /// the holder's consent, so most are checked here instead (issue 20.6).
    static let verify = #"""
    <article class="credential">
    <h1>Verify a certificate</h1>
    <p class="lead">Paste a certificate issued by {{issuerName}} (the text of its credential.jwt file) to check it.</p>
    <p>Your browser checks the issuer's signature and the current revocation list itself: the certificate is not sent anywhere.</p>
    <form id="paste-form">
    <label for="pasted-credential">The certificate's signed credential</label>
    <textarea id="pasted-credential" rows="8" cols="60" spellcheck="false"></textarea>
    <button type="submit" id="verify-again">Verify</button>
    </form>
    <div id="verification" class="verdict" data-verdict="pending" role="status" aria-live="polite"
         data-paste="pasted-credential" data-issuer="{{root}}issuer.json" data-keys="{{root}}jwks.json" data-status-list="{{root}}status/list.jwt">
    <noscript><p>Verification needs JavaScript. Check the credential with <code>lantern cert verify</code> instead.</p></noscript>
    </div>
    </article>

    """#

    static let layout = #"""
    <!DOCTYPE html>
    <html lang="{{lang}}">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>{{title}} · {{siteTitle}}</title>
    {{#description}}
    <meta name="description" content="{{description}}">
    {{/description}}
    {{#noindex}}
    <meta name="robots" content="noindex, nofollow">
    {{/noindex}}
    <meta name="color-scheme" content="light dark">
    <link rel="stylesheet" href="{{root}}assets/style.css">
    </head>
    <body>
    <a class="skip-link" href="#main">Skip to main content</a>
    <header class="site-header">
    <div class="wrap">
    <p class="site-title"><a href="{{root}}">{{siteTitle}}</a></p>
    <nav aria-label="Site">
    <ul>
    {{#nav}}
    <li><a href="{{root}}{{href}}"{{#current}} aria-current="page"{{/current}}>{{label}}</a></li>
    {{/nav}}
    </ul>
    </nav>
    <form class="search-form" role="search" action="{{root}}search/" method="get">
    <label for="site-search">Search the course</label>
    <input id="site-search" name="q" type="search" autocomplete="off">
    <button type="submit">Search</button>
    </form>
    </div>
    </header>
    <main id="main" tabindex="-1">
    <div class="wrap">
    {{{content}}}
    </div>
    </main>
    <footer class="site-footer">
    <div class="wrap">
    <p><strong>In crisis?</strong> If you or someone with you is in danger, call your local emergency number now. <a href="{{root}}crisis-resources/">Crisis lines</a></p>
    <p>{{organisation}}. This site is a training course, not a crisis or treatment service.</p>
    </div>
    </footer>
    {{#scripts}}
    <script src="{{root}}{{.}}" defer></script>
    {{/scripts}}
    </body>
    </html>

    """#

    static let home = #"""
    <h1>{{program.title}}</h1>
    {{#program.summary}}
    <p class="lead">{{program.summary}}</p>
    {{/program.summary}}
    <ul class="facts">
    <li><strong>{{program.moduleCount}}</strong> modules</li>
    <li><strong>{{program.duration}}</strong> of learning</li>
    {{#certification.practicumHours}}
    <li><strong>{{certification.practicumHours}} hours</strong> of supervised practicum</li>
    {{/certification.practicumHours}}
    </ul>
    <p><a class="button" href="{{firstModule.href}}">Start with {{firstModule.title}}</a> <a href="outline/">See the whole course outline</a></p>
    {{#certification}}
    <section class="verify-box" aria-labelledby="verify-box-heading">
    <h2 id="verify-box-heading">Verify a certificate</h2>
    <form id="verify-form">
    <label for="verify-input">A certificate id (such as 2026-k7m3q9x2), or the credential itself (the text of credential.jwt)</label>
    <textarea id="verify-input" name="certificate" rows="3" required></textarea>
    <button type="submit">Verify</button>
    </form>
    <div id="verify-result" role="status" aria-live="polite"></div>
    </section>
    {{/certification}}
    <section aria-labelledby="modules-heading">
    <h2 id="modules-heading">Modules</h2>
    <ol class="module-list">
    {{#modules}}
    <li>
    <h3><a href="{{href}}">{{title}}</a></h3>
    <p>{{summary}}</p>
    <p class="meta">{{duration}}{{#isCrisis}} · opens with where to get help{{/isCrisis}}</p>
    {{#hasOutcomes}}
    <details>
    <summary>What you will be able to do</summary>
    <ul>
    {{#outcomes}}
    <li>{{text}}</li>
    {{/outcomes}}
    </ul>
    </details>
    {{/hasOutcomes}}
    </li>
    {{/modules}}
    </ol>
    </section>
    {{#certification}}
    <section aria-labelledby="certification-heading">
    <h2 id="certification-heading">How certification works</h2>
    <p>To be certified by {{organisation}} you need to:</p>
    <ul>
    {{#requirements}}
    <li>{{.}}</li>
    {{/requirements}}
    </ul>
    {{#validity}}
    <p>{{validity}}</p>
    {{/validity}}
    {{#renewal}}
    <p>{{renewal}}</p>
    {{/renewal}}
    {{#statement}}
    <p class="note">{{statement}}</p>
    {{/statement}}
    <p>Every certificate has its own page on this site where anyone can check, in their browser, that it is genuine and still valid.</p>
    </section>
    {{/certification}}

    """#

    static let module = #"""
    <article class="module">
    <header class="module-header">
    <p class="eyebrow">Module {{module.position}} of {{module.count}}</p>
    <h1>{{module.title}}</h1>
    <p class="lead">{{module.summary}}</p>
    <p class="meta">Estimated time: {{module.duration}}{{#hasRequires}} · Before this: {{#requires}}<a href="{{href}}">{{title}}</a>{{^last}}, {{/last}}{{/requires}}{{/hasRequires}}</p>
    </header>
    {{#crisisNotice}}
    <aside class="crisis-notice" aria-labelledby="lantern-help-now">
    <h2 id="lantern-help-now">If you need help now</h2>
    {{#lines}}
    <p>{{.}}</p>
    {{/lines}}
    <p><a href="{{root}}crisis-resources/">All crisis lines</a></p>
    </aside>
    {{/crisisNotice}}
    {{#hasOutcomes}}
    <section class="outcomes" aria-labelledby="lantern-outcomes">
    <h2 id="lantern-outcomes">By the end of this module you can</h2>
    <ul>
    {{#outcomes}}
    <li>{{text}}</li>
    {{/outcomes}}
    </ul>
    </section>
    {{/hasOutcomes}}
    {{#hasToc}}
    <nav class="toc" aria-labelledby="lantern-toc">
    <h2 id="lantern-toc">On this page</h2>
    <ol>
    {{#toc}}
    <li><a href="#{{id}}">{{text}}</a>{{#hasChildren}}
    <ol>
    {{#children}}
    <li><a href="#{{id}}">{{text}}</a></li>
    {{/children}}
    </ol>
    {{/hasChildren}}</li>
    {{/toc}}
    </ol>
    </nav>
    {{/hasToc}}
    <div class="content">
    {{{body}}}
    </div>
    {{#hasAssessments}}
    <section class="assessments" aria-labelledby="lantern-assessments">
    <h2 id="lantern-assessments">Assessments</h2>
    <ul>
    {{#assessments}}
    <li>{{kindLabel}}: {{title}}</li>
    {{/assessments}}
    </ul>
    <p>Quizzes are taken with <code>lantern learn</code>; observed-skill checklists with your supervisor.</p>
    </section>
    {{/hasAssessments}}
    <nav class="pager" aria-label="Previous and next module">
    <ul>
    {{#previous}}
    <li class="previous"><a href="{{href}}" rel="prev"><span>Previous</span> {{title}}</a></li>
    {{/previous}}
    {{#next}}
    <li class="next"><a href="{{href}}" rel="next"><span>Next</span> {{title}}</a></li>
    {{/next}}
    </ul>
    </nav>
    </article>

    """#

    static let outline = #"""
    <h1>Course outline</h1>
    <p class="lead">{{program.title}}: {{program.moduleCount}} modules, {{program.duration}} in all.</p>
    <ol class="outline">
    {{#modules}}
    <li>
    <h2><a href="{{href}}">{{title}}</a></h2>
    <p>{{summary}} <span class="meta">({{duration}})</span></p>
    {{#hasSections}}
    <ul>
    {{#sections}}
    <li><a href="{{href}}">{{text}}</a></li>
    {{/sections}}
    </ul>
    {{/hasSections}}
    </li>
    {{/modules}}
    </ol>

    """#

    static let crisis = #"""
    <h1>Crisis resources</h1>
    <p class="lead">If you or someone you are with is in immediate danger, call your local emergency number now.</p>
    <p>These services are free and confidential. Each entry shows when it was last checked.</p>
    {{#groups}}
    <section aria-labelledby="country-{{code}}">
    <h2 id="country-{{code}}">{{label}}</h2>
    <ul class="resources">
    {{#resources}}
    <li>
    <h3>{{service}}</h3>
    <p class="contact">{{contact}}{{#hours}} ({{hours}}){{/hours}}</p>
    {{#hasChannels}}<p class="meta">By {{channels}}</p>{{/hasChannels}}
    {{#url}}<p><a href="{{url}}">{{url}}</a></p>{{/url}}
    <p class="meta">Last checked {{verified}}</p>
    </li>
    {{/resources}}
    </ul>
    </section>
    {{/groups}}
    {{^groups}}
    <p>This organisation has not listed crisis lines yet. Search for the crisis line of your country, or call your local emergency number.</p>
    {{/groups}}

    """#

    static let search = #"""
    <h1>Search</h1>
    <form class="search-page-form" role="search" action="./" method="get">
    <label for="search-query">Search the course</label>
    <input id="search-query" name="q" type="search" autocomplete="off">
    <button type="submit">Search</button>
    </form>
    <div id="search-results" aria-live="polite">
    <noscript><p>Search needs JavaScript. The <a href="../outline/">course outline</a> lists every module and section.</p></noscript>
    </div>

    """#

    /// The page at an achievement's address (the credential's `achievement.id`).
    static let achievement = #"""
    <article class="achievement">
    <img class="badge" src="badge.svg" alt="The badge of {{achievement.name}}" width="160" height="160">
    <h1>{{achievement.name}}</h1>
    <p class="lead">A certificate issued by {{organisation}}.</p>
    {{#achievement.description}}
    <p>{{achievement.description}}</p>
    {{/achievement.description}}
    <section aria-labelledby="criteria-heading">
    <h2 id="criteria-heading">What it certifies</h2>
    <p>{{achievement.criteria}}</p>
    <ul class="facts">
    <li><strong>{{achievement.studyTime}}</strong> of learning in {{achievement.moduleCount}} modules</li>
    {{#achievement.practicumHours}}
    <li><strong>{{achievement.practicumHours}} hours</strong> of supervised practicum</li>
    {{/achievement.practicumHours}}
    {{#achievement.validFor}}
    <li>Valid for <strong>{{achievement.validFor}}</strong>, then renewed with continuing education</li>
    {{/achievement.validFor}}
    </ul>
    </section>
    <section aria-labelledby="modules-heading">
    <h2 id="modules-heading">Modules</h2>
    <ul>
    {{#achievement.modules}}
    <li><a href="{{href}}">{{title}}</a></li>
    {{/achievement.modules}}
    </ul>
    </section>
    <p>A holder's certificate has its own page, linked from the certificate itself, where anyone can check it.
    The peer role supports; it does not diagnose or treat.</p>
    </article>

    """#

    static let credential = #"""
    <article class="credential">
    {{#credential.statusNotice}}
    <div class="status-notice status-{{credential.status}}" role="alert">
    <p class="status-headline">{{credential.statusLabel}}{{#credential.statusDate}} on {{credential.statusDate}}{{/credential.statusDate}}</p>
    <p>{{credential.statusNotice}}</p>
    </div>
    {{/credential.statusNotice}}
    <h1>{{credential.achievementName}}</h1>
    <p class="lead">A certificate issued by {{credential.issuerName}}{{#credential.holderName}} to {{credential.holderName}}{{/credential.holderName}}.</p>
    <dl class="credential-facts">
    <dt>Status when this page was published</dt><dd>{{credential.statusLabel}}{{#credential.statusDate}} ({{credential.statusDate}}){{/credential.statusDate}}</dd>
    <dt>Certificate</dt><dd>{{credential.achievementName}}{{#achievementPage}} — <a href="{{achievementPage}}">what it certifies</a>{{/achievementPage}}</dd>
    {{#credential.holderName}}
    <dt>Holder</dt><dd>{{credential.holderName}}</dd>
    {{/credential.holderName}}
    <dt>Issued by</dt><dd>{{credential.issuerName}}</dd>
    <dt>Issued on</dt><dd>{{credential.issuedOn}}</dd>
    {{#credential.validUntil}}
    <dt>Valid until</dt><dd>{{credential.validUntil}}</dd>
    {{/credential.validUntil}}
    <dt>Certificate id</dt><dd><code>{{credential.id}}</code></dd>
    </dl>
    <section class="verification" aria-labelledby="verify-heading">
    <h2 id="verify-heading">Verify in this browser</h2>
    <p>Your browser checks the issuer's signature and the current status list itself, with no server involved.</p>
    <div id="verification" class="verdict" data-verdict="pending" role="status" aria-live="polite"
         data-credential="credential.jwt" data-issuer="{{root}}issuer.json"{{#keysPublished}} data-keys="{{root}}jwks.json"{{/keysPublished}} data-status-list="{{root}}status/list.jwt">
    <p>Checking…</p>
    <noscript><p>Verification needs JavaScript. Download the credential and check it with <code>lantern cert verify</code>.</p></noscript>
    </div>
    <button type="button" id="verify-again">Check again</button>
    </section>
    <section class="holder-check" aria-labelledby="holder-heading">
    <h2 id="holder-heading">Check who holds it</h2>
    <p>The certificate names its holder by a salted hash of their email address, never the address itself. Type the email the holder gave you: your browser computes the hash and compares. Nothing is sent anywhere.</p>
    <form id="holder-form">
    <label for="holder-email">Holder's email address</label>
    <input id="holder-email" name="email" type="email" autocomplete="off" required>
    <button type="submit">Check the holder</button>
    </form>
    <p id="holder-result" role="status" aria-live="polite"></p>
    </section>
    <section aria-labelledby="files-heading">
    <h2 id="files-heading">Files</h2>
    <ul>
    <li><a href="credential.jwt" download>The signed credential (credential.jwt)</a></li>
    <li><a href="{{root}}issuer.json">The issuer's profile (issuer.json)</a></li>
    {{#keysPublished}}
    <li><a href="{{root}}jwks.json">The issuer's public keys (jwks.json)</a></li>
    {{/keysPublished}}
    <li><a href="{{root}}status/list.jwt">The status list (status/list.jwt)</a></li>
    </ul>
    {{#linkedInURL}}
    <p><a href="{{linkedInURL}}">Add this certificate to a LinkedIn profile</a></p>
    {{/linkedInURL}}
    </section>
    </article>

    """#
}
