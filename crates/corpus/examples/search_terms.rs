//! Prints what each query word stands for in the index of a data folder: forms, compounds, prefixes.
//! Usage: cargo run --example search_terms -- DATA_DIR WORD... (WORD* as if being typed; =WORD for its compound parts)

use briefwissel_corpus::parse::parse_paths;
use briefwissel_corpus::search::expand::{word_terms, COMPOUND_PART, EXACT, OTHER_FORM};
use briefwissel_corpus::search::query_text::QueryWord;
use briefwissel_corpus::search::units::UnitMap;
use briefwissel_corpus::search::{IndexReader, SearchIndex};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((dir, words)) = args.split_first() else {
        eprintln!("usage: search_terms DATA_DIR WORD...");
        return;
    };
    let corpus = match parse_paths(&[dir.into()]) {
        Ok(out) => out.corpus,
        Err(e) => return eprintln!("cannot read {dir}: {e}"),
    };
    let index = SearchIndex::build(&corpus);
    let reader = match IndexReader::new(&index, UnitMap::new(&corpus).total as usize) {
        Ok(r) => r,
        Err(e) => return eprintln!("{e}"),
    };
    println!(
        "{} terms, {} compounds",
        reader.term_count(),
        reader.compounds().count()
    );
    for word in words {
        if let Some(term) = word.strip_prefix('=') {
            let parts = reader
                .term_id(term)
                .and_then(|t| reader.compounds().find(|c| c.0 as usize == t))
                .map(|(_, parts)| {
                    parts
                        .map(|(s, e)| &term[s as usize..e as usize])
                        .collect::<Vec<_>>()
                });
            println!(
                "{term}: in index {}, parts {parts:?}",
                reader.term_id(term).is_some()
            );
            continue;
        }
        let typing = word.ends_with('*');
        let folded = word.trim_end_matches('*').to_string();
        let matches = word_terms(
            &reader,
            &QueryWord {
                folded,
                exact: false,
            },
            typing,
        );
        let kind = |w: f32| match w {
            w if w == EXACT => "exact",
            w if w == OTHER_FORM => "form",
            w if w == COMPOUND_PART => "part",
            _ => "prefix",
        };
        let listed: Vec<String> = matches
            .iter()
            .map(|m| {
                let t = reader.term(m.term as usize);
                format!("{}[{}..{}]:{}", t, m.start, m.end, kind(m.weight))
            })
            .collect();
        println!("{word}: {}", listed.join(" "));
    }
}
