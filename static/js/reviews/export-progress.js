// Polls an export job's JSON status and updates the page; without JavaScript
// the page offers a plain refresh link instead. No inline script (CSP).
const POLL_MS = 1500;

function start(root) {
  const url = root.dataset.exportStatus;
  const state = root.querySelector("[data-export-state]");
  const percent = root.querySelector("[data-export-percent]");
  const bar = root.querySelector("[data-export-progress]");
  const download = root.querySelector("[data-export-download]");
  const refresh = root.querySelector("[data-export-refresh]");

  async function poll() {
    let data;
    try {
      const response = await fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } });
      if (!response.ok) return;
      data = await response.json();
    } catch {
      window.setTimeout(poll, POLL_MS * 2);
      return;
    }
    state.textContent = data.state_label;
    percent.textContent = String(data.progress);
    bar.value = data.progress;
    bar.textContent = `${data.progress}%`;
    if (data.state === "done" && data.download_url) {
      download.hidden = false;
      if (refresh) refresh.hidden = true;
      return;
    }
    if (data.state === "failed") {
      if (refresh) refresh.hidden = true;
      return;
    }
    window.setTimeout(poll, POLL_MS);
  }

  if (!["Ready", "Failed"].includes(state.textContent.trim())) {
    window.setTimeout(poll, POLL_MS);
  }
}

document.querySelectorAll("[data-export-status]").forEach(start);
