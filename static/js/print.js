// Progressive enhancement: a "Print your receipt" button, shown only when
// JavaScript can actually print. Without JavaScript the button stays hidden
// and the browser's own print command still works.
for (const button of document.querySelectorAll("[data-lantern-print]")) {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
}
