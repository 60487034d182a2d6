package org.engagementledger.sample.web;

import org.engagementledger.sample.scenario.Cast;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The dashboard's sign-in page, with the demo users listed (they are public on purpose: this is an evaluation
 * app). Rendered here rather than by Spring Security so that it carries the CSRF token, looks like the
 * dashboard and loads nothing from elsewhere.
 */
@RestController
@ConditionalOnWebApplication
class LoginPage {

    @GetMapping(path = "/login", produces = MediaType.TEXT_HTML_VALUE)
    String login(CsrfToken csrf, @RequestParam(required = false) String error, @RequestParam(name = "signed-out", required = false) String signedOut) {
        StringBuilder users = new StringBuilder();
        for (Cast.DemoUser user : Cast.USERS) {
            users.append("<tr><td><code>").append(e(user.username())).append("</code></td><td><code>").append(e(user.password()))
                    .append("</code></td><td>").append(e(user.actor().role().name())).append("</td><td>")
                    .append(e(user.actor().organisation())).append("</td><td>").append(e(user.description())).append("</td></tr>\n");
        }
        String message = error != null ? "<p class=\"notice bad\" id=\"login-error\">Wrong user name or password.</p>"
                : signedOut != null ? "<p class=\"notice\">Signed out.</p>" : "";
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Sign in · Engagement Ledger</title>
                <link rel="stylesheet" href="/dashboard.css">
                </head>
                <body class="login">
                <main>
                <h1>Engagement Ledger</h1>
                <p class="lead">An accountable record of public-sector consultancy engagements. Sign in as one of the demo users.</p>
                %s
                <form method="post" action="/login" class="card">
                <label>User name <input name="username" id="username" autocomplete="username" autofocus required></label>
                <label>Password <input name="password" id="password" type="password" autocomplete="current-password" required></label>
                <input type="hidden" name="%s" value="%s">
                <button type="submit" id="sign-in">Sign in</button>
                </form>
                <h2>Demo users</h2>
                <p class="muted">For evaluation only: these passwords are published. Every command you send is recorded with your
                user as its actor; the ledger decides by role and organisation what each user may do.</p>
                <table class="users"><thead><tr><th>user</th><th>password</th><th>role</th><th>organisation</th><th>stands for</th></tr></thead>
                <tbody>
                %s</tbody></table>
                </main>
                </body>
                </html>
                """.formatted(message, e(csrf.getParameterName()), e(csrf.getToken()), users);
    }

    private static String e(String text) {
        return HtmlUtils.htmlEscape(text == null ? "" : text);
    }
}
