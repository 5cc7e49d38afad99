//! Word (.docx) styles and numbers: list labels as Word shows them, note numbers, letterhead fields.

use crate::docx_parts::{run_props, Block, El, Item, RunProps};
use std::collections::HashMap;

/// Style chains longer than this are cut (they can loop in damaged files).
const MAX_CHAIN: usize = 32;
/// Word has nine list levels.
const LEVELS: usize = 9;

#[derive(Debug, Default)]
struct Style {
    based_on: Option<String>,
    num_id: Option<String>,
    ilvl: Option<u8>,
    run: RunProps,
}

/// The paragraph and character styles of word/styles.xml.
#[derive(Debug, Default)]
pub(crate) struct Styles {
    styles: HashMap<String, Style>,
    default_para: Option<String>,
    defaults: RunProps,
}

impl Styles {
    pub fn parse(root: &El) -> Styles {
        let mut out = Styles::default();
        if let Some(rpr) = root.wchild("docDefaults").and_then(|d| d.find("rPr")) {
            out.defaults = run_props(rpr);
        }
        for s in root.elements().filter(|e| e.w("style")) {
            let Some(id) = s.attr("styleId") else {
                continue;
            };
            let num = s.wchild("pPr").and_then(|p| p.wchild("numPr"));
            let style = Style {
                based_on: s.val("basedOn").map(String::from),
                num_id: num.and_then(|n| n.val("numId")).map(String::from),
                ilvl: num.and_then(|n| n.val("ilvl")?.parse().ok()),
                run: s.wchild("rPr").map(run_props).unwrap_or_default(),
            };
            let default = s.attr("default").is_some_and(|v| v == "1" || v == "true");
            if default && s.attr("type") == Some("paragraph") {
                out.default_para = Some(id.to_string());
            }
            out.styles.insert(id.to_string(), style);
        }
        out
    }

    /// The style and the styles it is based on, nearest first.
    fn chain<'a>(&'a self, id: Option<&'a str>) -> impl Iterator<Item = &'a Style> + 'a {
        let mut next = id;
        std::iter::from_fn(move || {
            let style = self.styles.get(next?)?;
            next = style.based_on.as_deref();
            Some(style)
        })
        .take(MAX_CHAIN)
    }

    /// The paragraph style in effect: the given one, else the default paragraph style.
    pub fn para_style<'a>(&'a self, style: Option<&'a str>) -> Option<&'a str> {
        style.or(self.default_para.as_deref())
    }

    /// Numbering a paragraph style brings: numId and ilvl, each when the chain gives them.
    pub fn numbering<'a>(&'a self, para_style: Option<&'a str>) -> (Option<&'a str>, Option<u8>) {
        let num = self.chain(para_style).find_map(|s| s.num_id.as_deref());
        let ilvl = self.chain(para_style).find_map(|s| s.ilvl);
        (num, ilvl)
    }

    /// Run formatting with everything inherited: run, character style, paragraph style, defaults.
    pub fn resolve(&self, run: &RunProps, para_style: Option<&str>) -> RunProps {
        let chars: Vec<&RunProps> = self.chain(run.style.as_deref()).map(|s| &s.run).collect();
        let paras: Vec<&RunProps> = self.chain(para_style).map(|s| &s.run).collect();
        let layers = std::iter::once(run)
            .chain(chars)
            .chain(paras)
            .chain(std::iter::once(&self.defaults));
        let mut out = RunProps {
            hidden: run.hidden,
            ..RunProps::default()
        };
        for layer in layers {
            out.bold = out.bold.or(layer.bold);
            out.half_points = out.half_points.or(layer.half_points);
            out.font = out.font.clone().or_else(|| layer.font.clone());
        }
        out
    }
}

#[derive(Debug, Clone)]
struct Level {
    start: i64,
    format: String,
    text: String,
    style: Option<String>,
}

#[derive(Debug, Default)]
struct Abstract {
    levels: HashMap<u8, Level>,
    style_link: Option<String>,
}

#[derive(Debug, Default)]
struct Num {
    abstract_id: String,
    starts: HashMap<u8, i64>,
    levels: HashMap<u8, Level>,
}

/// word/numbering.xml with the running counters of every list.
#[derive(Debug, Default)]
pub(crate) struct Numbering {
    abstracts: HashMap<String, Abstract>,
    nums: HashMap<String, Num>,
    counters: HashMap<String, [Option<i64>; LEVELS]>,
}

