//! Word (.docx): paragraphs with restored numbering, tables as text, footnotes from their own part.

use crate::docx_numbering::{letterhead, note_numbers, Numbering, Styles};
use crate::docx_parts::{parse_xml, Block, Converter, El, Item, Para};
use crate::{note_marker, Extracted, Line, Note, Properties, ReadError};
use std::collections::HashMap;
use std::io::{Cursor, Read};

/// No part may inflate beyond this (zip bombs).
const MAX_PART: u64 = 64 * 1024 * 1024;
const OLE_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

type Rels = Vec<(String, String, String)>;

/// Reads a .docx file.
pub fn read(bytes: &[u8]) -> Result<Extracted, ReadError> {
    let mut pkg = Package::open(bytes)?;
    let package_rels = pkg.rels("")?;
    let target = |rels: &Rels, kind: &str, default: &str| {
        let found = rels.iter().find(|(_, k, _)| k == kind);
        found.map_or_else(|| default.to_string(), |(_, _, t)| t.clone())
    };
    let main = target(&package_rels, "officeDocument", "word/document.xml");
    let Some(doc) = pkg.xml(&main)? else {
        return Err(ReadError::new(format!(
            "geen Word-document: het zip-archief bevat geen {main} (is het een ander Office-bestand, \
             zoals .xlsx of .pptx?)"
        )));
    };
    let body = doc.wchild("body").ok_or_else(|| {
        ReadError::new(format!("geen Word-document: {main} heeft geen hoofdtekst"))
    })?;
    let rels = pkg.rels(&main)?;
    let styles = pkg.xml(&target(&rels, "styles", "word/styles.xml"))?;
    let styles = styles.map(|root| Styles::parse(&root)).unwrap_or_default();
    let numbering = pkg.xml(&target(&rels, "numbering", "word/numbering.xml"))?;
    let numbering = numbering
        .map(|root| Numbering::parse(&root))
        .unwrap_or_default();

    let blocks = Converter::default().blocks(body);
    let mut sections = Vec::new();
    collect_sections(body, &mut sections);
    let mut render = Render {
        numbering,
        notes: note_numbers(&blocks),
        track_pages: true,
        section_starts: sections.iter().skip(1).map(|s| starts_page(s)).collect(),
        ..Render::new(&styles)
    };
    let mut out = Extracted::default();
    render.body(&blocks, false, &mut out.lines);

    for (endnote, kind) in [(false, "footnotes"), (true, "endnotes")] {
        if render.notes.keys().any(|(e, _)| *e == endnote) {
            if let Some(root) = pkg.xml(&target(&rels, kind, &format!("word/{kind}.xml")))? {
                out.notes.extend(render.note_bodies(&root, endnote));
            }
        }
    }
    out.notes
        .sort_by_key(|n| n.number.parse::<u64>().unwrap_or(u64::MAX));

    let headers = match sections.first() {
        Some(section) => headers_in_print_order(section, &rels),
        None => Vec::new(),
    };
    if let Some(first) = headers.first() {
        if let Some(root) = pkg.xml(first)? {
            out.letterhead = letterhead(&render.plain_texts(&root));
        }
    }
    if out.letterhead.is_empty() {
        out.letterhead = letterhead(&render.page_one_frames);
    }

    if let Some(root) = pkg.xml(&target(
        &package_rels,
        "core-properties",
        "docProps/core.xml",
    ))? {
        let field = |name: &str| {
            let text = root.find(name).map(|e| e.text().trim().to_string());
            text.filter(|t| !t.is_empty())
        };
        let (title, created, modified) = (field("title"), field("created"), field("modified"));
        out.properties = Properties {
            title,
            created,
            modified,
        };
    }
    let app = pkg.xml(&target(
        &package_rels,
        "extended-properties",
        "docProps/app.xml",
    ))?;
    let app_pages = app.and_then(|root| root.find("Pages")?.text().trim().parse::<u32>().ok());
    // app.xml holds what Word last saved and can be stale: never report fewer pages than counted.
    out.pages = app_pages.unwrap_or(0).max(render.page);
    // The header of the following pages prints some fields again, and fills in what the first
    // page leaves blank (Teunissen's "Ons kenmerk -"): page one's values come first. Only what a
    // page prints counts (a letter of one page has no following page), and a header that does
    // not read leaves the first page's fields as they are: the letter itself has been read.
    if out.pages > 1 {
        if let Some(Ok(Some(root))) = headers.get(1).map(|later| pkg.xml(later)) {
            for (label, value) in letterhead(&render.plain_texts(&root)) {
                if !out.letterhead.iter().any(|(l, _)| *l == label) {
                    out.letterhead.push((label, value));
                }
            }
        }
    }
    Ok(out)
}

