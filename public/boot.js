// Starts the Briefwissel wasm app. An external file, so the Content-Security-Policy needs no inline script.
const tag = document.querySelector('script[data-wasm]');
try {
  const { default: init } = await import(tag.dataset.js);
  await init({ module_or_path: tag.dataset.wasm });
} catch (error) {
  // The app's code could not load or start (offline before the first visit was kept, WebAssembly
  // switched off by a browser's policy): say so above whatever the HTML shows (the start page's
  // first results stay readable), instead of leaving a page that silently does nothing.
  const alert = document.createElement("section");
  alert.className = "load-error";
  alert.setAttribute("role", "alert");
  alert.innerHTML = "<h1>Briefwissel kan niet starten</h1><p></p>";
  alert.querySelector("p").textContent =
    `De app zelf kon niet laden (${error?.message || error}). Staat WebAssembly in deze browser uit, ` +
    "of was er geen verbinding? Laad de pagina opnieuw, of probeer een andere browser.";
  document.body.prepend(alert);
  throw error;
}
// The footer is static HTML (index.html); the app mounts after it, so it moves to the end.
const footer = document.querySelector("body > .site-footer");
const own = document.getElementById("eigen");
if (own) document.body.append(own);
if (footer) document.body.append(footer);
// Own documents: the reader (lezer/, a wasm module of its own) loads only when a file is added, or
// when this device keeps own documents. (The single file has no reader: scripts/single-file.mjs
// disables the field and says why.)
const field = own?.querySelector("input[type=file]");
if (field && tag.dataset.eigen) {
  const status = own.querySelector("#eigen-status");
  let reader;
  const begin = () =>
    (reader ??= import(tag.dataset.eigen)
      .then((m) => m.start(own))
      .catch((error) => {
        status.textContent = `De lezer van eigen documenten kon niet laden (${error.message}).`;
        reader = undefined;
        throw error;
      }));
  // The chosen files are copied at once (emptying the field empties its file list, and the same file
  // may then be chosen again). A failure to load is said in the status line by begin().
  const add = async (files) => {
    const chosen = [...(files ?? [])];
    field.value = "";
    if (chosen.length) await (await begin()).add(chosen);
  };
  field.addEventListener("change", () => add(field.files).catch(() => {}));
  // Somebody opens the file dialog or drags a file over the page: the reader loads and compiles
  // while they choose, instead of after.
  // Tried once (a drag fires dragenter at every edge); an add itself tries again.
  let early;
  const soon = () => (early ??= begin().then((r) => r.ready(), () => {}));
  field.addEventListener("click", soon);
  document.addEventListener("dragenter", (event) => event.dataTransfer?.types.includes("Files") && soon());
  // The whole page is a drop zone.
  document.addEventListener("dragover", (event) => {
    if (event.dataTransfer?.types.includes("Files")) event.preventDefault();
  });
  document.addEventListener("drop", (event) => {
    if (!event.dataTransfer?.files.length) return;
    event.preventDefault();
    add(event.dataTransfer.files).catch(() => {});
  });
  if (localStorage.getItem("briefwissel-eigen")) begin();
}
// The offline copy (sw.js): how far it is, and before a large one, how large it is and a button to keep it.
const offline = document.getElementById("offline");
const workers = navigator.serviceWorker;
if (offline && workers && location.protocol !== "file:") {
  const mb = (n) => `${(n / 1024 / 1024).toFixed(1).replace(".", ",")} MB`;
  workers.addEventListener("message", ({ data, source }) => {
    if (data?.type !== "offline") return;
    // Screen readers hear the outcome, not every step of the progress.
    offline.setAttribute("aria-busy", String(!data.error && !data.ask && data.stored < data.total));
    if (data.error) offline.textContent = `Offline bewaren is mislukt: ${data.error}.`;
    else if (data.stored >= data.total) offline.textContent = `Briefwissel werkt offline: ${mb(data.total)} op dit apparaat.`;
    else if (!data.ask) offline.textContent = `Offline beschikbaar maken: ${mb(data.stored)} van ${mb(data.total)}…`;
    else {
      const yes = document.createElement("button");
      yes.type = "button";
      yes.dataset.testid = "offline-keep";
      yes.textContent = "Bewaar voor offline lezen";
      // The yes goes to the worker that asked (after an update: the new one, still waiting); the
      // focus stays on the line that says what happens next.
      yes.onclick = () => {
        yes.disabled = true;
        offline.focus();
        (source ?? workers.controller)?.postMessage({ type: "offline-ja" });
      };
      offline.replaceChildren(`Offline lezen bewaart ${mb(data.total)} op dit apparaat. `, yes);
    }
  });
  workers.startMessages();
  workers.ready.then((r) => r.active?.postMessage({ type: "offline?" }));
}
// The phone's filter panel opens and closes by invoker commands (commandfor/command); where a browser
// has none yet, a click does the same.
if (!("commandForElement" in HTMLButtonElement.prototype)) {
  document.addEventListener("click", (event) => {
    const button = event.target.closest?.("button[commandfor]");
    const dialog = button && document.getElementById(button.getAttribute("commandfor"));
    if (!dialog) return;
    if (button.getAttribute("command") === "close") dialog.close();
    else if (!dialog.open) dialog.showModal();
  });
}
