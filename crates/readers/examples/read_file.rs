//! Prints what a reader makes of a PDF or Word file (debugging aid): `cargo run -p briefwissel-readers --example read_file FILE`.
fn main() {
    let path = std::env::args().nth(1).unwrap_or_default();
    let bytes = std::fs::read(&path).unwrap_or_default();
    let Some(format) = briefwissel_readers::Format::of(&path) else {
        println!("not a .pdf or .docx file");
        return;
    };
    match briefwissel_readers::read(format, &bytes) {
        Ok(x) => {
            for l in &x.lines {
                let flag = if l.continues {
                    "+"
                } else if l.gap_before {
                    "_"
                } else {
                    " "
                };
                let text = l.text.replace('\u{E000}', "[").replace('\u{E001}', "]");
                println!("p{} {:6.1} {:5.2} {} {}", l.page, l.x, l.size, flag, text);
            }
            for n in &x.notes {
                println!("NOTE p{} {}: {}", n.page, n.number, n.text);
            }
            for s in &x.set_aside {
                println!("ASIDE p{} {}: {}", s.page, s.why, s.text);
            }
            println!("letterhead {:?}", x.letterhead);
            println!("{:?} pages {}", x.properties, x.pages);
        }
        Err(e) => println!("error: {e}"),
    }
}
