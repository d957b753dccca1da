// Runs first thing in <body> (a static file, because the Content Security
// Policy forbids inline scripts): tells GOV.UK Frontend's CSS that JavaScript
// is on, and whether the browser supports ES modules.
document.body.className +=
  " js-enabled" + ("noModule" in HTMLScriptElement.prototype ? " govuk-frontend-supported" : "");
