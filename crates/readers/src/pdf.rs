//! PDF: the text layer, read glyph by glyph with page, position, size and font, then laid out.

use crate::pdf_fonts::FontInfo;
use crate::pdf_layout;
use crate::{Extracted, Properties, ReadError};
use lopdf::content::Operation;
use lopdf::{Document, Object, ObjectId};
use std::collections::{BTreeMap, HashMap};
use std::rc::Rc;

/// PDFs larger than this are refused before loading (the build and the browser hold the file in memory).
pub const MAX_PDF_BYTES: usize = 64 * 1024 * 1024;
/// Content-stream operations read per page at most; beyond it the page is cut short with an error.
const MAX_OPERATIONS_PER_PAGE: usize = 2_000_000;
/// Nested form XObjects followed at most.
const MAX_FORM_DEPTH: usize = 8;
/// Content (page and form streams) decoded per document at most: a few kilobytes of compressed
/// stream can inflate to gigabytes (a decompression bomb).
const MAX_DECODED_BYTES: usize = 256 * 1024 * 1024;

/// One glyph as placed on the page. Coordinates are PDF points with y growing upwards.
#[derive(Debug, Clone)]
pub struct Glyph {
    pub text: String,
    /// Left edge and baseline.
    pub x: f32,
    pub y: f32,
    /// Advance width on the page.
    pub width: f32,
    /// Effective font size on the page.
    pub size: f32,
    /// Index into [`Page::fonts`].
    pub font: usize,
    /// Inside a marked-content sequence tagged `/Artifact` (page furniture in tagged PDFs).
    pub artifact: bool,
}

/// The glyphs of one page, in content-stream order.
#[derive(Debug, Clone, Default)]
pub struct Page {
    pub number: u32,
    pub width: f32,
    pub height: f32,
    pub glyphs: Vec<Glyph>,
    /// Font names (BaseFont without subset prefix), indexed by [`Glyph::font`].
    pub fonts: Vec<String>,
}

/// Reads a PDF file: its text layer, laid out into lines, footnotes and page furniture.
pub fn read(bytes: &[u8]) -> Result<Extracted, ReadError> {
    let doc = open(bytes)?;
    let pages = pages_of(&doc, bytes)?;
    let doc_props = properties(&doc);
    let mut extracted = pdf_layout::lay_out(&pages);
    extracted.properties = doc_props;
    extracted.pages = pages.len() as u32;
    if extracted.lines.is_empty() && extracted.notes.is_empty() {
        return Err(ReadError::new(format!(
            "the PDF has {} page(s) but no text layer (a scan?); it needs OCR before Briefwissel can read it",
            pages.len()
        )));
    }
    Ok(extracted)
}

/// Reads the glyphs of every page.
pub fn read_pages(bytes: &[u8]) -> Result<Vec<Page>, ReadError> {
    pages_of(&open(bytes)?, bytes)
}

/// Checks the size and the header, and loads the document.
fn open(bytes: &[u8]) -> Result<Document, ReadError> {
    if bytes.len() > MAX_PDF_BYTES {
        return Err(ReadError::new(format!(
            "the PDF is {} MB, more than the {} MB Briefwissel reads",
            bytes.len() / (1024 * 1024),
            MAX_PDF_BYTES / (1024 * 1024)
        )));
    }
    let head = &bytes[..bytes.len().min(1024)];
    if !head.windows(5).any(|w| w == b"%PDF-") {
        return Err(ReadError::new(
            "not a PDF file: the %PDF- header is missing",
        ));
    }
    load(bytes)
}

