//! Entry point of the wasm app; natively it only explains that it runs in a browser.

#[cfg(target_arch = "wasm32")]
fn main() {
    briefwissel_app::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("briefwissel-app runs in the browser: build it with `trunk build --release`.");
}
