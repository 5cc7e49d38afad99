use briefwissel_corpus::artifact::{encode, Bundle};
use briefwissel_corpus::explore::Explorer;
use briefwissel_corpus::query::{parse_query_string, Query};
use briefwissel_corpus::search::SearchIndex;
use std::path::PathBuf;
use std::time::Instant;

#[test]
fn scratch() {
    let root = std::env::var("DIR").map(PathBuf::from).unwrap_or(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../data/documents"));
    let t = Instant::now();
    let out = briefwissel_corpus::parse::parse_paths(&[root]).unwrap();
    println!("parse {:?}", t.elapsed());
    let c = out.corpus;
    println!("docs {} questions {} answers {} parties {} themes {}", c.documents.len(), c.questions.len(), c.answers.len(), c.parties.len(), c.themes.len());
    let t = Instant::now();
    let index = SearchIndex::build(&c);
    println!("build {:?} terms {} postings {} bytes units {}", t.elapsed(), index.term_count(), index.postings.len(), index.unit_lengths.len());
    let cb = postcard::to_allocvec(&c).unwrap();
    let ib = postcard::to_allocvec(&index).unwrap();
    println!("corpus {} index {}", cb.len(), ib.len());
    std::fs::write("/tmp/scratch/corpus.bin", cb).unwrap();
    std::fs::write("/tmp/scratch/index.bin", ib).unwrap();
    let bundle = Bundle { corpus: c.clone(), index: index.clone() };
    std::fs::write("/tmp/scratch/bundle.bin", encode(&bundle)).unwrap();
    let t = Instant::now();
    let ex = Explorer::new(&c, &index);
    println!("explorer new {:?}", t.elapsed());
    let qs = ["q=terugkeerhubs", "q=ge%C3%AFndexeerd", "q=%22de+minister%22", "q=minister", "q=asiel+migratie", "", "partij=Volt&partij=PvdD", "thema=terugkeer&van=2024-01-01&tot=2025-06-30", "q=de&sorteer=oudste", "partij=VVD&q=%22het+kabinet%22&beantwoord=ja", "q=%22de+minister+van%22+asiel"];
    for qs in qs {
        let (q, _) = parse_query_string(qs, &c);
        let t = Instant::now();
        let o = ex.run(&q);
        println!("{qs}: {} questions, {} docs in {:?}", o.total, o.document_hits.len(), t.elapsed());
    }
    let _ = Query::default();
}