/// The glyphs of every page of a loaded document (`bytes` is the file it was loaded from).
fn pages_of(doc: &Document, bytes: &[u8]) -> Result<Vec<Page>, ReadError> {
    let page_ids: BTreeMap<u32, ObjectId> = doc.get_pages();
    if page_ids.is_empty() {
        return Err(ReadError::new(
            "the PDF has no pages that can be read (truncated or damaged?)",
        ));
    }
    if doc.xref_recovery == Some(lopdf::xref::XrefRecovery::Reconstructed) {
        damaged(doc, &page_ids, bytes)?;
    }
    let mut decoded = Decoded {
        budget: MAX_DECODED_BYTES,
        forms: HashMap::new(),
    };
    let mut pages = Vec::with_capacity(page_ids.len());
    for (number, id) in page_ids {
        pages.push(read_page(doc, number, id, &mut decoded)?);
    }
    Ok(pages)
}

fn load(bytes: &[u8]) -> Result<Document, ReadError> {
    let doc = match Document::load_mem(bytes) {
        Ok(doc) => doc,
        Err(e) => {
            let text = e.to_string();
            let lower = text.to_lowercase();
            if lower.contains("decrypt") || lower.contains("password") || lower.contains("encrypt")
            {
                return Err(ReadError::new(format!(
                    "the PDF is encrypted or password-protected ({text}); save an unprotected copy first"
                )));
            }
            return Err(ReadError::new(format!(
                "the PDF cannot be opened: it is truncated or damaged ({text})"
            )));
        }
    };
    if doc.trailer.get(b"Encrypt").is_ok() && doc.encryption_state.is_none() {
        return Err(ReadError::new(
            "the PDF is encrypted or password-protected; save an unprotected copy first",
        ));
    }
    Ok(doc)
}

/// Objects followed per page when looking for parts a damaged file lost.
const MAX_OBJECTS_CHECKED: usize = 20_000;

/// A file whose cross-reference table had to be rebuilt (cut off, or damaged) still loads, but
/// pages whose content, fonts or images are gone would come out short or empty, or look like a
/// scan. Such a file is refused, naming the first damaged page and listing them all.
fn damaged(
    doc: &Document,
    page_ids: &BTreeMap<u32, ObjectId>,
    bytes: &[u8],
) -> Result<(), ReadError> {
    let damaged: Vec<u32> = page_ids
        .iter()
        .filter(|(_, &id)| refers_to_missing(doc, id))
        .map(|(&n, _)| n)
        .collect();
    let declared = doc
        .catalog()
        .ok()
        .and_then(|c| c.get(b"Pages").ok())
        .and_then(|p| doc.dereference(p).ok())
        .and_then(|(_, p)| p.as_dict().ok())
        .and_then(|p| p.get(b"Count").ok())
        .and_then(|c| c.as_i64().ok())
        .and_then(|c| usize::try_from(c).ok())
        .unwrap_or(0);
    let lost = declared.saturating_sub(page_ids.len());
    if damaged.is_empty() && lost == 0 {
        return Ok(());
    }
    let tail = &bytes[bytes.len().saturating_sub(1024)..];
    let why = if tail.windows(5).any(|w| w == b"%%EOF") {
        "damaged"
    } else {
        "truncated (it ends without the %%EOF end marker, as after an interrupted download)"
    };
    let mut what = Vec::new();
    if !damaged.is_empty() {
        let list: Vec<String> = damaged.iter().map(u32::to_string).collect();
        what.push(format!(
            "{} {} of {} refer{} to content the file no longer holds",
            if damaged.len() == 1 { "page" } else { "pages" },
            list.join(", "),
            page_ids.len().max(declared),
            if damaged.len() == 1 { "s" } else { "" },
        ));
    }
    if lost > 0 {
        what.push(format!(
            "{lost} of the {declared} pages it lists cannot be found"
        ));
    }
    Err(ReadError {
        page: damaged.first().copied(),
        message: format!(
            "the PDF is {why}: {}; get a complete copy of the file",
            what.join(", and ")
        ),
    })
}

