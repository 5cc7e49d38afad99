//! PDF content streams: the interpreter that follows text and graphics state and records every glyph shown.

use crate::pdf::{number, Decoded, Glyph, Page, MAX_FORM_DEPTH, MAX_OPERATIONS_PER_PAGE};
use crate::pdf_fonts::FontInfo;
use lopdf::content::Operation;
use lopdf::{Document, Object, ObjectId};
use std::rc::Rc;

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
pub(crate) struct Interpreter<'a> {
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
    pub(crate) truncated: bool,
    decoded: &'a mut Decoded,
    /// A form's content would exceed what is left of [`crate::pdf::MAX_DECODED_BYTES`].
    pub(crate) too_large: bool,
}

impl<'a> Interpreter<'a> {
    pub(crate) fn new(
        doc: &'a Document,
        page: &'a mut Page,
        decoded: &'a mut Decoded,
    ) -> Interpreter<'a> {
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

    pub(crate) fn run(
        &mut self,
        ops: &[Operation],
        resources: Option<&'a lopdf::Dictionary>,
        depth: usize,
    ) {
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
    /// content cannot be read or would exceed what is left of [`crate::pdf::MAX_DECODED_BYTES`].
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