/// The zip archive and its part names (matched without regard to case, as OPC asks).
struct Package<'a> {
    zip: zip::ZipArchive<Cursor<&'a [u8]>>,
    names: HashMap<String, String>,
}

impl<'a> Package<'a> {
    fn open(bytes: &'a [u8]) -> Result<Package<'a>, ReadError> {
        if bytes.is_empty() {
            return Err(ReadError::new(
                "geen Word-bestand (.docx): het bestand is leeg",
            ));
        }
        if bytes.starts_with(&OLE_MAGIC) {
            return Err(ReadError::new(
                "dit is een oud Word-bestand in .doc-formaat (of een ander oud Office-bestand), geen \
                 .docx: open het in Word en sla het op als .docx",
            ));
        }
        let zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| {
            ReadError::new(if bytes.starts_with(b"PK") {
                format!(
                    "geen leesbaar Word-bestand (.docx): het zip-archief is beschadigd of onvolledig ({e})"
                )
            } else {
                format!("geen Word-bestand (.docx): geen zip-archief ({e})")
            })
        })?;
        let names = zip
            .file_names()
            .map(|n| (n.to_lowercase(), n.to_string()))
            .collect();
        Ok(Package { zip, names })
    }

    /// The parsed XML of a part, `None` when the archive lacks it.
    fn xml(&mut self, path: &str) -> Result<Option<El>, ReadError> {
        let Some(name) = self.names.get(&path.to_lowercase()).cloned() else {
            return Ok(None);
        };
        let damaged = |e: &dyn std::fmt::Display| {
            ReadError::new(format!(
                "geen leesbaar Word-bestand (.docx): {path} in het zip-archief is beschadigd of onvolledig ({e})"
            ))
        };
        let bomb = ReadError::new(format!(
            "{path} niet gelezen: bij het uitpakken wordt het groter dan {} MB (een zip-bom of een beschadigd bestand)",
            MAX_PART >> 20
        ));
        let file = self.zip.by_name(&name).map_err(|e| damaged(&e))?;
        if file.size() > MAX_PART {
            return Err(bomb);
        }
        let mut bytes = Vec::new();
        file.take(MAX_PART + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| damaged(&e))?;
        if bytes.len() as u64 > MAX_PART {
            return Err(bomb);
        }
        parse_xml(&bytes, path).map(Some)
    }

    /// The relationships of a part ("" for the package): (id, kind, target part name).
    fn rels(&mut self, part: &str) -> Result<Rels, ReadError> {
        let (dir, file) = part.rsplit_once('/').unwrap_or(("", part));
        let path = match dir {
            "" => format!("_rels/{file}.rels"),
            _ => format!("{dir}/_rels/{file}.rels"),
        };
        let Some(root) = self.xml(&path)? else {
            return Ok(Vec::new());
        };
        let rels = root.elements().filter(|r| r.name == "Relationship");
        let rels = rels.filter(|r| r.attr("TargetMode") != Some("External"));
        Ok(rels
            .filter_map(|r| {
                let kind = r.attr("Type")?.rsplit('/').next()?.to_string();
                Some((
                    r.attr("Id")?.to_string(),
                    kind,
                    resolve(dir, r.attr("Target")?),
                ))
            })
            .collect())
    }
}

/// A relationship target relative to `dir`, as a part name without leading slash.
fn resolve(dir: &str, target: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    let base = if target.starts_with('/') { "" } else { dir };
    for seg in base.split('/').chain(target.split('/')) {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    parts.join("/")
}

/// Every `w:sectPr` of the body in document order (the last one is the body's own).
fn collect_sections<'a>(el: &'a El, out: &mut Vec<&'a El>) {
    for kid in el.elements() {
        if kid.w("sectPr") {
            out.push(kid);
        } else if !["sectPrChange", "pPrChange", "txbxContent", "tbl"]
            .iter()
            .any(|n| kid.w(n))
        {
            collect_sections(kid, out);
        }
    }
}

/// Whether a section starts on a new page (all types but continuous and next column do).
fn starts_page(sect: &El) -> bool {
    !matches!(sect.val("type"), Some("continuous" | "nextColumn"))
}

/// The headers of a section as they are printed: the first page's (the first-page header when the
/// section has a distinct title page, else the default header; either when the other is missing),
/// then the following pages' (the default header, when it is another one).
fn headers_in_print_order(sect: &El, rels: &Rels) -> Vec<String> {
    let reference = |kind: &str| {
        let r = sect
            .elements()
            .find(|e| e.w("headerReference") && e.attr("type") == Some(kind))?;
        let id = r.attr("id")?;
        rels.iter()
            .find(|(i, _, _)| i == id)
            .map(|(_, _, t)| t.clone())
    };
    let title_page = sect.wchild("titlePg").is_some_and(El::on);
    let order = match title_page {
        true => ["first", "default"],
        false => ["default", "first"],
    };
    let mut headers: Vec<String> = order.into_iter().filter_map(reference).take(1).collect();
    if title_page {
        headers.extend(reference("default").filter(|d| !headers.contains(d)));
    }
    headers
}

