//! The views: one module per route, plus the pieces they share.

pub mod active_filters;
pub mod document;
pub mod facets;
pub mod list;
pub mod overview;
pub mod question;
pub mod question_card;
pub mod text;
pub mod toolbar;
