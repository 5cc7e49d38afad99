//! Routes and links: maps a browser URL under any base path (or a single file on disk) to a view and back.
//!
//! Two URL shapes are supported:
//! * [`Mode::Path`]: served over http(s) under a base path such as `/` or `/briefwissel/`; the route
//!   is the rest of the path (`/document/<id>`, `/vraag/<id>`, `/overzicht`).
//! * [`Mode::File`]: the single-file build opened from disk. Browsers do not let a `file:` page
//!   rewrite its path, so the route travels in the query parameter `pad` instead.
//!
//! The explorer's own query string (filters, search) is kept apart from the route, so
//! `briefwissel_corpus::query::parse_query_string` only ever sees its own parameters.

use crate::format::ORIGINALS_DIR;
use briefwissel_corpus::query::{percent_decode, percent_encode};
use briefwissel_corpus::report::REPORT_PAGE;

/// How routes are written into URLs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    /// The app lives under this path, which starts and ends with `/` (e.g. `/briefwissel/`).
    Path { base: String },
    /// The app is one file; this is its path (e.g. `/home/an/briefwissel.html`).
    File { page: String },
}

/// The query parameter carrying the route in [`Mode::File`].
pub const FILE_ROUTE_PARAM: &str = "pad";

/// One view of the app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// "Vragen en antwoorden", the start page.
    List,
    Document(String),
    Question(String),
    Overview,
    /// A path the app does not know (the path relative to the base, for the message).
    NotFound(String),
}

/// Where the browser is: the route, the explorer's query string (without `?`) and the hash (without `#`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Here {
    pub route: Route,
    pub query: String,
    pub hash: String,
}

impl Mode {
    /// Decides the mode from the page's protocol, its path and the `<base href>` path, if any.
    pub fn detect(protocol: &str, page_path: &str, base_path: Option<&str>) -> Mode {
        if protocol == "file:" {
            return Mode::File {
                page: page_path.to_string(),
            };
        }
        let base = base_path.unwrap_or("/");
        let mut base = if base.starts_with('/') {
            base.to_string()
        } else {
            format!("/{base}")
        };
        if !base.ends_with('/') {
            // `<base href="/briefwissel/index.html">` means the folder.
            match base.rfind('/') {
                Some(i) => base.truncate(i + 1),
                None => base = "/".to_string(),
            }
        }
        Mode::Path { base }
    }

    /// Reads a URL's path, search (with or without `?`) and hash (with or without `#`).
    pub fn resolve(&self, path: &str, search: &str, hash: &str) -> Here {
        let search = search.strip_prefix('?').unwrap_or(search);
        let hash = hash.strip_prefix('#').unwrap_or(hash).to_string();
        match self {
            Mode::Path { base } => {
                let relative = strip_base(path, base);
                Here {
                    route: route_from_path(&relative),
                    query: search.to_string(),
                    hash,
                }
            }
            Mode::File { .. } => {
                let (route_path, rest) = split_route_param(search);
                Here {
                    route: route_from_path(&route_path),
                    query: rest,
                    hash,
                }
            }
        }
    }

    /// The href of a route with the explorer's query string (without `?`, may be empty).
    pub fn href(&self, route: &Route, query: &str) -> String {
        let route_path = path_of(route);
        match self {
            Mode::Path { base } => {
                let mut out = format!("{}{}", base.trim_end_matches('/'), route_path);
                if !query.is_empty() {
                    out.push('?');
                    out.push_str(query);
                }
                out
            }
            Mode::File { page } => {
                let mut pairs = Vec::new();
                if route_path != "/" {
                    pairs.push(format!(
                        "{FILE_ROUTE_PARAM}={}",
                        percent_encode(&route_path)
                    ));
                }
                if !query.is_empty() {
                    pairs.push(query.to_string());
                }
                if pairs.is_empty() {
                    page.clone()
                } else {
                    format!("{page}?{}", pairs.join("&"))
                }
            }
        }
    }

    /// The href of a file shipped next to the app (`relative` to the base, already encoded);
    /// `None` in the single file, which carries no files besides itself.
    pub fn file_href(&self, relative: &str) -> Option<String> {
        match self {
            Mode::Path { base } => Some(format!("{base}{relative}")),
            Mode::File { .. } => None,
        }
    }

    /// Whether an absolute path (as in a link's `pathname`) belongs to this app; the originals
    /// next to it (`originals/…`) and the report page are files the browser opens itself.
    pub fn owns_path(&self, path: &str) -> bool {
        match self {
            Mode::Path { base } => match path.strip_prefix(base.as_str()) {
                Some(rest) => {
                    rest != REPORT_PAGE
                        && !rest
                            .strip_prefix(ORIGINALS_DIR)
                            .is_some_and(|r| r.starts_with('/'))
                }
                None => path == base.trim_end_matches('/'),
            },
            Mode::File { page } => path == page,
        }
    }
}

