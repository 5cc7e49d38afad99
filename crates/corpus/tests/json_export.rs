//! The export's own JSON writer writes what serde_json writes, byte for byte, for the whole corpus and for odd values.

mod common;

use briefwissel_corpus::json::to_pretty_json;
use serde::Serialize;
use std::collections::BTreeMap;

#[test]
fn the_whole_corpus_is_written_exactly_as_serde_json_writes_it() {
    let out = common::parsed_corpus();
    let ours = to_pretty_json(&out.corpus).expect("writes");
    let theirs = serde_json::to_string_pretty(&out.corpus).expect("writes");
    assert!(ours.len() > 100_000, "the corpus is large");
    assert!(ours == theirs, "the corpus JSON differs from serde_json's");
}

#[derive(Serialize)]
enum Shape {
    Unit,
    Newtype(u32),
    Tuple(i64, bool),
    Struct { name: &'static str, empty: Vec<u8> },
}

#[derive(Serialize)]
struct Odd {
    text: &'static str,
    control: char,
    none: Option<u32>,
    empty_map: BTreeMap<String, u32>,
    map: BTreeMap<&'static str, Vec<Shape>>,
    float: f64,
    whole_float: f64,
    nan: f64,
    bytes: &'static [u8],
    unit: (),
}

#[test]
fn escapes_enums_maps_and_numbers_match_serde_json() {
    let mut map = BTreeMap::new();
    map.insert(
        "vormen",
        vec![
            Shape::Unit,
            Shape::Newtype(7),
            Shape::Tuple(-3, true),
            Shape::Struct {
                name: "ẞ \"aanhalingen\" \\ tab\t",
                empty: Vec::new(),
            },
        ],
    );
    let odd = Odd {
        text: "regel\neen\r\u{8}\u{c}\u{1}\u{1f}\u{7f} één «Ä» 😀",
        control: '\u{2}',
        none: None,
        empty_map: BTreeMap::new(),
        map,
        float: 2.5,
        whole_float: 3.0,
        nan: f64::NAN,
        bytes: &[0, 255],
        unit: (),
    };
    assert_eq!(
        to_pretty_json(&odd).expect("writes"),
        serde_json::to_string_pretty(&odd).expect("writes")
    );
}
