//! Word (.docx) parts: a small XML tree, and WordprocessingML content as paragraphs and tables.

use crate::ReadError;
use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::Event;
use quick_xml::name::ResolveResult;
use quick_xml::NsReader;

/// Elements nested deeper than this are refused (Word itself stays far below it).
const MAX_DEPTH: usize = 256;

const W_NS: [&[u8]; 2] = [
    b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    b"http://purl.oclc.org/ooxml/wordprocessingml/main",
];
const MC_NS: &[u8] = b"http://schemas.openxmlformats.org/markup-compatibility/2006";

/// The namespaces that matter here: WordprocessingML, markup compatibility, anything else.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Ns {
    W,
    Mc,
    Other,
}

/// One XML element with its attributes (by local name) and content.
#[derive(Debug)]
pub(crate) struct El {
    pub ns: Ns,
    pub name: String,
    pub attrs: Vec<(String, String)>,
    pub kids: Vec<Node>,
}

#[derive(Debug)]
pub(crate) enum Node {
    El(El),
    Text(String),
}

impl El {
    fn new(ns: Ns, name: String, attrs: Vec<(String, String)>) -> El {
        El {
            ns,
            name,
            attrs,
            kids: Vec::new(),
        }
    }

    pub fn is(&self, ns: Ns, name: &str) -> bool {
        self.ns == ns && self.name == name
    }

    /// A `w:` element with this local name.
    pub fn w(&self, name: &str) -> bool {
        self.is(Ns::W, name)
    }

    pub fn attr(&self, local: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == local)
            .map(|(_, v)| v.as_str())
    }

    pub fn elements(&self) -> impl Iterator<Item = &El> {
        self.kids.iter().filter_map(|n| match n {
            Node::El(e) => Some(e),
            Node::Text(_) => None,
        })
    }

    /// The first child `w:` element with this local name.
    pub fn wchild(&self, name: &str) -> Option<&El> {
        self.elements().find(|e| e.w(name))
    }

    /// The `w:val` of the first child `w:` element with this local name.
    pub fn val(&self, name: &str) -> Option<&str> {
        self.wchild(name)?.attr("val")
    }

    /// The first descendant (depth first) with this local name, in any namespace.
    pub fn find(&self, local: &str) -> Option<&El> {
        self.elements().find_map(|e| {
            if e.name == local {
                Some(e)
            } else {
                e.find(local)
            }
        })
    }

    /// The text directly inside.
    pub fn text(&self) -> String {
        let texts = self.kids.iter().filter_map(|n| match n {
            Node::Text(t) => Some(t.as_str()),
            Node::El(_) => None,
        });
        texts.collect()
    }

    /// An on/off property such as `<w:b/>` or `<w:b w:val="0"/>`.
    pub fn on(&self) -> bool {
        !matches!(self.attr("val"), Some("0" | "false" | "off" | "none"))
    }
}

/// Parses one part into its root element. `part` names the part in error messages.
pub(crate) fn parse_xml(bytes: &[u8], part: &str) -> Result<El, ReadError> {
    let mut reader = NsReader::from_reader(bytes);
    // The bottom of the stack stands for the document; its first element is the root.
    let mut stack = vec![El::new(Ns::Other, String::new(), Vec::new())];
    let built = build(&mut reader, &mut stack);
    let root = stack.pop().and_then(|doc| {
        doc.kids.into_iter().find_map(|n| match n {
            Node::El(e) => Some(e),
            Node::Text(_) => None,
        })
    });
    let why = match (built, stack.is_empty(), root) {
        (Ok(()), true, Some(root)) => return Ok(root),
        (Err(e), _, _) => e,
        (Ok(()), false, _) => "het onderdeel houdt midden in een element op".to_string(),
        (Ok(()), true, None) => "geen hoofdelement".to_string(),
    };
    let pos = match reader.error_position() {
        0 => reader.buffer_position(),
        p => p,
    };
    Err(ReadError::new(format!(
        "{part} is geen geldige XML bij byte {pos} ({why}); het Word-bestand is beschadigd"
    )))
}

