//! Source files as bytes: gathered from files and folders for the build, or handed over by a browser.

use crate::diagnostics::{Diagnostic, Severity};
use std::path::{Path, PathBuf};

/// Files larger than this are reported and not parsed.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// One source file to parse.
pub struct SourceFile {
    /// The file name, which names the document (`kv-003-….txt`, `1c0f….pdf`).
    pub name: String,
    /// Where it came from, for messages (a path, or the name of a dropped file).
    pub shown: String,
    pub bytes: Vec<u8>,
}

/// The files to parse (in any order: [`super::parse_sources`] sorts them by name), and what was left
/// out while gathering them, said.
#[derive(Default)]
pub struct Sources {
    pub files: Vec<SourceFile>,
    pub skipped: Vec<Diagnostic>,
}

/// Reads files and folders (recursively): `.txt`, `.pdf` and `.docx` files; SOURCES and README files
/// are documentation; any other file, and a file over [`MAX_FILE_BYTES`], becomes a diagnostic
/// without being read. `Err` when a path cannot be read.
pub fn gather(paths: &[PathBuf]) -> Result<Sources, String> {
    let mut files: Vec<PathBuf> = Vec::new();
    let mut unsupported: Vec<PathBuf> = Vec::new();
    for p in paths {
        collect_files(p, &mut files, &mut unsupported)?;
    }
    // A path given twice is read once; parse_sources puts the files in name order.
    files.sort();
    files.dedup();
    let mut sources = Sources::default();
    for path in unsupported {
        sources.skipped.push(unsupported_format(
            &file_name_of(&path),
            &path.display().to_string(),
        ));
    }
    for path in files {
        let name = file_name_of(&path);
        let shown = path.display().to_string();
        if crate::own_documents::is_own(&name.to_lowercase()) {
            sources.skipped.push(Diagnostic::new(
                &name,
                None,
                Severity::Error,
                format!(
                    "{shown}: een naam die met „{}” begint is voor documenten die een lezer in de browser toevoegt; hernoem het bestand; niet verwerkt",
                    crate::own_documents::OWN_ID_PREFIX
                ),
            ));
            continue;
        }
        let meta = std::fs::metadata(&path).map_err(|e| format!("{shown}: {e}"))?;
        if let Some(too_large) = too_large(&name, meta.len()) {
            sources.skipped.push(too_large);
            continue;
        }
        let bytes = std::fs::read(&path).map_err(|e| format!("{shown}: {e}"))?;
        sources.files.push(SourceFile { name, shown, bytes });
    }
    Ok(sources)
}

/// The warning for a file in a format Briefwissel does not read (`shown` says where it is).
pub fn unsupported_format(name: &str, shown: &str) -> Diagnostic {
    let message = if name.to_lowercase().ends_with(".doc") {
        format!("{shown} is een oud Word-bestand in .doc-formaat; open het in Word en sla het op als .docx; niet verwerkt")
    } else {
        format!(
            "{shown} heeft geen formaat dat Briefwissel leest (.txt, .pdf, .docx); niet verwerkt"
        )
    };
    Diagnostic::new(name, None, Severity::Warning, message)
}

/// The error for a file of `len` bytes when that is over [`MAX_FILE_BYTES`].
pub fn too_large(name: &str, len: u64) -> Option<Diagnostic> {
    (len > MAX_FILE_BYTES).then(|| {
        Diagnostic::new(
            name,
            None,
            Severity::Error,
            format!(
                "het bestand is {} MB, meer dan de grens van {} MB; niet verwerkt",
                len / (1024 * 1024),
                MAX_FILE_BYTES / (1024 * 1024)
            ),
        )
    })
}

fn file_name_of(p: &Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| p.display().to_string())
}

/// Collects the files to parse under `p`; files of other formats go to `unsupported`
/// (documentation files such as SOURCES.md and README are left out silently).
fn collect_files(
    p: &Path,
    out: &mut Vec<PathBuf>,
    unsupported: &mut Vec<PathBuf>,
) -> Result<(), String> {
    let meta = std::fs::metadata(p).map_err(|e| format!("{}: {e}", p.display()))?;
    if meta.is_file() {
        out.push(p.to_path_buf());
        return Ok(());
    }
    let entries = std::fs::read_dir(p).map_err(|e| format!("{}: {e}", p.display()))?;
    let mut children: Vec<PathBuf> = Vec::new();
    for e in entries {
        let e = e.map_err(|e| format!("{}: {e}", p.display()))?;
        children.push(e.path());
    }
    children.sort();
    for c in children {
        if c.is_dir() {
            collect_files(&c, out, unsupported)?;
        } else {
            let name = file_name_of(&c);
            let lower = name.to_lowercase();
            let documentation = lower.starts_with("sources")
                || lower.starts_with("readme")
                || lower.starts_with('.');
            if documentation {
                continue;
            }
            if briefwissel_readers::Format::of(&name).is_some() {
                out.push(c);
            } else {
                unsupported.push(c);
            }
        }
    }
    Ok(())
}

/// A file with no text in it (nothing, or only spaces and blank lines) is not a document.
pub fn empty(name: &str) -> Diagnostic {
    Diagnostic::new(
        name,
        None,
        Severity::Error,
        "het bestand is leeg; niet verwerkt",
    )
}

