//! Pretty JSON written field by field, formatted as serde_json's `to_string_pretty`, for the export: the app shell then carries neither serde_json nor serde's serializers (measured 2026-12-03: serde_json 2.7 kB brotli, a generic serde serializer 1.4 kB).

use crate::model::{Answer, Question};
use crate::texts::QuestionDetails;
use crate::Date;
use std::fmt::Write;

/// A JSON text being written: two-space indents, `"key": value`, `[]` and `{}` when empty.
#[derive(Default)]
pub struct JsonWriter {
    out: String,
    depth: usize,
    /// Nothing written yet in the innermost open array or object.
    first: bool,
}

impl JsonWriter {
    pub fn finish(self) -> String {
        self.out
    }

    /// Opens `{` or `[` (as a value: after a key, in an array, or at the top).
    pub fn open(&mut self, bracket: char) {
        self.out.push(bracket);
        self.depth += 1;
        self.first = true;
    }

    /// Closes the innermost `}` or `]`, on its own line unless it is empty.
    pub fn close(&mut self, bracket: char) {
        self.depth -= 1;
        if !self.first {
            self.newline();
        }
        self.out.push(bracket);
        self.first = false;
    }

    /// Starts the next element of an array.
    pub fn item(&mut self) {
        if !self.first {
            self.out.push(',');
        }
        self.first = false;
        self.newline();
    }

    /// Starts the next field of an object.
    pub fn key(&mut self, key: &str) {
        self.item();
        self.string(key);
        self.out.push_str(": ");
    }

    pub fn string(&mut self, s: &str) {
        self.out.push('"');
        for c in s.chars() {
            match c {
                '"' => self.out.push_str("\\\""),
                '\\' => self.out.push_str("\\\\"),
                '\n' => self.out.push_str("\\n"),
                '\r' => self.out.push_str("\\r"),
                '\t' => self.out.push_str("\\t"),
                '\u{8}' => self.out.push_str("\\b"),
                '\u{c}' => self.out.push_str("\\f"),
                c if (c as u32) < 0x20 => {
                    let _ = write!(self.out, "\\u{:04x}", c as u32);
                }
                c => self.out.push(c),
            }
        }
        self.out.push('"');
    }

    pub fn number(&mut self, n: u64) {
        let _ = write!(self.out, "{n}");
    }

    pub fn null(&mut self) {
        self.out.push_str("null");
    }

    pub fn field_str(&mut self, key: &str, value: &str) {
        self.key(key);
        self.string(value);
    }

    pub fn field_opt_str(&mut self, key: &str, value: Option<&str>) {
        self.key(key);
        match value {
            Some(v) => self.string(v),
            None => self.null(),
        }
    }

    pub fn field_bool(&mut self, key: &str, value: bool) {
        self.key(key);
        self.out.push_str(if value { "true" } else { "false" });
    }

    pub fn field_opt_number(&mut self, key: &str, value: Option<u32>) {
        self.key(key);
        match value {
            Some(n) => self.number(u64::from(n)),
            None => self.null(),
        }
    }

    pub fn field_date(&mut self, key: &str, value: Option<Date>) {
        self.field_opt_str(key, value.map(|d| d.to_string()).as_deref());
    }

    pub fn field_strings(&mut self, key: &str, values: &[impl AsRef<str>]) {
        self.key(key);
        self.open('[');
        for v in values {
            self.item();
            self.string(v.as_ref());
        }
        self.close(']');
    }

    fn newline(&mut self) {
        self.out.push('\n');
        for _ in 0..self.depth {
            self.out.push_str("  ");
        }
    }
}

/// A question as the export writes it: every field of [`Question`], in its order, with `text` and
/// the fields of `details` as given (wherever they were kept).
pub fn write_question(w: &mut JsonWriter, q: &Question, text: &str, details: QuestionDetails) {
    w.open('{');
    w.field_str("id", &q.id);
    w.field_str("document_id", &q.document_id);
    w.field_str("number", &q.number);
    w.key("numbers");
    w.open('[');
    for n in &q.numbers {
        w.item();
        w.number(u64::from(*n));
    }
    w.close(']');
    w.key("askers");
    w.open('[');
    for a in details.askers {
        w.item();
        w.open('{');
        w.field_opt_str("name", a.name.as_deref());
        w.field_opt_str("party", a.party.as_deref());
        w.field_str("party_as_printed", &a.party_as_printed);
        w.field_date("party_on", a.party_on);
        w.close('}');
    }
    w.close(']');
    w.field_strings("parties", &q.parties);
    w.field_opt_str("addressed_to", details.addressed_to);
    w.field_opt_str("heading", q.heading.as_deref());
    w.field_strings("themes", &q.themes);
    w.key("theme_matches");
    w.open('[');
    for m in details.theme_matches {
        w.item();
        w.open('{');
        w.field_str("theme", &m.theme);
        w.field_strings("words", &m.words);
        w.close('}');
    }
    w.close(']');
    w.field_date("asked_on", q.asked_on);
    w.field_date("postponed_on", q.postponed_on);
    w.field_bool("postponed", q.postponed);
    w.field_strings("ministries", &q.ministries);
    w.field_str("text", text);
    w.field_strings("footnote_refs", &q.footnote_refs);
    w.field_opt_str("answer_id", q.answer_id.as_deref());
    w.field_opt_number("page", q.page);
    w.key("sources");
    w.open('[');
    for s in details.sources {
        w.item();
        w.open('{');
        w.field_str("document_id", &s.document_id);
        w.field_str("role", s.role.slug());
        w.close('}');
    }
    w.close(']');
    if let Some(n) = q.report_note {
        w.field_opt_number("report_note", Some(n));
    }
    w.close('}');
}

/// An answer as the export writes it: every field of [`Answer`], in its order, with `text` and
/// `answered_by` as given (wherever they were kept).
pub fn write_answer(w: &mut JsonWriter, a: &Answer, text: &str, answered_by: Option<&str>) {
    w.open('{');
    w.field_str("id", &a.id);
    w.field_str("document_id", &a.document_id);
    w.field_str("number", &a.number);
    w.field_strings("question_ids", &a.question_ids);
    w.field_date("answered_on", a.answered_on);
    w.field_opt_str("answered_by", answered_by);
    w.field_str("text", text);
    w.field_strings("footnote_refs", &a.footnote_refs);
    w.field_opt_number("page", a.page);
    w.close('}');
}