fn build(reader: &mut NsReader<&[u8]>, stack: &mut Vec<El>) -> Result<(), String> {
    loop {
        let (ns, event) = reader.read_resolved_event().map_err(|e| e.to_string())?;
        let ns = match ns {
            ResolveResult::Bound(n) if W_NS.contains(&n.as_ref()) => Ns::W,
            ResolveResult::Bound(n) if n.as_ref() == MC_NS => Ns::Mc,
            _ => Ns::Other,
        };
        let text = match event {
            Event::Start(ref s) | Event::Empty(ref s) => {
                let name = String::from_utf8_lossy(s.local_name().as_ref()).into_owned();
                let mut attrs = Vec::new();
                for a in s.attributes() {
                    let a = a.map_err(|e| e.to_string())?;
                    let key = String::from_utf8_lossy(a.key.local_name().as_ref()).into_owned();
                    attrs.push((
                        key,
                        a.unescape_value().map_err(|e| e.to_string())?.into_owned(),
                    ));
                }
                let el = El::new(ns, name, attrs);
                if matches!(event, Event::Empty(_)) {
                    attach(stack, el);
                } else if stack.len() > MAX_DEPTH {
                    return Err("elementen te diep genest".into());
                } else {
                    stack.push(el);
                }
                continue;
            }
            Event::End(_) => {
                match stack.pop() {
                    Some(el) if !stack.is_empty() => attach(stack, el),
                    _ => return Err("onverwachte sluittag".into()),
                }
                continue;
            }
            Event::Text(t) => t.decode().map_err(|e| e.to_string())?.into_owned(),
            Event::CData(t) => String::from_utf8_lossy(&t).into_owned(),
            Event::GeneralRef(r) => match r.resolve_char_ref().map_err(|e| e.to_string())? {
                Some(c) => c.to_string(),
                None => {
                    let name = r.decode().map_err(|e| e.to_string())?;
                    let entity = resolve_predefined_entity(&name);
                    entity
                        .ok_or(format!("onbekende entiteit &{name};"))?
                        .to_string()
                }
            },
            Event::Eof => return Ok(()),
            _ => continue,
        };
        if let Some(parent) = stack.last_mut() {
            match parent.kids.last_mut() {
                Some(Node::Text(prev)) => prev.push_str(&text),
                _ => parent.kids.push(Node::Text(text)),
            }
        }
    }
}

fn attach(stack: &mut [El], el: El) {
    if let Some(parent) = stack.last_mut() {
        parent.kids.push(Node::El(el));
    }
}

/// Direct run formatting; `None` means "inherit from the styles".
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct RunProps {
    pub style: Option<String>,
    pub bold: Option<bool>,
    pub half_points: Option<u32>,
    pub font: Option<String>,
    pub hidden: bool,
}

/// What a paragraph holds, in order.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Item {
    Text(String, RunProps),
    /// `w:br w:type="page"`: a page break typed by the author.
    PageBreak,
    /// `w:lastRenderedPageBreak`: where Word last broke the page.
    RenderedBreak,
    /// A footnote (or endnote) reference; `mark` is the custom mark typed after it, if any.
    NoteRef {
        endnote: bool,
        id: String,
        mark: Option<String>,
    },
}

#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Para {
    pub style: Option<String>,
    /// Direct `w:numPr`: numId and ilvl, each when given.
    pub num_id: Option<String>,
    pub ilvl: Option<u8>,
    pub items: Vec<Item>,
    /// The paragraph ends a section (`w:pPr/w:sectPr`).
    pub ends_section: bool,
    pub break_before: bool,
    /// The paragraph sits in a text box.
    pub in_text_box: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Block {
    Para(Para),
    /// Rows of cells, each cell its own blocks.
    Table(Table),
}

/// A table's rows of cells, each cell its own blocks.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Table {
    pub rows: Vec<Vec<Vec<Block>>>,
    /// Positioned on the page apart from the text (`w:tblpPr`): a letter's side column, not a
    /// block of its text.
    pub floating: bool,
}

/// Turns WordprocessingML content into blocks, keeping track of complex fields across paragraphs.
#[derive(Default)]
pub(crate) struct Converter {
    /// One entry per open complex field: `true` once its result part has begun.
    fields: Vec<bool>,
    in_text_box: bool,
    /// A reference with `w:customMarkFollows` waits for its mark.
    mark_follows: bool,
}

impl Converter {
    /// The paragraphs and tables in a container (`w:body`, a cell, a text box, a note, a header).
    pub fn blocks(&mut self, container: &El) -> Vec<Block> {
        let mut out = Vec::new();
        self.container(container, &mut out);
        out
    }

    fn container(&mut self, el: &El, out: &mut Vec<Block>) {
        for kid in el.elements() {
            if kid.w("p") {
                let para = self.para(kid, out);
                out.push(Block::Para(para));
            } else if kid.w("tbl") {
                let table = self.table(kid);
                out.push(Block::Table(table));
            } else if kid.w("sdt") || kid.w("customXml") {
                self.container(kid.wchild("sdtContent").unwrap_or(kid), out);
            } else if let Some(choice) = chosen(kid) {
                self.container(choice, out);
            }
        }
    }

    fn table(&mut self, tbl: &El) -> Table {
        let rows = content_children(tbl, "tr").into_iter();
        let rows = rows
            .map(|tr| {
                content_children(tr, "tc")
                    .into_iter()
                    .map(|tc| self.blocks(tc))
                    .collect()
            })
            .collect();
        let floating = (tbl.wchild("tblPr")).is_some_and(|pr| pr.wchild("tblpPr").is_some());
        Table { rows, floating }
    }

