//! Build step: parses `data/documents` with the corpus crate and writes the versioned artifact the app loads.
//!
//! Outputs:
//! * `$OUT_DIR/corpus.bin`, embedded by the `embed-corpus` feature;
//! * `<target>/<profile dir>/briefwissel-corpus.bin`, which the Trunk post-build hook
//!   (`trunk-hooks/place-artifact.sh`) copies into `dist/` under a content-hashed name;
//! * the env var `BRIEFWISSEL_ARTIFACT_HASH` (the hash in that name) for the app.

use briefwissel_corpus::artifact::{encode, Bundle};
use briefwissel_corpus::parse::parse_paths;
use std::path::{Path, PathBuf};

fn main() {
    let manifest =
        PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| ".".into()));
    // The bundled corpus, or another folder (the benchmarks build the app against the scale corpus).
    println!("cargo:rerun-if-env-changed=BRIEFWISSEL_DOCUMENTS");
    let documents = std::env::var_os("BRIEFWISSEL_DOCUMENTS")
        .map(PathBuf::from)
        .unwrap_or_else(|| manifest.join("data").join("documents"));
    println!("cargo:rerun-if-changed={}", documents.display());
    println!("cargo:rerun-if-changed=build.rs");
    let output = match parse_paths(std::slice::from_ref(&documents)) {
        Ok(output) => output,
        Err(message) => {
            println!(
                "cargo:warning=cannot read {}: {message}",
                documents.display()
            );
            std::process::exit(1);
        }
    };
    let bytes = encode(&Bundle::build(output.corpus));
    let hash = fnv1a_hex(&bytes);
    println!("cargo:rustc-env=BRIEFWISSEL_ARTIFACT_HASH={hash}");
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").unwrap_or_else(|_| ".".into()));
    write_or_exit(&out_dir.join("corpus.bin"), &bytes);
    if let Some(profile_dir) = profile_dir(&out_dir) {
        write_or_exit(&profile_dir.join("briefwissel-corpus.bin"), &bytes);
        write_or_exit(
            &profile_dir.join("briefwissel-corpus.hash"),
            hash.as_bytes(),
        );
    }
}

/// `<target>/[<triple>/]<profile>` from `<that>/build/<pkg>-<hash>/out`.
fn profile_dir(out_dir: &Path) -> Option<PathBuf> {
    let build = out_dir.parent()?.parent()?;
    (build.file_name()? == "build").then(|| build.parent().map(Path::to_path_buf))?
}

fn write_or_exit(path: &Path, bytes: &[u8]) {
    if let Err(e) = std::fs::write(path, bytes) {
        println!("cargo:warning=cannot write {}: {e}", path.display());
        std::process::exit(1);
    }
}

/// 64-bit FNV-1a as 16 hex digits: stable across builds, enough to tell artifacts apart in a cache.
fn fnv1a_hex(bytes: &[u8]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{hash:016x}")
}
