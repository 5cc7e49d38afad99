// Starts the Briefwissel wasm app. An external file, so the Content-Security-Policy needs no inline script.
const tag = document.querySelector('script[data-wasm]');
const { default: init } = await import(tag.dataset.js);
await init({ module_or_path: tag.dataset.wasm });
// The footer is static HTML (index.html); the app mounts after it, so it moves to the end.
const footer = document.querySelector("body > .site-footer");
if (footer) document.body.append(footer);
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