/// The path of a route relative to the base, starting with `/`.
pub fn path_of(route: &Route) -> String {
    match route {
        Route::List => "/".to_string(),
        Route::Document(id) => format!("/document/{}", percent_encode(id)),
        Route::Question(id) => format!("/vraag/{}", percent_encode(id)),
        Route::Overview => "/overzicht".to_string(),
        Route::NotFound(path) => path.clone(),
    }
}

fn strip_base(path: &str, base: &str) -> String {
    let rest = path
        .strip_prefix(base.trim_end_matches('/'))
        .unwrap_or(path);
    if rest.starts_with('/') {
        rest.to_string()
    } else {
        format!("/{rest}")
    }
}

fn route_from_path(relative: &str) -> Route {
    let trimmed = relative.trim_matches('/');
    let segments: Vec<&str> = trimmed.split('/').filter(|s| !s.is_empty()).collect();
    match segments.as_slice() {
        [] | ["index.html"] => Route::List,
        ["overzicht"] => Route::Overview,
        ["document", id] => Route::Document(percent_decode(id)),
        ["vraag", id] => Route::Question(percent_decode(id)),
        _ => Route::NotFound(format!("/{trimmed}")),
    }
}

/// Splits `pad=…` off a query string; returns the route path and the remaining query.
fn split_route_param(search: &str) -> (String, String) {
    let mut route = "/".to_string();
    let mut rest = Vec::new();
    for pair in search.split('&').filter(|p| !p.is_empty()) {
        match pair
            .strip_prefix(FILE_ROUTE_PARAM)
            .and_then(|v| v.strip_prefix('='))
        {
            Some(value) => route = percent_decode(value),
            None => rest.push(pair),
        }
    }
    (route, rest.join("&"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sub_path() -> Mode {
        Mode::detect("https:", "/briefwissel/document/x", Some("/briefwissel/"))
    }

    #[test]
    fn a_base_element_sets_the_sub_path() {
        assert_eq!(
            sub_path(),
            Mode::Path {
                base: "/briefwissel/".into()
            }
        );
        let file_base = Mode::detect("http:", "/a/index.html", Some("/a/index.html"));
        assert_eq!(file_base, Mode::Path { base: "/a/".into() });
        assert_eq!(
            Mode::detect("http:", "/x", None),
            Mode::Path { base: "/".into() }
        );
    }

    #[test]
    fn routes_under_a_sub_path_are_read_and_written_alike() {
        let mode = sub_path();
        for route in [
            Route::List,
            Route::Overview,
            Route::Document("kv-003-antwoord-pdf".into()),
            Route::Question("004_a0d5-v4-en-5".into()),
        ] {
            let href = mode.href(&route, "partij=Volt&q=asiel");
            assert!(href.starts_with("/briefwissel/"), "{href}");
            let (path, search) = href.split_once('?').unwrap_or((&href, ""));
            let here = mode.resolve(path, search, "");
            assert_eq!(here.route, route, "{href}");
            assert_eq!(here.query, "partij=Volt&q=asiel");
        }
    }

    #[test]
    fn the_base_without_trailing_slash_is_the_start_page() {
        let mode = sub_path();
        assert_eq!(mode.resolve("/briefwissel", "", "").route, Route::List);
        assert_eq!(
            mode.resolve("/briefwissel/index.html", "?q=x", "").route,
            Route::List
        );
        assert!(mode.owns_path("/briefwissel"));
        assert!(!mode.owns_path("/elders/"));
        assert!(mode.owns_path("/briefwissel/document/x"));
        assert!(!mode.owns_path("/briefwissel/originals/a%20b.pdf"));
        assert!(mode.owns_path("/briefwissel/originalsx"));
    }

    #[test]
    fn unknown_paths_are_not_found_and_keep_their_path() {
        let here = sub_path().resolve("/briefwissel/document/a/b", "", "#vraag-2");
        assert_eq!(here.route, Route::NotFound("/document/a/b".into()));
        assert_eq!(here.hash, "vraag-2");
    }

    #[test]
    fn the_single_file_build_keeps_the_route_in_the_query() {
        let mode = Mode::detect("file:", "/tmp/briefwissel.html", Some("/"));
        let href = mode.href(&Route::Document("002_99".into()), "q=asiel");
        assert_eq!(
            href,
            "/tmp/briefwissel.html?pad=%2Fdocument%2F002_99&q=asiel"
        );
        let (path, search) = href.split_once('?').unwrap_or((&href, ""));
        let here = mode.resolve(path, search, "");
        assert_eq!(here.route, Route::Document("002_99".into()));
        assert_eq!(here.query, "q=asiel");
        assert_eq!(mode.href(&Route::List, ""), "/tmp/briefwissel.html");
        assert_eq!(mode.file_href("originals/a.pdf"), None);
        assert_eq!(
            sub_path().file_href("originals/a.pdf#page=2").as_deref(),
            Some("/briefwissel/originals/a.pdf#page=2")
        );
    }

    #[test]
    fn encoded_ids_are_decoded() {
        let here = sub_path().resolve("/briefwissel/vraag/a%20b", "", "");
        assert_eq!(here.route, Route::Question("a b".into()));
    }
}