/// Decodes a file: UTF-8 (BOM dropped); UTF-16 as Windows writes "Unicode" text, with a note;
/// else Windows-1252 with a warning; binary data is an error. Line ends of a lone carriage
/// return (old Mac files) become line breaks.
pub fn decode(bytes: &[u8]) -> (String, Option<(Severity, String)>) {
    let (text, note) = match utf16(bytes) {
        Some(decoded) => decoded,
        None => decode_bytes(bytes),
    };
    (carriage_returns_as_line_breaks(text), note)
}

/// Text in UTF-16: a byte order mark, or (without one) no zero byte in every other place and one
/// in at least half of the places between, as Latin text has it; `None` for anything else.
fn utf16(bytes: &[u8]) -> Option<(String, Option<(Severity, String)>)> {
    let (encoding, body) = match bytes {
        [0xFF, 0xFE, rest @ ..] => (encoding_rs::UTF_16LE, rest),
        [0xFE, 0xFF, rest @ ..] => (encoding_rs::UTF_16BE, rest),
        // Latin text in UTF-16 has a zero byte in every other place: a file with none is not it
        // (a quick look first, as most files are not).
        _ if bytes.len() >= 4 && bytes.len().is_multiple_of(2) && bytes.contains(&0) => {
            let zeros = |parity: usize| {
                bytes
                    .iter()
                    .skip(parity)
                    .step_by(2)
                    .filter(|&&b| b == 0)
                    .count()
            };
            let (even, odd) = (zeros(0), zeros(1));
            let half = bytes.len() / 2;
            if even == 0 && odd * 2 >= half {
                (encoding_rs::UTF_16LE, bytes)
            } else if odd == 0 && even * 2 >= half {
                (encoding_rs::UTF_16BE, bytes)
            } else {
                return None;
            }
        }
        _ => return None,
    };
    let (text, damaged) = encoding.decode_without_bom_handling(body);
    if mostly_control_characters(text.chars().map(u32::from)) {
        return Some((String::new(), Some(binary())));
    }
    let order = if encoding == encoding_rs::UTF_16LE {
        "little-endian"
    } else {
        "big-endian"
    };
    let note = if damaged {
        (
            Severity::Warning,
            format!("tekst in UTF-16 ({order}) met ongeldige tekens; die zijn vervangen door �"),
        )
    } else {
        (
            Severity::Info,
            format!("tekst in UTF-16 ({order}); gelezen"),
        )
    };
    Some((text.into_owned(), Some(note)))
}

/// `text` with the carriage returns inside its lines (old Mac line ends) made line feeds; when it
/// has any, carriage returns before a line feed go (a line end of a Windows file, also converted
/// twice: `\r\r\n`). Text without them is returned as it is (`lines` reads `\r\n` itself).
fn carriage_returns_as_line_breaks(text: String) -> String {
    // Each piece but the last ends before a line feed.
    let pieces = text.split('\n').count();
    fn line_of(i: usize, piece: &str, pieces: usize) -> &str {
        if i + 1 < pieces {
            piece.trim_end_matches('\r')
        } else {
            piece
        }
    }
    let mut lines = text
        .split('\n')
        .enumerate()
        .map(|(i, p)| line_of(i, p, pieces));
    if !text.contains('\r') || !lines.any(|l| l.contains('\r')) {
        return text;
    }
    let lines: Vec<String> = text
        .split('\n')
        .enumerate()
        .map(|(i, p)| line_of(i, p, pieces).replace('\r', "\n"))
        .collect();
    lines.join("\n")
}

/// Binary data rather than text: more than one code in twenty a control character other than
/// tab, line feed, vertical tab, form feed and carriage return.
fn mostly_control_characters(codes: impl Iterator<Item = u32>) -> bool {
    let (mut controls, mut all) = (0usize, 0usize);
    for code in codes {
        all += 1;
        controls += usize::from(code < 0x09 || (0x0E..0x20).contains(&code));
    }
    controls * 20 > all.max(1)
}

fn binary() -> (Severity, String) {
    (
        Severity::Error,
        "binaire gegevens, geen tekstbestand; niet verwerkt".to_string(),
    )
}

/// UTF-8 (BOM dropped), else Windows-1252 with a warning; binary data is an error.
fn decode_bytes(bytes: &[u8]) -> (String, Option<(Severity, String)>) {
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    let nul = bytes.iter().filter(|&&b| b == 0).count();
    if nul > 0 || mostly_control_characters(bytes.iter().map(|&b| u32::from(b))) {
        return (String::new(), Some(binary()));
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_string(), None),
        Err(e) => {
            let text = encoding_rs::WINDOWS_1252
                .decode_without_bom_handling(bytes)
                .0
                .into_owned();
            let line = bytes[..e.valid_up_to()]
                .iter()
                .filter(|&&b| b == b'\n')
                .count()
                + 1;
            (
                text,
                Some((
                    Severity::Warning,
                    format!(
                        "geen geldige UTF-8 (eerste ongeldige byte op regel {line}); gelezen als Windows-1252"
                    ),
                )),
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::decode;
    use crate::Severity;

    #[test]
    fn text_that_is_not_utf8_is_read_as_windows_1252() {
        let (text, note) = decode(b"Caf\xe9 \x80 5,\x93ge\xefndexeerd\x94\n\x96 \x81");
        assert_eq!(text, "Café € 5,“geïndexeerd”\n– \u{81}");
        assert!(matches!(note, Some((Severity::Warning, m)) if m.contains("regel 1")));
        assert_eq!(decode("één".as_bytes()), ("één".to_string(), None));
    }
}
