//! Briefwissel's corpus: the model, the parser of raw letters, the search index and filters.

pub mod date;
pub mod diagnostics;
pub mod model;

pub use date::Date;
pub use diagnostics::{Diagnostic, Severity};
pub use model::*;