/// Whether a page's content or resources refer to an object the file does not hold.
fn refers_to_missing(doc: &Document, page: ObjectId) -> bool {
    let Ok(dict) = doc.get_dictionary(page) else {
        return true;
    };
    let mut todo: Vec<&Object> = [b"Contents".as_slice(), b"Resources"]
        .iter()
        .filter_map(|k| dict.get(k).ok())
        .collect();
    let mut seen = std::collections::HashSet::new();
    while let Some(object) = todo.pop() {
        if seen.len() > MAX_OBJECTS_CHECKED {
            break;
        }
        match object {
            Object::Reference(id) => {
                if !seen.insert(*id) {
                    continue;
                }
                match doc.objects.get(id) {
                    Some(o) => todo.push(o),
                    None => return true,
                }
            }
            Object::Array(items) => todo.extend(items),
            Object::Dictionary(d) => todo.extend(
                d.iter()
                    .filter(|(k, _)| k.as_slice() != b"Parent")
                    .map(|(_, v)| v),
            ),
            Object::Stream(s) => todo.extend(s.dict.iter().map(|(_, v)| v)),
            _ => {}
        }
    }
    false
}

/// Title and dates from the Info dictionary, when present.
fn properties(doc: &Document) -> Properties {
    let info = doc
        .trailer
        .get(b"Info")
        .ok()
        .and_then(|o| doc.dereference(o).ok())
        .and_then(|(_, o)| o.as_dict().ok());
    let field = |key: &[u8]| -> Option<String> {
        let o = info?.get(key).ok()?;
        let s = lopdf::decode_text_string(o).ok()?;
        let s = s.trim().to_string();
        (!s.is_empty()).then_some(s)
    };
    Properties {
        title: field(b"Title"),
        created: field(b"CreationDate"),
        modified: field(b"ModDate"),
    }
}

/// The content decoded so far in a document: what is left of [`MAX_DECODED_BYTES`], and the
/// operations of every form XObject met (decoded once, however often it is drawn).
struct Decoded {
    budget: usize,
    forms: HashMap<ObjectId, Option<Rc<Vec<Operation>>>>,
}

fn read_page(
    doc: &Document,
    number: u32,
    id: ObjectId,
    decoded: &mut Decoded,
) -> Result<Page, ReadError> {
    let page_error = |message: String| ReadError {
        page: Some(number),
        message,
    };
    let too_large = || {
        page_error(format!(
            "the PDF's content streams inflate to more than {} MB (a decompression bomb or a \
             damaged file); not read",
            MAX_DECODED_BYTES >> 20
        ))
    };
    let (width, height) = media_box(doc, id);
    let content = doc
        .get_page_content_with_limit(id, decoded.budget)
        .map_err(|_| too_large())?;
    decoded.budget = decoded.budget.saturating_sub(content.len());
    let mut page = Page {
        number,
        width,
        height,
        ..Page::default()
    };
    if content.is_empty() {
        return Ok(page);
    }
    let ops = lopdf::content::Content::decode(&content)
        .map_err(|e| page_error(format!("the page's content cannot be read: {e}")))?;
    let resources = page_resources(doc, id);
    let mut state = Interpreter::new(doc, &mut page, decoded);
    state.run(&ops.operations, resources, 0);
    if state.too_large {
        return Err(too_large());
    }
    if state.truncated {
        return Err(page_error(format!(
            "the page has more than {MAX_OPERATIONS_PER_PAGE} drawing operations; not read"
        )));
    }
    Ok(page)
}

fn media_box(doc: &Document, id: ObjectId) -> (f32, f32) {
    let mut current = doc.get_dictionary(id).ok();
    for _ in 0..32 {
        let Some(dict) = current else { break };
        if let Ok(Object::Array(a)) = dict.get_deref(b"MediaBox", doc) {
            let v: Vec<f32> = a.iter().filter_map(number).collect();
            if v.len() == 4 {
                return ((v[2] - v[0]).abs(), (v[3] - v[1]).abs());
            }
        }
        current = dict
            .get(b"Parent")
            .ok()
            .and_then(|p| p.as_reference().ok())
            .and_then(|p| doc.get_dictionary(p).ok());
    }
    (595.0, 842.0)
}

