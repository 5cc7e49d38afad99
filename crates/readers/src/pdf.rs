//! PDF: the text layer, read glyph by glyph with page, position, size and font, then laid out.

use crate::pdf_content::Interpreter;
use crate::pdf_damage::damaged;
use crate::pdf_layout;
use crate::{Extracted, Properties, ReadError};
use lopdf::content::Operation;
use lopdf::{Document, Object, ObjectId};
use std::collections::{BTreeMap, HashMap};
use std::rc::Rc;

/// PDFs larger than this are refused before loading (the build and the browser hold the file in memory).
pub const MAX_PDF_BYTES: usize = 64 * 1024 * 1024;
/// Content-stream operations read per page at most; beyond it the page is cut short with an error.
pub(crate) const MAX_OPERATIONS_PER_PAGE: usize = 2_000_000;
/// Nested form XObjects followed at most.
pub(crate) const MAX_FORM_DEPTH: usize = 8;
/// Content (page and form streams) decoded per document at most: a few kilobytes of compressed
/// stream can inflate to gigabytes (a decompression bomb).
pub(crate) const MAX_DECODED_BYTES: usize = 256 * 1024 * 1024;

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
            "de PDF heeft {} pagina('s) maar geen tekstlaag (een scan?); er is eerst tekstherkenning (OCR) nodig voordat Briefwissel hem kan lezen",
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
            "de PDF is {} MB, meer dan de {} MB die Briefwissel leest",
            bytes.len() / (1024 * 1024),
            MAX_PDF_BYTES / (1024 * 1024)
        )));
    }
    if bytes.is_empty() {
        return Err(ReadError::new("geen PDF-bestand: het bestand is leeg"));
    }
    let head = &bytes[..bytes.len().min(1024)];
    if !head.windows(5).any(|w| w == b"%PDF-") {
        return Err(ReadError::new(
            "geen PDF-bestand: de aanduiding %PDF- aan het begin ontbreekt",
        ));
    }
    load(bytes)
}

/// The glyphs of every page of a loaded document (`bytes` is the file it was loaded from).
fn pages_of(doc: &Document, bytes: &[u8]) -> Result<Vec<Page>, ReadError> {
    let page_ids: BTreeMap<u32, ObjectId> = doc.get_pages();
    if page_ids.is_empty() {
        return Err(ReadError::new(
            "de PDF heeft geen pagina's die te lezen zijn (onvolledig of beschadigd?)",
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
                    "de PDF is versleuteld of met een wachtwoord beveiligd ({text}); sla eerst een onbeveiligde kopie op"
                )));
            }
            return Err(ReadError::new(format!(
                "de PDF kan niet worden geopend: het bestand is onvolledig of beschadigd ({text})"
            )));
        }
    };
    if doc.trailer.get(b"Encrypt").is_ok() && doc.encryption_state.is_none() {
        return Err(ReadError::new(
            "de PDF is versleuteld of met een wachtwoord beveiligd; sla eerst een onbeveiligde kopie op",
        ));
    }
    Ok(doc)
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
pub(crate) struct Decoded {
    pub(crate) budget: usize,
    pub(crate) forms: HashMap<ObjectId, Option<Rc<Vec<Operation>>>>,
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
            "de inhoud van de PDF wordt bij het uitpakken groter dan {} MB (een decompressiebom of een \
             beschadigd bestand); niet gelezen",
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
        .map_err(|e| page_error(format!("de inhoud van de pagina is niet te lezen: {e}")))?;
    let resources = page_resources(doc, id);
    let mut state = Interpreter::new(doc, &mut page, decoded);
    state.run(&ops.operations, resources, 0);
    if state.too_large {
        return Err(too_large());
    }
    if state.truncated {
        return Err(page_error(format!(
            "de pagina bevat meer dan {MAX_OPERATIONS_PER_PAGE} tekenopdrachten; niet gelezen"
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
