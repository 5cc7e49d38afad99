//! Entry point of the wasm app; natively it only explains that it runs in a browser.

fn main() {
    if cfg!(target_arch = "wasm32") {
        briefwissel_app::start();
    } else {
        eprintln!("briefwissel-app runs in the browser: build it with `trunk build --release`.");
    }
}
