// Keeps a half-written report safe if the login session times out, without
// leaving it readable on a shared office computer. See the module docstring of
// reporting/views.py for the whole design.
//
// - The report form is copied into sessionStorage as the reporter types.
//   sessionStorage belongs to this one tab and is discarded when the tab is
//   closed; it is never sent to the server.
// - The key names the signed-in user ("report:<user id>"), so if someone else
//   signs in in the same tab, the previous person's draft is deleted, not shown.
// - A fresh report form (data-lantern-draft-restore) is filled from the saved
//   draft after the reporter signs in again.
// - On the preview page (data-lantern-draft-replace) the saved draft is
//   replaced at once by the de-identified text: the raw text stops here.
// - Sending the report (data-lantern-clear-draft on the confirmation page)
//   and signing out (data-lantern-signout) delete every saved draft.

const PREFIX = "lantern-draft:";

function storage() {
  try {
    const store = window.sessionStorage;
    store.getItem(PREFIX);
    return store;
  } catch {
    return null; // storage disabled: the server-side re-sign-in step still protects the text
  }
}

function clearAll(store, keep) {
  for (let i = store.length - 1; i >= 0; i -= 1) {
    const key = store.key(i);
    if (key && key.startsWith(PREFIX) && key !== keep) {
      store.removeItem(key);
    }
  }
}

function serialise(form) {
  const values = {};
  for (const element of form.elements) {
    if (!element.name || element.type === "hidden" || element.type === "submit" || element.type === "password") {
      continue;
    }
    if (element.type === "radio") {
      if (element.checked) values[element.name] = element.value;
    } else if (element.type === "checkbox") {
      values[element.name] = values[element.name] || [];
      if (element.checked) values[element.name].push(element.value);
    } else {
      values[element.name] = element.value;
    }
  }
  return values;
}

function fill(form, values) {
  for (const element of form.elements) {
    if (!element.name || !(element.name in values) || element.type === "hidden") continue;
    const value = values[element.name];
    if (element.type === "radio") {
      element.checked = element.value === value;
    } else if (element.type === "checkbox") {
      element.checked = Array.isArray(value) && value.includes(element.value);
    } else if (typeof value === "string") {
      element.value = value;
    }
    // Let GOV.UK components (character count, conditional reveals) catch up.
    element.dispatchEvent(new Event(element.tagName === "TEXTAREA" ? "input" : "change", { bubbles: true }));
  }
}

function hasContent(values) {
  return Object.values(values).some((value) => (Array.isArray(value) ? value.length > 0 : value && value.trim()));
}

function watch(store, form, key) {
  const save = () => {
    try {
      store.setItem(key, JSON.stringify(serialise(form)));
    } catch {
      // quota exceeded or storage revoked: nothing more we can do safely
    }
  };
  form.addEventListener("input", save);
  form.addEventListener("change", save);
  return save;
}

function start() {
  const store = storage();
  if (!store) return;

  if (document.querySelector("[data-lantern-clear-draft]")) {
    clearAll(store, null);
  }
  for (const signout of document.querySelectorAll("form[data-lantern-signout]")) {
    signout.addEventListener("submit", () => clearAll(store, null));
  }

  for (const form of document.querySelectorAll("form[data-lantern-draft]")) {
    const key = PREFIX + form.dataset.lanternDraft;
    clearAll(store, key); // another user's draft in this tab is never shown
    const save = watch(store, form, key);
    if (form.hasAttribute("data-lantern-draft-replace")) {
      save();
      continue;
    }
    if (form.hasAttribute("data-lantern-draft-restore")) {
      let saved = null;
      try {
        saved = JSON.parse(store.getItem(key) || "null");
      } catch {
        saved = null;
      }
      if (saved && hasContent(saved)) {
        fill(form, saved);
        const notice = document.getElementById("draft-restored");
        if (notice) notice.hidden = false;
      }
    }
  }
}

start();
