//! Browser tests of the app: mounted with the real corpus artifact, checked through the DOM.
#![cfg(target_arch = "wasm32")]

use briefwissel_corpus::artifact::decode;
use briefwissel_corpus::explore::{Explorer, PAGE_SIZE};
use briefwissel_corpus::query::parse_query_string;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

const ARTIFACT: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/corpus.bin"));

/// Routed content appears after the first tick following mount.
async fn tick() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback(&resolve);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// Goes to `url` (same origin) and mounts a fresh app in its own element.
async fn mount_at(url: &str) -> Element {
    let window = web_sys::window().expect("a browser window");
    let history = window.history().expect("history");
    history
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(url))
        .expect("same-origin URL");
    let document = window.document().expect("a document");
    let root: HtmlElement = document
        .create_element("div")
        .expect("div")
        .unchecked_into();
    document
        .body()
        .expect("body")
        .append_child(&root)
        .expect("appended");
    briefwissel_app::mount_with_artifact(root.clone(), ARTIFACT);
    tick().await;
    // The list draws its first cards at once and the rest after the next frame (aria-busy).
    let busy = || {
        root.query_selector("[aria-busy=true]")
            .ok()
            .flatten()
            .is_some()
    };
    for _ in 0..200 {
        if !busy() {
            break;
        }
        tick().await;
    }
    assert!(!busy(), "the list still waits for the rest of its page");
    root.unchecked_into()
}

fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).expect("valid selector");
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<Element>().ok())
        .collect()
}

fn text_of(root: &Element, selector: &str) -> String {
    root.query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| e.text_content())
        .unwrap_or_default()
}

fn first_number(text: &str) -> Option<usize> {
    text.split(|c: char| !c.is_ascii_digit())
        .find(|s| !s.is_empty())?
        .parse()
        .ok()
}

fn expected_total(query_string: &str) -> usize {
    let bundle = decode(ARTIFACT).expect("the built artifact decodes");
    let (query, _) = parse_query_string(query_string, &bundle.corpus);
    Explorer::new(&bundle.corpus, &bundle.index)
        .run(&query)
        .total
}

#[wasm_bindgen_test]
async fn the_start_page_counts_every_question_and_lists_the_first_page() {
    let root = mount_at("/").await;
    let total = expected_total("");
    assert!(total > 0);
    let count = text_of(&root, "[data-testid=result-count]");
    assert_eq!(first_number(&count), Some(total), "{count}");
    let listed = all(&root, "[data-testid=question]");
    assert_eq!(listed.len(), total.min(PAGE_SIZE));
    let bundle = decode(ARTIFACT).expect("decodes");
    for el in &listed {
        let id = el.get_attribute("data-question-id").unwrap_or_default();
        assert!(
            bundle.corpus.questions.iter().any(|q| q.id == id),
            "unknown question id {id}"
        );
    }
}

#[wasm_bindgen_test]
async fn a_party_filter_in_the_url_narrows_the_list_and_a_hostile_value_is_only_a_notice() {
    let qs = "partij=PVV&partij=Volt&soort=%3Cscript%3Ealert(1)%3C%2Fscript%3E";
    let root = mount_at(&format!("/?{qs}")).await;
    let total = expected_total(qs);
    assert!(total < expected_total(""), "the filter narrows the list");
    assert_eq!(
        first_number(&text_of(&root, "[data-testid=result-count]")),
        Some(total)
    );
    let notices = all(&root, "[data-testid=notice]");
    assert_eq!(notices.len(), 1, "one notice for the bad kind");
    assert!(all(&root, "script").is_empty(), "no markup from the URL");
    let checked = all(&root, "input[data-facet=partij]:checked");
    assert_eq!(checked.len(), 2);
}

