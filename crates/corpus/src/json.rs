//! Pretty JSON from serde's data model, formatted as serde_json's `to_string_pretty`, for the export (the app shell then carries no serde_json: 2.7 kB brotli less, measured 2026-12-03).

use serde::ser::{self, Serialize};
use std::fmt::{self, Write};

/// Pretty JSON of `value`: two-space indents, `"key": value`, `[]` and `{}` when empty. Fails
/// only on what JSON cannot hold (a map key that is not a string, a non-finite number is `null`).
pub fn to_pretty_json<T: Serialize + ?Sized>(value: &T) -> Result<String, JsonError> {
    let mut w = JsonWriter {
        out: String::new(),
        depth: 0,
    };
    value.serialize(&mut w)?;
    Ok(w.out)
}

/// Why a value could not be written as JSON.
#[derive(Debug)]
pub struct JsonError(String);

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for JsonError {}

impl ser::Error for JsonError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        JsonError(msg.to_string())
    }
}

struct JsonWriter {
    out: String,
    depth: usize,
}

/// An open array or object: whether anything was written in it yet.
pub struct Compound<'w> {
    w: &'w mut JsonWriter,
    empty: bool,
    close: char,
    /// Inside `{ "variant": … }`: closing also closes that object.
    in_variant: bool,
}

impl JsonWriter {
    fn open(&mut self, open: char, close: char) -> Compound<'_> {
        self.out.push(open);
        self.depth += 1;
        Compound {
            w: self,
            empty: true,
            close,
            in_variant: false,
        }
    }

    fn string(&mut self, s: &str) {
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

    fn newline(&mut self) {
        self.out.push('\n');
        for _ in 0..self.depth {
            self.out.push_str("  ");
        }
    }

    /// Closes an array or object: on its own line unless it is empty.
    fn end(&mut self, close: char, empty: bool) {
        self.depth -= 1;
        if !empty {
            self.newline();
        }
        self.out.push(close);
    }

    fn number(&mut self, n: impl fmt::Display) -> Result<(), JsonError> {
        let _ = write!(self.out, "{n}");
        Ok(())
    }
}

impl Compound<'_> {
    /// A new line at the current depth before the next item, after a comma when needed.
    fn next_item(&mut self) {
        if !self.empty {
            self.w.out.push(',');
        }
        self.empty = false;
        self.w.newline();
    }

    fn key(&mut self, key: &str) {
        self.next_item();
        self.w.string(key);
        self.w.out.push_str(": ");
    }

    fn close(self) -> Result<(), JsonError> {
        let Compound {
            w,
            empty,
            close,
            in_variant,
        } = self;
        w.end(close, empty);
        if in_variant {
            w.end('}', false);
        }
        Ok(())
    }
}

impl<'w> ser::Serializer for &'w mut JsonWriter {
    type Ok = ();
    type Error = JsonError;
    type SerializeSeq = Compound<'w>;
    type SerializeTuple = Compound<'w>;
    type SerializeTupleStruct = Compound<'w>;
    type SerializeTupleVariant = Compound<'w>;
    type SerializeMap = Compound<'w>;
    type SerializeStruct = Compound<'w>;
    type SerializeStructVariant = Compound<'w>;

    fn serialize_bool(self, v: bool) -> Result<(), JsonError> {
        self.out.push_str(if v { "true" } else { "false" });
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Result<(), JsonError> {
        self.number(v)
    }
    fn serialize_i16(self, v: i16) -> Result<(), JsonError> {
        self.number(v)
    }
    fn serialize_i32(self, v: i32) -> Result<(), JsonError> {
        self.number(v)
    }
    fn serialize_i64(self, v: i64) -> Result<(), JsonError> {
        self.number(v)
    }
    fn serialize_u8(self, v: u8) -> Result<(), JsonError> {
        self.number(v)
    }
    fn serialize_u16(self, v: u16) -> Result<(), JsonError> {
        self.number(v)
    }
    fn serialize_u32(self, v: u32) -> Result<(), JsonError> {
        self.number(v)
    }
    fn serialize_u64(self, v: u64) -> Result<(), JsonError> {
        self.number(v)
    }
    fn serialize_f32(self, v: f32) -> Result<(), JsonError> {
        self.serialize_f64(f64::from(v))
    }
    fn serialize_f64(self, v: f64) -> Result<(), JsonError> {
        if !v.is_finite() {
            return self.serialize_unit();
        }
        if v.fract() == 0.0 && v.abs() < 1e16 {
            let _ = write!(self.out, "{v:.1}");
            return Ok(());
        }
        self.number(v)
    }
    fn serialize_char(self, v: char) -> Result<(), JsonError> {
        self.string(v.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Result<(), JsonError> {
        self.string(v);
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<(), JsonError> {
        use ser::SerializeSeq;
        let mut seq = self.serialize_seq(Some(v.len()))?;
        for b in v {
            seq.serialize_element(b)?;
        }
        seq.end()
    }
    fn serialize_none(self) -> Result<(), JsonError> {
        self.serialize_unit()
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), JsonError> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), JsonError> {
        self.out.push_str("null");
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), JsonError> {
        self.serialize_unit()
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), JsonError> {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), JsonError> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), JsonError> {
        let mut object = self.open('{', '}');
        object.key(variant);
        value.serialize(&mut *object.w)?;
        object.close()
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Compound<'w>, JsonError> {
        Ok(self.open('[', ']'))
    }
    fn serialize_tuple(self, len: usize) -> Result<Compound<'w>, JsonError> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        len: usize,
    ) -> Result<Compound<'w>, JsonError> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Compound<'w>, JsonError> {
        variant_open(self, variant, '[', ']')
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Compound<'w>, JsonError> {
        Ok(self.open('{', '}'))
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Compound<'w>, JsonError> {
        Ok(self.open('{', '}'))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Compound<'w>, JsonError> {
        variant_open(self, variant, '{', '}')
    }
}

/// `{ "variant": ` and then an open array or object; its close also closes the outer object.
fn variant_open<'w>(
    w: &'w mut JsonWriter,
    variant: &str,
    open: char,
    close: char,
) -> Result<Compound<'w>, JsonError> {
    let mut outer = w.open('{', '}');
    outer.key(variant);
    outer.w.out.push(open);
    outer.w.depth += 1;
    Ok(Compound {
        w: outer.w,
        empty: true,
        close,
        in_variant: true,
    })
}