/// Walks blocks in reading order: numbering counters, note markers and the page count.
struct Render<'a> {
    styles: &'a Styles,
    numbering: Numbering,
    notes: HashMap<(bool, String), String>,
    note_pages: HashMap<(bool, String), u32>,
    track_pages: bool,
    page: u32,
    /// A page has just begun, and Word's own mark of that page break may still follow.
    fresh: bool,
    /// Per section break in order: whether the next section starts on a new page.
    section_starts: Vec<bool>,
    sections_seen: usize,
    /// Texts of table cells and text boxes on page 1 (letterhead blocks in the body).
    page_one_frames: Vec<String>,
}

impl<'a> Render<'a> {
    /// A renderer without numbering, notes or page counting (for headers and notes).
    fn new(styles: &'a Styles) -> Render<'a> {
        Render {
            styles,
            numbering: Numbering::default(),
            notes: HashMap::new(),
            note_pages: HashMap::new(),
            track_pages: false,
            page: 1,
            fresh: false,
            section_starts: Vec::new(),
            sections_seen: 0,
            page_one_frames: Vec::new(),
        }
    }

    fn new_page(&mut self, hard: bool) {
        if self.track_pages && (hard || !self.fresh) {
            self.page += 1;
        }
        self.fresh = true;
    }

    /// Body blocks as lines: one per non-empty paragraph, one per table row (a row of one cell in
    /// the text: its lines, see [`Render::row`]).
    fn body(&mut self, blocks: &[Block], in_frame: bool, lines: &mut Vec<Line>) {
        let mut gap = false;
        for block in blocks {
            let rendered = match block {
                Block::Para(p) => {
                    let line = self.para(p, in_frame || p.in_text_box);
                    if p.ends_section && !p.in_text_box {
                        let starts = self.section_starts.get(self.sections_seen) == Some(&true);
                        self.sections_seen += 1;
                        if starts {
                            self.new_page(false);
                        }
                    }
                    vec![line]
                }
                Block::Table(t) => (t.rows.iter())
                    .flat_map(|row| self.row(row, t.floating))
                    .collect(),
            };
            for mut line in rendered {
                if line.text.is_empty() {
                    gap = true;
                } else {
                    line.gap_before |= std::mem::take(&mut gap);
                    lines.push(line);
                }
            }
        }
    }

    /// A table row: its non-empty cells joined with ` | `, each cell's paragraphs with a space. A
    /// row of one cell in a table of the text (Word letters lay out their opening and signature
    /// so) is a block of text: its paragraphs are lines as elsewhere, joined with a space where
    /// no empty paragraph stands between them (the template writes one sentence in pieces:
    /// "… deel ik u mede" / "dat de vragen …"), so that a signature stays apart from the
    /// sentence before it; a table inside it keeps its own lines.
    fn row(&mut self, cells: &[Vec<Block>], floating: bool) -> Vec<Line> {
        let ([cell], false) = (cells, floating) else {
            return self.row_as_line(cells).into_iter().collect();
        };
        let mut lines: Vec<Line> = Vec::new();
        let (mut gap, mut after_paragraph) = (false, false);
        for block in cell {
            let mut part = Vec::new();
            self.body(std::slice::from_ref(block), true, &mut part);
            if part.is_empty() {
                gap = true;
                continue;
            }
            let paragraph = matches!(block, Block::Para(_));
            for mut line in part {
                line.gap_before |= std::mem::take(&mut gap);
                match lines.last_mut() {
                    Some(last) if paragraph && after_paragraph && !line.gap_before => {
                        last.bold &= line.bold;
                        last.text.push(' ');
                        last.text.push_str(&line.text);
                    }
                    _ => lines.push(line),
                }
            }
            after_paragraph = paragraph;
        }
        // Empty paragraphs at the end of the cell are a gap before what follows the row (an empty
        // line, which the body turns into the next line's gap); a row of nothing but empty
        // paragraphs is no line and no gap, as before.
        if let (true, Some(last)) = (gap, lines.last()) {
            let end = Line {
                text: String::new(),
                ..last.clone()
            };
            lines.push(end);
        }
        lines
    }

    /// A table row as one line: its non-empty cells joined with ` | `, each cell's paragraphs with
    /// a space.
    fn row_as_line(&mut self, cells: &[Vec<Block>]) -> Option<Line> {
        let mut parts: Vec<Line> = Vec::new();
        for cell in cells {
            let mut inner = Vec::new();
            self.body(cell, true, &mut inner);
            let Some(mut first) = inner.first().cloned() else {
                continue;
            };
            first.bold = inner.iter().all(|l| l.bold);
            first.text = inner
                .iter()
                .map(|l| l.text.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            parts.push(first);
        }
        let mut row = parts.first()?.clone();
        row.bold = parts.iter().all(|p| p.bold);
        row.text = parts
            .iter()
            .map(|p| p.text.as_str())
            .collect::<Vec<_>>()
            .join(" | ");
        row.gap_before = false;
        Some(row)
    }

    /// Every paragraph's text in a header or note, in order (table cells and text boxes too).
    fn plain_texts(&self, root: &El) -> Vec<String> {
        fn walk(render: &mut Render, blocks: &[Block], out: &mut Vec<String>) {
            for block in blocks {
                match block {
                    Block::Para(p) => out.push(render.para(p, false).text),
                    Block::Table(t) => t.rows.iter().flatten().for_each(|c| walk(render, c, out)),
                }
            }
        }
        let blocks = Converter::default().blocks(root);
        let mut plain = Render::new(self.styles);
        let mut out = Vec::new();
        walk(&mut plain, &blocks, &mut out);
        out
    }

    /// The notes of one part that the body refers to.
    fn note_bodies(&self, root: &El, endnote: bool) -> Vec<Note> {
        let kind = if endnote { "endnote" } else { "footnote" };
        let mut notes = Vec::new();
        for note in root.elements().filter(|e| e.w(kind)) {
            let key = (endnote, note.attr("id").unwrap_or_default().to_string());
            let Some(number) = self.notes.get(&key).cloned() else {
                continue;
            };
            let mut texts = self.plain_texts(note);
            texts.retain(|t| !t.is_empty());
            let page = self.note_pages.get(&key).copied().unwrap_or(0);
            notes.push(Note {
                number,
                text: texts.join(" "),
                page,
            });
        }
        notes
    }

    /// A paragraph as a line, with its numbering label and note markers; advances pages and counters.
    fn para(&mut self, p: &Para, in_frame: bool) -> Line {
        let styles = self.styles;
        let style = styles.para_style(p.style.as_deref());
        if p.break_before {
            self.new_page(false);
        }
        let (style_num, style_ilvl) = styles.numbering(style);
        let label = p.num_id.as_deref().or(style_num).and_then(|num| {
            self.numbering
                .next_label(num, p.ilvl.or(style_ilvl), style, styles)
        });
        let mut text = String::new();
        let mut first_page = None;
        let (mut bold, mut any) = (true, false);
        let (mut size, mut font) = (None, None);
        for item in &p.items {
            match item {
                Item::Text(t, _) if t.trim().is_empty() => text.push_str(t),
                Item::Text(t, props) => {
                    self.fresh = false;
                    first_page.get_or_insert(self.page);
                    let run = styles.resolve(props, style);
                    bold &= run.bold.unwrap_or(false);
                    any = true;
                    size = size.or(run.half_points);
                    font = font.or(run.font);
                    text.push_str(t);
                }
                Item::PageBreak => self.new_page(true),
                Item::RenderedBreak => {
                    if self.track_pages && !std::mem::take(&mut self.fresh) {
                        self.page += 1;
                    }
                }
                Item::NoteRef { endnote, id, .. } => {
                    let key = (*endnote, id.clone());
                    if let Some(number) = self.notes.get(&key) {
                        text.push_str(&note_marker(number));
                        let page = *first_page.get_or_insert(self.page);
                        self.note_pages.entry(key).or_insert(page);
                    }
                }
            }
        }
        let mut text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        match label.as_deref() {
            None | Some("") => {}
            Some("-") if text.is_empty() => {}
            Some(l) if text.is_empty() => text = l.to_string(),
            Some(l) => text = format!("{l} {text}"),
        }
        let mark = styles.resolve(&Default::default(), style);
        let page = first_page.unwrap_or(self.page);
        if in_frame && self.track_pages && page == 1 {
            self.page_one_frames.push(text.clone());
        }
        Line {
            text,
            page,
            x: 0.0,
            y: 0.0,
            size: size.or(mark.half_points).map_or(0.0, |h| h as f32 / 2.0),
            font: font.or(mark.font).unwrap_or_default(),
            bold: if any {
                bold
            } else {
                mark.bold.unwrap_or(false)
            },
            gap_before: false,
            continues: false,
        }
    }
}
