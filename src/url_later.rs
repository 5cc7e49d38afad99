//! Filter and search changes update the view at once and write the address bar just after, off the input's path.
//!
//! `history.pushState`/`replaceState` costs 0.5–6 ms in Chromium, and the results do not need it:
//! they are drawn from `Nav::here`. So a change sets `here` right away and the matching URL is
//! written in a task of its own (`setTimeout 0`), in order, unless the user has navigated elsewhere
//! in between (a link, back/forward), which then wins.

use crate::app::Nav;
use crate::browser;
use crate::routing::{Here, Route};
use leptos::prelude::*;
use std::cell::RefCell;
use std::time::Duration;

/// One address still to be written: the URL, push (true) or replace, and the place it shows.
struct PendingUrl {
    url: String,
    push: bool,
    here: Here,
}

thread_local! {
    static PENDING: RefCell<Vec<PendingUrl>> = const { RefCell::new(Vec::new()) };
}

/// Shows `route` with the explorer query string `query` now; writes its URL right after.
pub fn go_soon(nav: Nav, route: &Route, query: &str, push: bool) {
    let url = nav.href(route, query);
    let here = nav.mode.with_value(|mode| {
        let (path, search) = url.split_once('?').unwrap_or((url.as_str(), ""));
        mode.resolve(path, search, "")
    });
    if nav.here.with_untracked(|h| *h != here) {
        nav.here.set(here.clone());
    }
    let first = PENDING.with(|pending| {
        let mut pending = pending.borrow_mut();
        pending.push(PendingUrl { url, push, here });
        pending.len() == 1
    });
    if first {
        set_timeout(move || write_pending(nav), Duration::ZERO);
    }
}

/// Writes the waiting addresses in order, unless the page has gone somewhere else meanwhile.
fn write_pending(nav: Nav) {
    let pending = PENDING.with(|p| std::mem::take(&mut *p.borrow_mut()));
    let Some(last) = pending.last() else {
        return;
    };
    if nav.here.with_untracked(|h| *h != last.here) {
        return;
    }
    for entry in &pending {
        browser::set_url(&entry.url, entry.push);
    }
    // The browser may normalise the URL's spelling; `here` follows what it kept.
    nav.sync();
}