    fn para(&mut self, p: &El, out: &mut Vec<Block>) -> Para {
        let mut para = Para {
            in_text_box: self.in_text_box,
            ..Para::default()
        };
        if let Some(ppr) = p.wchild("pPr") {
            para.style = ppr.val("pStyle").map(String::from);
            let num = ppr.wchild("numPr");
            para.num_id = num.and_then(|n| n.val("numId")).map(String::from);
            para.ilvl = num.and_then(|n| n.val("ilvl")?.parse().ok());
            para.ends_section = ppr.wchild("sectPr").is_some();
            para.break_before = ppr.wchild("pageBreakBefore").is_some_and(El::on);
        }
        self.mark_follows = false;
        self.inline(p, &RunProps::default(), &mut para, out);
        para
    }

    fn visible(&self) -> bool {
        self.fields.iter().all(|&result| result)
    }

    fn push_text(&self, para: &mut Para, text: &str, props: &RunProps) {
        if self.visible() && !props.hidden {
            para.items.push(Item::Text(text.to_string(), props.clone()));
        }
    }

    fn inline(&mut self, el: &El, props: &RunProps, para: &mut Para, out: &mut Vec<Block>) {
        for kid in el.elements() {
            if let Some(choice) = chosen(kid) {
                self.inline(choice, props, para, out);
                continue;
            }
            if kid.ns != Ns::W {
                self.inline(kid, props, para, out);
                continue;
            }
            match kid.name.as_str() {
                "r" => {
                    let run = kid.wchild("rPr").map(run_props).unwrap_or_default();
                    self.inline(kid, &run, para, out);
                }
                "pPr" | "rPr" | "sdtPr" | "del" | "moveFrom" | "instrText" | "delText"
                | "delInstrText" | "footnoteRef" | "endnoteRef" => {}
                "t" => {
                    let text = kid.text();
                    let mark = text.trim();
                    if !mark.is_empty() && std::mem::take(&mut self.mark_follows) {
                        let slot = para.items.iter_mut().rev().find_map(|i| match i {
                            Item::NoteRef { mark, .. } => Some(mark),
                            _ => None,
                        });
                        if let Some(slot) = slot {
                            *slot = Some(mark.to_string());
                            continue;
                        }
                    }
                    self.push_text(para, &text, props);
                }
                "tab" | "ptab" | "cr" => self.push_text(para, " ", props),
                "noBreakHyphen" => self.push_text(para, "-", props),
                "br" => {
                    if kid.attr("type") == Some("page") {
                        para.items.push(Item::PageBreak);
                    }
                    self.push_text(para, " ", props);
                }
                "lastRenderedPageBreak" => para.items.push(Item::RenderedBreak),
                "footnoteReference" | "endnoteReference" => {
                    if let Some(id) = kid.attr("id") {
                        self.mark_follows = kid
                            .attr("customMarkFollows")
                            .is_some_and(|v| v == "1" || v == "true");
                        let (endnote, id) = (kid.name == "endnoteReference", id.to_string());
                        para.items.push(Item::NoteRef {
                            endnote,
                            id,
                            mark: None,
                        });
                    }
                }
                "fldChar" => match kid.attr("fldCharType") {
                    Some("begin") => self.fields.push(false),
                    Some("separate") => {
                        self.fields.iter_mut().rev().take(1).for_each(|f| *f = true)
                    }
                    Some("end") => self.fields.truncate(self.fields.len().saturating_sub(1)),
                    _ => {}
                },
                "txbxContent" => {
                    let outer = std::mem::replace(&mut self.in_text_box, true);
                    let fields = std::mem::take(&mut self.fields);
                    self.container(kid, out);
                    self.fields = fields;
                    self.in_text_box = outer;
                }
                _ => self.inline(kid, props, para, out),
            }
        }
    }
}

/// For `mc:AlternateContent`, the content to read: the first Choice, else the Fallback.
fn chosen(el: &El) -> Option<&El> {
    if !el.is(Ns::Mc, "AlternateContent") {
        return None;
    }
    el.elements()
        .find(|e| e.is(Ns::Mc, "Choice"))
        .or_else(|| el.elements().find(|e| e.is(Ns::Mc, "Fallback")))
}

/// Children named `w:{name}`, looking through content controls and custom XML wrappers.
fn content_children<'a>(el: &'a El, name: &str) -> Vec<&'a El> {
    let mut out = Vec::new();
    for kid in el.elements() {
        if kid.w(name) {
            out.push(kid);
        } else if kid.w("sdt") || kid.w("customXml") || kid.w("sdtContent") {
            out.extend(content_children(kid, name));
        }
    }
    out
}

/// The run or style formatting in a `w:rPr`.
pub(crate) fn run_props(rpr: &El) -> RunProps {
    let fonts = rpr.wchild("rFonts");
    RunProps {
        style: rpr.val("rStyle").map(String::from),
        bold: rpr.wchild("b").map(El::on),
        half_points: rpr.val("sz").and_then(|v| v.parse().ok()),
        font: fonts
            .and_then(|f| f.attr("ascii").or(f.attr("hAnsi")))
            .map(String::from),
        hidden: rpr.wchild("vanish").is_some_and(El::on),
    }
}
