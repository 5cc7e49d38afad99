//! Briefwissel's browser app (Leptos, client-side): explore questions, answers and letters from the corpus artifact.

mod app;
pub mod browser;
mod card_html;
mod chunked_explorer;
mod document_html;
mod early_chunks;
pub mod facet_edit;
mod facet_html;
pub mod format;
mod list_html;
pub mod loader;
mod overview_html;
pub mod routing;
pub mod stats;
pub mod typing_hold;
mod url_later;
mod views;

pub use app::{mount_with_artifact, start};
