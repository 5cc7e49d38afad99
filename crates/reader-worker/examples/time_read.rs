//! Times each step of reading own documents natively: `cargo run --release -p briefwissel-reader-worker --example time_read -- HEAD FILE...`.

use briefwissel_corpus::artifact::{self, Bundle};
use briefwissel_corpus::own_documents::add_documents;
use briefwissel_corpus::parse::sources::SourceFile;
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((head, files)) = args.split_first() else {
        eprintln!("usage: time_read HEAD FILE...");
        std::process::exit(2);
    };
    let t = Instant::now();
    let bytes = std::fs::read(head).expect("head");
    let published = artifact::decode(&bytes).expect("artifact");
    println!("decode published: {:?}", t.elapsed());
    let files: Vec<SourceFile> = files
        .iter()
        .map(|f| SourceFile {
            name: f.rsplit('/').next().unwrap_or(f).to_string(),
            shown: f.clone(),
            bytes: std::fs::read(f).expect("file"),
        })
        .collect();
    let t = Instant::now();
    let added = add_documents(&published.corpus, files, &mut |_| {}).expect("added");
    println!("add_documents: {:?}", t.elapsed());
    let t = Instant::now();
    let bundle = Bundle::build(added.corpus);
    println!("index: {:?}", t.elapsed());
    let t = Instant::now();
    let out = artifact::encode(&bundle);
    println!("encode: {:?} ({} bytes)", t.elapsed(), out.len());
}