/// The page's resource dictionary (inherited from the page tree when the page has none).
fn page_resources(doc: &Document, id: ObjectId) -> Option<&lopdf::Dictionary> {
    let mut current = doc.get_dictionary(id).ok();
    for _ in 0..32 {
        let dict = current?;
        if let Ok(r) = dict.get_deref(b"Resources", doc).and_then(Object::as_dict) {
            return Some(r);
        }
        current = dict
            .get(b"Parent")
            .ok()
            .and_then(|p| p.as_reference().ok())
            .and_then(|p| doc.get_dictionary(p).ok());
    }
    None
}

pub(crate) fn number(o: &Object) -> Option<f32> {
    match o {
        Object::Integer(i) => Some(*i as f32),
        Object::Real(r) => Some(*r),
        _ => None,
    }
}

/// An affine transform `[a b c d e f]` as in PDF.
#[derive(Debug, Clone, Copy)]
struct Matrix([f32; 6]);

impl Matrix {
    const IDENTITY: Matrix = Matrix([1.0, 0.0, 0.0, 1.0, 0.0, 0.0]);

    fn from_operands(ops: &[Object]) -> Option<Matrix> {
        let v: Vec<f32> = ops.iter().filter_map(number).collect();
        (v.len() == 6 && v.iter().all(|x| x.is_finite()))
            .then(|| Matrix([v[0], v[1], v[2], v[3], v[4], v[5]]))
    }

    /// `self × other`.
    fn then(self, other: Matrix) -> Matrix {
        let [a, b, c, d, e, f] = self.0;
        let [a2, b2, c2, d2, e2, f2] = other.0;
        Matrix([
            a * a2 + b * c2,
            a * b2 + b * d2,
            c * a2 + d * c2,
            c * b2 + d * d2,
            e * a2 + f * c2 + e2,
            e * b2 + f * d2 + f2,
        ])
    }

    fn translate(tx: f32, ty: f32) -> Matrix {
        Matrix([1.0, 0.0, 0.0, 1.0, tx, ty])
    }
}

#[derive(Clone)]
struct GraphicsState {
    ctm: Matrix,
    char_spacing: f32,
    word_spacing: f32,
    scale: f32,
    leading: f32,
    rise: f32,
    font: Option<usize>,
    font_size: f32,
}

/// Walks content streams and records every glyph shown.
struct Interpreter<'a> {
    doc: &'a Document,
    page: &'a mut Page,
    /// Fonts met so far, by (resource dictionary address, resource name).
    fonts: Vec<(usize, Vec<u8>, FontInfo<'a>)>,
    gs: GraphicsState,
    stack: Vec<GraphicsState>,
    tm: Matrix,
    tlm: Matrix,
    marked: Vec<bool>,
    operations: usize,
    truncated: bool,
    decoded: &'a mut Decoded,
    /// A form's content would exceed what is left of [`MAX_DECODED_BYTES`].
    too_large: bool,
}