#[wasm_bindgen_test]
async fn a_search_marks_its_matches() {
    let root = mount_at("/?q=terugkeer").await;
    let total = expected_total("q=terugkeer");
    assert!(total > 0, "the corpus speaks of terugkeer");
    assert_eq!(
        first_number(&text_of(&root, "[data-testid=result-count]")),
        Some(total)
    );
    let marks = all(&root, "[data-testid=question] mark");
    assert!(!marks.is_empty());
    assert!(marks.iter().all(|m| m
        .text_content()
        .unwrap_or_default()
        .to_lowercase()
        .starts_with("terugke")));
}

#[wasm_bindgen_test]
async fn a_document_shows_its_questions_in_place_with_anchors() {
    let bundle = decode(ARTIFACT).expect("decodes");
    let question = bundle.corpus.questions.first().expect("a question");
    let root = mount_at(&format!("/document/{}", question.document_id)).await;
    let document = root
        .query_selector("[data-testid=document]")
        .ok()
        .flatten()
        .expect("the document view");
    assert_eq!(
        document.get_attribute("data-document-id").as_deref(),
        Some(question.document_id.as_str())
    );
    let in_place = all(&root, "[data-testid=document-question]");
    let expected = bundle
        .corpus
        .questions
        .iter()
        .filter(|q| q.document_id == question.document_id)
        .count();
    assert_eq!(in_place.len(), expected);
    assert!(in_place.iter().all(|el| el.id().starts_with("vraag-")));
}

#[wasm_bindgen_test]
async fn a_question_link_shows_that_question_with_its_answer_open() {
    let bundle = decode(ARTIFACT).expect("decodes");
    let question = bundle
        .corpus
        .questions
        .iter()
        .find(|q| q.answer_id.is_some())
        .expect("an answered question");
    let root = mount_at(&format!("/vraag/{}", question.id)).await;
    let shown = all(&root, "[data-testid=question]");
    assert_eq!(shown.len(), 1);
    assert_eq!(
        shown[0].get_attribute("data-question-id").as_deref(),
        Some(question.id.as_str())
    );
    assert!(root
        .query_selector("details[data-testid=answer][open]")
        .ok()
        .flatten()
        .is_some());
}

#[wasm_bindgen_test]
async fn ticking_a_party_updates_every_theme_row_to_the_explorers_counts() {
    let root = mount_at("/").await;
    let party = all(&root, "input[data-facet=partij]:not(:disabled)")
        .into_iter()
        .next()
        .expect("a party to choose");
    let value = party.get_attribute("data-value").expect("a value");
    party.unchecked_ref::<HtmlElement>().click();
    for _ in 0..3 {
        tick().await;
    }
    let bundle = decode(ARTIFACT).expect("the built artifact decodes");
    let (query, _) = parse_query_string(&format!("partij={value}"), &bundle.corpus);
    let expected = Explorer::new(&bundle.corpus, &bundle.index)
        .run(&query)
        .facets
        .themes;
    // The theme rows keep their order (none of them was chosen), so they change where they stand.
    let rows = all(&root, "input[data-facet=thema]");
    assert_eq!(rows.len(), expected.len());
    assert!(
        expected.iter().any(|v| v.count == 0),
        "some theme finds nothing for one party"
    );
    for (row, v) in rows.iter().zip(&expected) {
        let label = row.parent_element().expect("its label");
        assert_eq!(
            row.get_attribute("data-value").as_deref(),
            Some(v.value.as_str())
        );
        assert_eq!(
            text_of(&label, ".facet-count"),
            v.count.to_string(),
            "{}",
            v.value
        );
        let empty = v.count == 0;
        assert_eq!(
            row.unchecked_ref::<web_sys::HtmlInputElement>().disabled(),
            empty,
            "{}",
            v.value
        );
        let greyed = label.class_name().split_whitespace().any(|c| c == "empty");
        assert_eq!(greyed, empty, "{}", v.value);
    }
    assert_eq!(all(&root, "input[data-facet=partij]:checked").len(), 1);
}
