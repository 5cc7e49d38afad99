//! Briefwissel's corpus: the model, the parser of raw letters, the search index and filters.

pub mod artifact;
pub mod byte_source;
mod byte_string;
pub mod columns;
pub mod date;
pub mod deadline;
pub mod diagnostics;
pub mod explore;
pub mod export_csv;
pub mod fold;
pub mod hash;
pub mod hyphenation;
pub mod id;
pub mod json;
pub mod lookup;
pub mod lowercase;
pub mod members;
pub mod ministry;
pub mod model;
pub mod order;
pub mod original;
pub mod own_documents;
pub mod parse;
pub mod postcard_reader;
pub mod query;
pub mod registry;
pub mod report;
pub mod report_html;
pub mod scale;
pub mod search;
pub mod text;
pub mod text_scan;
pub mod texts;
pub(crate) mod word_key;

pub use date::Date;
pub use diagnostics::{Diagnostic, Severity};
pub use id::Id;
pub use model::*;

/// The allocator of the native programs that parse a whole corpus (the `briefwissel` tools, the
/// site build's build.rs, the scale benchmark): each declares it as its `#[global_allocator]`.
#[cfg(not(target_arch = "wasm32"))]
pub use mimalloc::MiMalloc as BuildAllocator;
/// In the wasm (the app, the reader of own documents), Rust's own allocator.
#[cfg(target_arch = "wasm32")]
pub use std::alloc::System as BuildAllocator;
