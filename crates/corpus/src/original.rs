//! The PDF and Word originals shipped with the site: their format and their address under originals/.

/// The folder of `dist/` that holds the PDF and Word originals (the Trunk hook copies them there).
pub const ORIGINALS_DIR: &str = "originals";

/// The format of an original, from its file name: PDF or Word; `None` for text files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Original {
    Pdf,
    Word,
}

impl Original {
    pub fn of(file: &str) -> Option<Original> {
        let (_, extension) = file.rsplit_once('.')?;
        if extension.eq_ignore_ascii_case("pdf") {
            Some(Original::Pdf)
        } else if extension.eq_ignore_ascii_case("docx") {
            Some(Original::Word)
        } else {
            None
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Original::Pdf => "PDF",
            Original::Word => "Word",
        }
    }

    /// The text of the link to the original: a browser shows a PDF, a Word file is downloaded.
    pub fn link_text(self) -> &'static str {
        match self {
            Original::Pdf => "Origineel openen (PDF)",
            Original::Word => "Origineel downloaden (Word)",
        }
    }
}

/// The original's address relative to the app's base (`originals/<file, percent-encoded>`), with
/// `#page=N` for a PDF at a page; `None` for a text file and for a page of a Word file (a browser
/// cannot open one at a page, it downloads the whole file). The encoding keeps only
/// RFC 3986 unreserved bytes, as scripts/postbuild.mjs writes the precache list, so the service
/// worker finds the file under the same URL.
pub fn original_path(file: &str, page: Option<u32>) -> Option<String> {
    let format = Original::of(file)?;
    if format == Original::Word && page.is_some() {
        return None;
    }
    let mut out = format!("{ORIGINALS_DIR}/");
    for b in file.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    if let (Original::Pdf, Some(p)) = (format, page) {
        out.push_str(&format!("#page={p}"));
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn original_paths_are_percent_encoded_and_pdfs_open_at_the_page() {
        assert_eq!(
            original_path("1c0f765c-d7b4.pdf", Some(3)).as_deref(),
            Some("originals/1c0f765c-d7b4.pdf#page=3")
        );
        assert_eq!(
            original_path("1c0f765c-d7b4.pdf", None).as_deref(),
            Some("originals/1c0f765c-d7b4.pdf")
        );
        // Spaces, parentheses, commas and non-ASCII are encoded; a Word file has no page address.
        assert_eq!(original_path("Mutluer (1).docx", Some(2)), None);
        assert_eq!(
            original_path("Mutluer (GL-PvdA), geïnformeerd (1).docx", None).as_deref(),
            Some("originals/Mutluer%20%28GL-PvdA%29%2C%20ge%C3%AFnformeerd%20%281%29.docx")
        );
        assert_eq!(
            original_path("a #?%&/b.pdf", None).as_deref(),
            Some("originals/a%20%23%3F%25%26%2Fb.pdf")
        );
        assert_eq!(original_path("002_99.txt", Some(1)), None);
    }
}
