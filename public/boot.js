// Starts the Briefwissel wasm app. An external file, so the Content-Security-Policy needs no inline script.
const tag = document.querySelector('script[data-wasm]');
const { default: init } = await import(tag.dataset.js);
await init({ module_or_path: tag.dataset.wasm });
// The footer is static HTML (index.html); the app mounts after it, so it moves to the end.
const footer = document.querySelector("body > .site-footer");
if (footer) document.body.append(footer);