impl<'a> Interpreter<'a> {
    fn new(doc: &'a Document, page: &'a mut Page, decoded: &'a mut Decoded) -> Interpreter<'a> {
        Interpreter {
            doc,
            page,
            fonts: Vec::new(),
            gs: GraphicsState {
                ctm: Matrix::IDENTITY,
                char_spacing: 0.0,
                word_spacing: 0.0,
                scale: 1.0,
                leading: 0.0,
                rise: 0.0,
                font: None,
                font_size: 0.0,
            },
            stack: Vec::new(),
            tm: Matrix::IDENTITY,
            tlm: Matrix::IDENTITY,
            marked: Vec::new(),
            operations: 0,
            truncated: false,
            decoded,
            too_large: false,
        }
    }

    fn run(&mut self, ops: &[Operation], resources: Option<&'a lopdf::Dictionary>, depth: usize) {
        for op in ops {
            self.operations += 1;
            if self.operations > MAX_OPERATIONS_PER_PAGE {
                self.truncated = true;
                return;
            }
            if self.too_large {
                return;
            }
            let args = op.operands.as_slice();
            let f = |i: usize| args.get(i).and_then(number).unwrap_or(0.0);
            match op.operator.as_str() {
                "q" if self.stack.len() < 256 => self.stack.push(self.gs.clone()),
                "Q" => {
                    if let Some(gs) = self.stack.pop() {
                        self.gs = gs;
                    }
                }
                "cm" => {
                    if let Some(m) = Matrix::from_operands(args) {
                        self.gs.ctm = m.then(self.gs.ctm);
                    }
                }
                "BT" => {
                    self.tm = Matrix::IDENTITY;
                    self.tlm = Matrix::IDENTITY;
                }
                "Tf" => {
                    let name = args.first().and_then(|o| o.as_name().ok());
                    self.gs.font = name.and_then(|n| self.font_index(resources, n));
                    self.gs.font_size = f(1);
                }
                "Tc" => self.gs.char_spacing = f(0),
                "Tw" => self.gs.word_spacing = f(0),
                "Tz" => self.gs.scale = f(0) / 100.0,
                "TL" => self.gs.leading = f(0),
                "Ts" => self.gs.rise = f(0),
                "Td" => self.next_line(f(0), f(1)),
                "TD" => {
                    self.gs.leading = -f(1);
                    self.next_line(f(0), f(1));
                }
                "Tm" => {
                    if let Some(m) = Matrix::from_operands(args) {
                        self.tm = m;
                        self.tlm = m;
                    }
                }
                "T*" => self.next_line(0.0, -self.gs.leading),
                "Tj" => self.show_operand(args.first()),
                "'" => {
                    self.next_line(0.0, -self.gs.leading);
                    self.show_operand(args.first());
                }
                "\"" => {
                    self.gs.word_spacing = f(0);
                    self.gs.char_spacing = f(1);
                    self.next_line(0.0, -self.gs.leading);
                    self.show_operand(args.get(2));
                }
                "TJ" => {
                    if let Some(Object::Array(items)) = args.first() {
                        for item in items {
                            match item {
                                Object::String(..) => self.show_operand(Some(item)),
                                other => {
                                    let adjust = number(other).unwrap_or(0.0);
                                    let tx = -adjust / 1000.0 * self.gs.font_size * self.gs.scale;
                                    self.tm = Matrix::translate(tx, 0.0).then(self.tm);
                                }
                            }
                        }
                    }
                }
                "BDC" | "BMC" => {
                    let artifact = args
                        .first()
                        .and_then(|o| o.as_name().ok())
                        .is_some_and(|n| n == b"Artifact");
                    self.marked.push(artifact);
                }
                "EMC" => {
                    self.marked.pop();
                }
                "Do" if depth < MAX_FORM_DEPTH => {
                    if let Some(name) = args.first().and_then(|o| o.as_name().ok()) {
                        self.form(resources, name, depth);
                    }
                }
                _ => {}
            }
        }
    }

    fn next_line(&mut self, tx: f32, ty: f32) {
        self.tlm = Matrix::translate(tx, ty).then(self.tlm);
        self.tm = self.tlm;
    }

    fn font_index(
        &mut self,
        resources: Option<&'a lopdf::Dictionary>,
        name: &[u8],
    ) -> Option<usize> {
        let res = resources?;
        let key = res as *const _ as usize;
        if let Some(i) = self
            .fonts
            .iter()
            .position(|(k, n, _)| *k == key && n == name)
        {
            return Some(i);
        }
        let fonts = res
            .get_deref(b"Font", self.doc)
            .and_then(Object::as_dict)
            .ok()?;
        let dict = fonts
            .get_deref(name, self.doc)
            .and_then(Object::as_dict)
            .ok()?;
        let info = FontInfo::new(self.doc, dict);
        self.page.fonts.push(info.name.clone());
        self.fonts.push((key, name.to_vec(), info));
        Some(self.fonts.len() - 1)
    }

    fn show_operand(&mut self, operand: Option<&Object>) {
        let Some(Object::String(bytes, _)) = operand else {
            return;
        };
        let Some(fi) = self.gs.font else {
            return;
        };
        let gs = &self.gs;
        let font = &self.fonts[fi].2;
        let artifact = self.marked.iter().any(|&a| a);
        let render = Matrix([
            gs.font_size * gs.scale,
            0.0,
            0.0,
            gs.font_size,
            0.0,
            gs.rise,
        ]);
        let mut glyphs = Vec::new();
        let mut tm = self.tm;
        for (code, code_len) in font.codes(bytes) {
            let trm = render.then(tm).then(gs.ctm);
            let w0 = font.width(code);
            let mut tx = w0 * gs.font_size + gs.char_spacing;
            if code_len == 1 && code == 32 {
                tx += gs.word_spacing;
            }
            tx *= gs.scale;
            let advance = Matrix::translate(tx, 0.0).then(tm).then(gs.ctm);
            let size = (trm.0[2] * trm.0[2] + trm.0[3] * trm.0[3]).sqrt();
            let text = font.decode(code, code_len);
            if !text.is_empty() && size.is_finite() {
                glyphs.push(Glyph {
                    text,
                    x: trm.0[4],
                    y: trm.0[5],
                    width: (advance.0[4] - trm.0[4]).abs(),
                    size,
                    font: fi,
                    artifact,
                });
            }
            tm = Matrix::translate(tx, 0.0).then(tm);
        }
        self.tm = tm;
        self.page.glyphs.extend(glyphs);
    }

    /// Runs a form XObject's content with its own resources and matrix.
    fn form(&mut self, resources: Option<&'a lopdf::Dictionary>, name: &[u8], depth: usize) {
        let Some(res) = resources else { return };
        let Ok(xobjects) = res
            .get_deref(b"XObject", self.doc)
            .and_then(Object::as_dict)
        else {
            return;
        };
        let Ok(stream) = xobjects
            .get_deref(name, self.doc)
            .and_then(Object::as_stream)
        else {
            return;
        };
        let id = xobjects.get(name).and_then(Object::as_reference).ok();
        let is_form = stream
            .dict
            .get(b"Subtype")
            .and_then(Object::as_name)
            .is_ok_and(|s| s == b"Form");
        if !is_form {
            return;
        }
        let Some(ops) = self.form_operations(id, stream) else {
            return;
        };
        let own = stream
            .dict
            .get_deref(b"Resources", self.doc)
            .and_then(Object::as_dict)
            .ok()
            .or(Some(res));
        let saved = self.gs.clone();
        if let Some(m) = stream
            .dict
            .get(b"Matrix")
            .ok()
            .and_then(|o| o.as_array().ok())
            .and_then(|a| Matrix::from_operands(a))
        {
            self.gs.ctm = m.then(self.gs.ctm);
        }
        let (tm, tlm) = (self.tm, self.tlm);
        self.run(&ops, own, depth + 1);
        self.gs = saved;
        self.tm = tm;
        self.tlm = tlm;
    }

    /// A form's operations, decoded the first time the document draws it; `None` when its
    /// content cannot be read or would exceed what is left of [`MAX_DECODED_BYTES`].
    fn form_operations(
        &mut self,
        id: Option<ObjectId>,
        stream: &lopdf::Stream,
    ) -> Option<Rc<Vec<Operation>>> {
        if let Some(known) = id.and_then(|id| self.decoded.forms.get(&id)) {
            return known.clone();
        }
        let ops = match stream.decompressed_content_with_limit(self.decoded.budget) {
            Ok(content) => {
                self.decoded.budget = self.decoded.budget.saturating_sub(content.len());
                lopdf::content::Content::decode(&content)
                    .ok()
                    .map(|c| Rc::new(c.operations))
            }
            Err(lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded {
                ..
            })) => {
                self.too_large = true;
                return None;
            }
            Err(_) => None,
        };
        if let Some(id) = id {
            self.decoded.forms.insert(id, ops.clone());
        }
        ops
    }
}
