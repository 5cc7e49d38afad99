//! Prints the glyph rows of a PDF (debugging aid): `cargo run -p briefwissel-readers --example pdf_glyphs FILE`.
fn main() {
    let path = std::env::args().nth(1).unwrap_or_default();
    let bytes = std::fs::read(&path).unwrap_or_default();
    match briefwissel_readers::pdf::read_pages(&bytes) {
        Ok(pages) => {
            for p in pages {
                println!("=== page {} {}x{}", p.number, p.width, p.height);
                let mut row = String::new();
                let mut last: Option<(f32, f32, f32, usize, bool)> = None;
                for g in &p.glyphs {
                    if let Some((y, x, size, font, art)) = last {
                        if (g.y - y).abs() > 0.5
                            || (g.x - x).abs() > 30.0
                            || g.size != size
                            || g.font != font
                        {
                            println!(
                                "{:7.2} {:7.2} {:5.2} f{} {} |{}|",
                                y,
                                x,
                                size,
                                font,
                                if art { "A" } else { " " },
                                row
                            );
                            row.clear();
                            last = None;
                        }
                    }
                    if last.is_none() {
                        last = Some((g.y, g.x, g.size, g.font, g.artifact));
                    }
                    row.push_str(&g.text);
                    if let Some(l) = last.as_mut() {
                        l.1 = g.x + g.width;
                    }
                }
                if let Some((y, x, size, font, art)) = last {
                    println!(
                        "{:7.2} {:7.2} {:5.2} f{} {} |{}|",
                        y,
                        x,
                        size,
                        font,
                        if art { "A" } else { " " },
                        row
                    );
                }
                println!("fonts: {:?}", p.fonts);
            }
        }
        Err(e) => println!("error: {e}"),
    }
}
