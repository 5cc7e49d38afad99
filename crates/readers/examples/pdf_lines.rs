//! Prints what the PDF reader makes of a file (debugging aid): `cargo run -p briefwissel-readers --example pdf_lines FILE`.
fn main() {
    let path = std::env::args().nth(1).unwrap_or_default();
    let bytes = std::fs::read(&path).unwrap_or_default();
    match briefwissel_readers::pdf::read(&bytes) {
        Ok(x) => {
            for l in &x.lines {
                let flag = if l.continues {
                    "+"
                } else if l.gap_before {
                    "_"
                } else {
                    " "
                };
                println!(
                    "p{} {:6.1} {:5.2} {} {}",
                    l.page,
                    l.x,
                    l.size,
                    flag,
                    l.text.replace('\u{E000}', "[").replace('\u{E001}', "]")
                );
            }
            for n in &x.notes {
                println!("NOTE p{} {}: {}", n.page, n.number, n.text);
            }
            for s in &x.set_aside {
                println!("ASIDE p{} {}: {}", s.page, s.why, s.text);
            }
            println!("{:?} pages {}", x.properties, x.pages);
        }
        Err(e) => println!("error: {e}"),
    }
}