fn level(lvl: &El) -> Option<(u8, Level)> {
    let ilvl: u8 = lvl.attr("ilvl")?.parse().ok()?;
    let val = |name: &str| lvl.val(name).map(String::from);
    let start = lvl.val("start").and_then(|s| s.parse::<i64>().ok());
    let level = Level {
        start: start.unwrap_or(1).clamp(0, 1_000_000),
        format: val("numFmt").unwrap_or_else(|| "decimal".into()),
        text: val("lvlText").unwrap_or_default(),
        style: val("pStyle"),
    };
    Some((ilvl, level))
}

impl Numbering {
    pub fn parse(root: &El) -> Numbering {
        let mut out = Numbering::default();
        for a in root.elements().filter(|e| e.w("abstractNum")) {
            let Some(id) = a.attr("abstractNumId") else {
                continue;
            };
            let levels = a
                .elements()
                .filter(|e| e.w("lvl"))
                .filter_map(level)
                .collect();
            let style_link = a.val("numStyleLink").map(String::from);
            out.abstracts
                .insert(id.to_string(), Abstract { levels, style_link });
        }
        for n in root.elements().filter(|e| e.w("num")) {
            let Some(id) = n.attr("numId") else { continue };
            let abstract_id = n.val("abstractNumId").unwrap_or_default().to_string();
            let mut num = Num {
                abstract_id,
                ..Num::default()
            };
            for o in n.elements().filter(|e| e.w("lvlOverride")) {
                let Some(ilvl) = o.attr("ilvl").and_then(|v| v.parse::<u8>().ok()) else {
                    continue;
                };
                if let Some(start) = o.val("startOverride").and_then(|v| v.parse::<i64>().ok()) {
                    num.starts.insert(ilvl, start.clamp(0, 1_000_000));
                }
                if let Some((_, lvl)) = o.wchild("lvl").and_then(level) {
                    num.levels.insert(ilvl, lvl);
                }
            }
            out.nums.insert(id.to_string(), num);
        }
        out
    }

    /// The abstract list behind a num, following a numbering style link once.
    fn abstract_of<'s>(&'s self, num: &'s Num, styles: &Styles) -> Option<(&'s str, &'s Abstract)> {
        let abs = self.abstracts.get(&num.abstract_id)?;
        if abs.levels.is_empty() {
            if let Some(link) = &abs.style_link {
                let (Some(linked), _) = styles.numbering(Some(link)) else {
                    return Some((&num.abstract_id, abs));
                };
                let other = self.nums.get(linked)?;
                let target = self.abstracts.get(&other.abstract_id)?;
                return Some((&other.abstract_id, target));
            }
        }
        Some((&num.abstract_id, abs))
    }

    /// The label Word shows for the next paragraph of this list at this level, advancing the counters.
    /// `None` when there is no numbering; bullets are `-`.
    pub fn next_label(
        &mut self,
        num_id: &str,
        ilvl: Option<u8>,
        para_style: Option<&str>,
        styles: &Styles,
    ) -> Option<String> {
        if num_id == "0" {
            return None;
        }
        let num = self.nums.get(num_id)?;
        let (abs_id, abs) = self.abstract_of(num, styles)?;
        let lvl_of = |i: u8| num.levels.get(&i).or_else(|| abs.levels.get(&i));
        let ilvl = ilvl
            .or_else(|| {
                let style = para_style?;
                abs.levels
                    .iter()
                    .find(|(_, l)| l.style.as_deref() == Some(style))
                    .map(|(i, _)| *i)
            })
            .unwrap_or(0)
            .min(LEVELS as u8 - 1);
        let start_of = |i: u8| {
            num.starts
                .get(&i)
                .copied()
                .or_else(|| lvl_of(i).map(|l| l.start))
                .unwrap_or(1)
        };
        let level = lvl_of(ilvl)?.clone();
        let key = if num.starts.is_empty() && num.levels.is_empty() {
            format!("a{abs_id}")
        } else {
            format!("n{num_id}")
        };
        let starts: Vec<i64> = (0..LEVELS as u8).map(start_of).collect();
        let formats: Vec<String> = (0..LEVELS as u8)
            .map(|i| {
                lvl_of(i)
                    .map(|l| l.format.clone())
                    .unwrap_or_else(|| "decimal".into())
            })
            .collect();
        let counters = self.counters.entry(key).or_insert([None; LEVELS]);
        let at = usize::from(ilvl);
        let value = match counters.get(at).copied().flatten() {
            Some(v) => v.saturating_add(1),
            None => starts.get(at).copied().unwrap_or(1),
        };
        for (i, c) in counters.iter_mut().enumerate() {
            if i == at {
                *c = Some(value);
            } else if i > at {
                *c = None;
            }
        }
        if level.format == "bullet" {
            return Some("-".into());
        }
        let mut label = String::new();
        let mut chars = level.text.chars().peekable();
        while let Some(c) = chars.next() {
            let digit = chars
                .peek()
                .and_then(|d| d.to_digit(10))
                .filter(|d| (1..=9).contains(d));
            match (c, digit) {
                ('%', Some(d)) => {
                    chars.next();
                    let i = d as usize - 1;
                    let n = counters
                        .get(i)
                        .copied()
                        .flatten()
                        .or(starts.get(i).copied())
                        .unwrap_or(1);
                    label.push_str(&format_number(
                        n,
                        formats.get(i).map_or("decimal", String::as_str),
                    ));
                }
                _ => label.push(c),
            }
        }
        Some(label.trim().to_string())
    }
}