impl ser::SerializeSeq for Compound<'_> {
    type Ok = ();
    type Error = JsonError;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), JsonError> {
        self.next_item();
        value.serialize(&mut *self.w)
    }
    fn end(self) -> Result<(), JsonError> {
        self.close()
    }
}

impl ser::SerializeTuple for Compound<'_> {
    type Ok = ();
    type Error = JsonError;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), JsonError> {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> Result<(), JsonError> {
        self.close()
    }
}

impl ser::SerializeTupleStruct for Compound<'_> {
    type Ok = ();
    type Error = JsonError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), JsonError> {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> Result<(), JsonError> {
        self.close()
    }
}

impl ser::SerializeTupleVariant for Compound<'_> {
    type Ok = ();
    type Error = JsonError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), JsonError> {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> Result<(), JsonError> {
        self.close()
    }
}

impl ser::SerializeMap for Compound<'_> {
    type Ok = ();
    type Error = JsonError;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), JsonError> {
        let mut name = String::new();
        key.serialize(KeyName(&mut name))?;
        self.key(&name);
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), JsonError> {
        value.serialize(&mut *self.w)
    }
    fn end(self) -> Result<(), JsonError> {
        self.close()
    }
}

impl ser::SerializeStruct for Compound<'_> {
    type Ok = ();
    type Error = JsonError;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), JsonError> {
        self.key(key);
        value.serialize(&mut *self.w)
    }
    fn end(self) -> Result<(), JsonError> {
        self.close()
    }
}

impl ser::SerializeStructVariant for Compound<'_> {
    type Ok = ();
    type Error = JsonError;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), JsonError> {
        ser::SerializeStruct::serialize_field(self, key, value)
    }
    fn end(self) -> Result<(), JsonError> {
        self.close()
    }
}

/// A map key: JSON keys are strings, so only strings (and unit variants) are keys.
struct KeyName<'s>(&'s mut String);

impl ser::Serializer for KeyName<'_> {
    type Ok = ();
    type Error = JsonError;
    type SerializeSeq = ser::Impossible<(), JsonError>;
    type SerializeTuple = ser::Impossible<(), JsonError>;
    type SerializeTupleStruct = ser::Impossible<(), JsonError>;
    type SerializeTupleVariant = ser::Impossible<(), JsonError>;
    type SerializeMap = ser::Impossible<(), JsonError>;
    type SerializeStruct = ser::Impossible<(), JsonError>;
    type SerializeStructVariant = ser::Impossible<(), JsonError>;

    fn serialize_str(self, v: &str) -> Result<(), JsonError> {
        self.0.push_str(v);
        Ok(())
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        v: &'static str,
    ) -> Result<(), JsonError> {
        self.serialize_str(v)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), JsonError> {
        value.serialize(self)
    }
    fn serialize_bool(self, _: bool) -> Result<(), JsonError> {
        not_a_key()
    }
    fn serialize_i8(self, _: i8) -> Result<(), JsonError> {
        not_a_key()
    }
    fn serialize_i16(self, _: i16) -> Result<(), JsonError> {
        not_a_key()
    }
    fn serialize_i32(self, _: i32) -> Result<(), JsonError> {
        not_a_key()
    }
    fn serialize_i64(self, _: i64) -> Result<(), JsonError> {
        not_a_key()
    }
    fn serialize_u8(self, _: u8) -> Result<(), JsonError> {
        not_a_key()
    }
    fn serialize_u16(self, _: u16) -> Result<(), JsonError> {
        not_a_key()
    }
    fn serialize_u32(self, _: u32) -> Result<(), JsonError> {
        not_a_key()
    }
    fn serialize_u64(self, _: u64) -> Result<(), JsonError> {
        not_a_key()
    }
    fn serialize_f32(self, _: f32) -> Result<(), JsonError> {
        not_a_key()
    }
    fn serialize_f64(self, _: f64) -> Result<(), JsonError> {
        not_a_key()
    }
    fn serialize_char(self, _: char) -> Result<(), JsonError> {
        not_a_key()
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<(), JsonError> {
        not_a_key()
    }
    fn serialize_none(self) -> Result<(), JsonError> {
        not_a_key()
    }
    fn serialize_some<T: Serialize + ?Sized>(self, _: &T) -> Result<(), JsonError> {
        not_a_key()
    }
    fn serialize_unit(self) -> Result<(), JsonError> {
        not_a_key()
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), JsonError> {
        not_a_key()
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(), JsonError> {
        not_a_key()
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, JsonError> {
        not_a_key()
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, JsonError> {
        not_a_key()
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, JsonError> {
        not_a_key()
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, JsonError> {
        not_a_key()
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, JsonError> {
        not_a_key()
    }
    fn serialize_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStruct, JsonError> {
        not_a_key()
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, JsonError> {
        not_a_key()
    }
}

fn not_a_key<T>() -> Result<T, JsonError> {
    Err(JsonError("a JSON key must be a string".into()))
}