/// A number in one of Word's list formats.
pub(crate) fn format_number(n: i64, format: &str) -> String {
    match format {
        "none" => String::new(),
        "lowerLetter" | "upperLetter" if (1..=780).contains(&n) => {
            let base = b'a' + ((n - 1) % 26) as u8;
            let letter = char::from(base)
                .to_string()
                .repeat(((n - 1) / 26 + 1) as usize);
            if format == "upperLetter" {
                letter.to_uppercase()
            } else {
                letter
            }
        }
        "lowerRoman" | "upperRoman" if (1..4000).contains(&n) => {
            let roman = roman(n);
            if format == "lowerRoman" {
                roman.to_lowercase()
            } else {
                roman
            }
        }
        "decimalZero" if (0..10).contains(&n) => format!("0{n}"),
        _ => n.to_string(),
    }
}

fn roman(mut n: i64) -> String {
    const VALUES: [i64; 13] = [1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1];
    const DIGITS: [&str; 13] = [
        "M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I",
    ];
    let mut out = String::new();
    for (value, digits) in VALUES.iter().zip(DIGITS) {
        while n >= *value {
            out.push_str(digits);
            n -= value;
        }
    }
    out
}

/// Footnote and endnote numbers in order of first reference; endnotes continue after footnotes.
/// A reference with a custom mark is numbered by its mark.
pub(crate) fn note_numbers(blocks: &[Block]) -> HashMap<(bool, String), String> {
    fn walk<'a>(blocks: &'a [Block], refs: &mut Vec<(bool, &'a str, Option<&'a str>)>) {
        for block in blocks {
            match block {
                Block::Para(p) => refs.extend(p.items.iter().filter_map(|item| match item {
                    Item::NoteRef { endnote, id, mark } => {
                        Some((*endnote, id.as_str(), mark.as_deref()))
                    }
                    _ => None,
                })),
                Block::Table(t) => t.rows.iter().flatten().for_each(|cell| walk(cell, refs)),
            }
        }
    }
    let mut refs = Vec::new();
    walk(blocks, &mut refs);
    let mut numbers = HashMap::new();
    let mut next = 0;
    for endnote in [false, true] {
        for &(_, id, mark) in refs.iter().filter(|r| r.0 == endnote) {
            numbers.entry((endnote, id.to_string())).or_insert_with(|| {
                mark.map(String::from).unwrap_or_else(|| {
                    next += 1;
                    next.to_string()
                })
            });
        }
    }
    numbers
}

/// Letterhead labels of Dutch government letters; the value is the paragraph after the label.
const LABELS: &str = "Datum|Betreft|Onderwerp|Ons kenmerk|Uw kenmerk|Uw brief|Uw brief van|\
    Uw referentie|Onze referentie|Kenmerk|Referentie|Bijlage|Bijlagen|Bijlage(n)|Contactpersoon|\
    Projectnaam|Doorkiesnummer|Inlichtingen|Behandeld door|Kopie aan";

/// Label/value pairs from paragraph texts: a known label followed by a paragraph that is not a
/// label itself and has a letter or digit (a "-" under "Ons kenmerk" is a blank left to fill in).
/// The first value of a label wins.
pub(crate) fn letterhead(texts: &[String]) -> Vec<(String, String)> {
    let label = |t: &str| {
        let t = t.trim_end_matches(':').trim();
        LABELS
            .split('|')
            .find(|l| l.eq_ignore_ascii_case(t))
            .map(String::from)
    };
    let mut out: Vec<(String, String)> = Vec::new();
    for pair in texts.windows(2) {
        let [name, value] = pair else { continue };
        let Some(name) = label(name) else { continue };
        let filled = value.chars().any(char::is_alphanumeric);
        if filled && label(value).is_none() && !out.iter().any(|(n, _)| *n == name) {
            out.push((name, value.clone()));
        }
    }
    out
}
