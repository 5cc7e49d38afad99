//! The Word reader on the real answer letters and on small documents built here.

use briefwissel_readers::docx::read;
use briefwissel_readers::{note_marker as m, Extracted, Line};
use std::io::Write;

mod common;
use common::{docx_original as original, read_docx_original as read_original};

const WOLVEGA: &str = "Beantwoording Kamervragen leden Mutluer (GL-PvdA)";
const NOODNUMMER: &str = "Beantwoording Kamervragen van de leden Temmink";
const POLITIEHOND: &str = "Beantwoording Kamervragen van het lid Teunissen";
const BIJTINCIDENTEN: &str = "Beantwoording Kamervragen van het lid Wassenberg";
const ARGOS: &str = "Beantwoording van Kamervragen van de leden Mutluer (PvDA)";
const ALL: [&str; 5] = [WOLVEGA, NOODNUMMER, POLITIEHOND, BIJTINCIDENTEN, ARGOS];

fn line<'a>(x: &'a Extracted, start: &str) -> &'a Line {
    x.lines
        .iter()
        .find(|l| l.text.starts_with(start))
        .unwrap_or_else(|| panic!("no line starts with {start:?}"))
}

/// A .docx with the given parts (stored, not compressed).
fn docx(parts: &[(&str, &str)]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, text) in parts {
        zip.start_file(*name, stored).expect("zip entry");
        zip.write_all(text.as_bytes()).expect("zip write");
    }
    zip.finish().expect("zip finish").into_inner()
}

const NS: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006""#;

fn document(body: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:document {NS}><w:body>{body}</w:body></w:document>"#
    )
}

fn para(text: &str) -> String {
    format!("<w:p><w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>")
}

fn numbered(num: u32, ilvl: u32, text: &str) -> String {
    format!(
        "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"{ilvl}\"/><w:numId w:val=\"{num}\"/></w:numPr></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"
    )
}

fn texts(x: &Extracted) -> Vec<&str> {
    x.lines.iter().map(|l| l.text.as_str()).collect()
}

#[test]
fn restores_word_numbering_of_the_link_list_in_the_noodnummer_letter() {
    let x = read_original(NOODNUMMER);
    assert!(texts(&x).contains(&"1) Geen spoed wel brandweer – Brandweer"));
    assert!(texts(&x).contains(&"2) Contact marechaussee | Koninklijke Marechaussee | Defensie.nl"));
}

#[test]
fn restores_decimal_numbering_of_the_sources_in_the_argos_letter() {
    let x = read_original(ARGOS);
    assert!(line(&x, "1. Argos, 27 september, 2023").gap_before);
    line(&x, "2. vng.nl/sites/default/files/2021-09/handelingskader");
    line(&x, "3. Bureau Beke, februari 2022");
}

#[test]
fn writes_the_footnote_marker_in_the_text_and_the_body_as_a_note() {
    let x = read_original(NOODNUMMER);
    let answer = line(&x, "In het tweeminutendebat politie van 7 december 2022");
    let marked = format!("de motie van Nispen{} met uw Kamer", m("1"));
    assert!(answer.text.contains(&marked), "{}", answer.text);
    assert_eq!(answer.page, 4);
    assert_eq!(x.notes.len(), 1);
    assert_eq!(x.notes[0].number, "1");
    assert_eq!(x.notes[0].text, "Kamerstukken, 2022-2023, 29628, nr. 1135");
    assert_eq!(x.notes[0].page, 4);
}

#[test]
fn numbers_footnotes_in_order_of_reference() {
    let x = read_original(POLITIEHOND);
    let numbers: Vec<&str> = x.notes.iter().map(|n| n.number.as_str()).collect();
    assert_eq!(numbers, ["1", "2"]);
    assert!(x.notes[0]
        .text
        .starts_with("Zie ook de Verzamelbrief dierenwelzijn gezelschapsdieren"));
    assert!(x.notes[1]
        .text
        .starts_with("De Koers Politiehonden is nader besproken"));
    let werkhonden = format!("huisvesting van werkhonden{}.", m("1"));
    let geleiders = format!("leerlandschap voor hondengeleiders{}.", m("2"));
    assert!(x.lines.iter().any(|l| l.text.contains(&werkhonden)));
    assert!(x.lines.iter().any(|l| l.text.ends_with(&geleiders)));
}

#[test]
fn reads_the_letterhead_from_the_first_page_header() {
    let x = read_original(WOLVEGA);
    assert_eq!(
        x.letterhead[0],
        ("Datum".to_string(), "25 juli 2024".to_string())
    );
    let betreft = x
        .letterhead
        .iter()
        .find(|(k, _)| k == "Betreft")
        .expect("Betreft");
    assert!(betreft
        .1
        .starts_with("Beantwoording Kamervragen leden Mutluer, Lahlah (GroenLinks-PvdA)"));
    assert!(
        !x.letterhead.iter().any(|(k, _)| k == "Ons kenmerk"),
        "that field is empty in the header"
    );
}

#[test]
fn a_field_page_one_leaves_blank_is_read_from_the_header_of_the_following_pages() {
    // Page one prints "Ons kenmerk" / "-" in a text box; the header of pages 2 and on prints
    // "Ons kenmerk" / "5646209" (word/header2.xml, the default header; the first-page header
    // holds only a page number). Page one's date stays the first.
    let x = read_original(POLITIEHOND);
    assert_eq!(
        x.letterhead[0],
        ("Datum".to_string(), "26 augustus 2024".to_string())
    );
    let kenmerk: Vec<&str> = x
        .letterhead
        .iter()
        .filter(|(k, _)| k == "Ons kenmerk")
        .map(|(_, v)| v.as_str())
        .collect();
    assert_eq!(kenmerk, ["5646209"]);
}

#[test]
fn keeps_header_text_out_of_the_body_lines() {
    let x = read_original(WOLVEGA);
    for word in ["Retouradres", "Turfmarkt", "Pagina", "25 juli 2024"] {
        assert!(
            !x.lines.iter().any(|l| l.text.contains(word)),
            "{word} leaked into the lines"
        );
    }
    assert!(x.set_aside.is_empty());
}

#[test]
fn reads_letterhead_fields_from_body_frames_and_field_results() {
    let x = read_original(NOODNUMMER);
    assert!(x
        .letterhead
        .contains(&("Datum".to_string(), "11 januari 2024".to_string())));
    assert!(x
        .letterhead
        .contains(&("Ons kenmerk".to_string(), "5164758".to_string())));
    assert_eq!(line(&x, "Datum").text, "Datum | 11 januari 2024");
}

#[test]
fn never_shows_field_instructions() {
    for prefix in ALL {
        let x = read_original(prefix);
        for l in &x.lines {
            assert!(
                !l.text.contains("DOCPROPERTY") && !l.text.contains("MERGEFORMAT"),
                "{prefix}: {}",
                l.text
            );
        }
    }
}

#[test]
fn counts_pages_from_page_breaks_once() {
    let x = read_original(WOLVEGA);
    assert_eq!(line(&x, "In antwoord op uw brief van 5 juli 2024").page, 1);
    assert_eq!(line(&x, "Antwoorden van de minister van Justitie").page, 2);
    assert_eq!(line(&x, "Een kleinere politiepost kan daarnaast").page, 3);
    assert_eq!(line(&x, "Vraag 6").page, 4);
    assert_eq!(x.pages, 4);
}

#[test]
fn never_reports_fewer_pages_than_it_counted() {
    // docProps/app.xml of this letter says 1 page; Word's own page breaks say 5.
    let x = read_original(BIJTINCIDENTEN);
    assert_eq!(line(&x, "Vraag 14").page, 5);
    assert_eq!(x.pages, 5);
}

#[test]
fn reads_bold_size_font_and_gaps() {
    let x = read_original(WOLVEGA);
    let first = &x.lines[0];
    assert!(first
        .text
        .starts_with("In antwoord op uw brief van 5 juli 2024, nr. 2024Z11859"));
    assert!(first.gap_before && !first.bold);
    assert_eq!((first.size, first.font.as_str()), (9.0, "Verdana"));
    assert!(line(&x, "Vraag 1").bold);
    let ja = line(&x, "Ja.");
    assert!(!ja.bold && !ja.gap_before);
}

#[test]
fn reads_document_properties() {
    let x = read_original(WOLVEGA);
    let title = x.properties.title.as_deref().unwrap_or_default();
    assert!(title.starts_with("Brief - Beantwoording Kamervragen leden Mutluer"));
    assert_eq!(
        x.properties.created.as_deref(),
        Some("2024-07-15T08:45:00Z")
    );
    assert_eq!(
        x.properties.modified.as_deref(),
        Some("2024-07-25T07:11:00Z")
    );
}

const NUMBERING: &str = r#"<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:abstractNum w:abstractNumId="0">
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="Vraag %1"/></w:lvl>
 <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2."/></w:lvl>
 <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%3"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1">
 <w:lvl w:ilvl="0"><w:start w:val="3"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="2">
 <w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="&#xF0B7;"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="7"/></w:lvlOverride></w:num>
<w:num w:numId="4"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="5"><w:abstractNumId w:val="2"/></w:num>
</w:numbering>"#;

const STYLES: &str = r#"<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="20"/></w:rPr></w:rPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Standaard"><w:rPr><w:rFonts w:ascii="Verdana"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Vraagkop"><w:basedOn w:val="Standaard"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr><w:rPr><w:b/></w:rPr></w:style>
</w:styles>"#;

#[test]
fn restores_question_labels_levels_overrides_and_bullets() {
    let body = [
        numbered(1, 0, ""),
        para("Kent u het bericht?"),
        numbered(1, 0, "Deelt u de mening?"),
        numbered(1, 1, "eerste deel"),
        numbered(1, 1, "tweede deel"),
        numbered(1, 2, "diep"),
        numbered(2, 0, "gedeelde lijst telt door"),
        numbered(1, 1, "weer a"),
        "<w:p><w:pPr><w:pStyle w:val=\"Vraagkop\"/></w:pPr><w:r><w:t>Uit de stijl</w:t></w:r></w:p>".into(),
        "<w:p><w:pPr><w:pStyle w:val=\"Vraagkop\"/><w:numPr><w:numId w:val=\"0\"/></w:numPr></w:pPr><w:r><w:t>Zonder nummer</w:t></w:r></w:p>".into(),
        numbered(3, 0, "eigen start"),
        numbered(3, 0, "en verder"),
        numbered(4, 0, "romeins"),
        numbered(5, 0, "opsomming"),
        numbered(5, 0, ""),
    ]
    .concat();
    let bytes = docx(&[
        ("word/document.xml", &document(&body)),
        ("word/numbering.xml", NUMBERING),
        ("word/styles.xml", STYLES),
    ]);
    let x = read(&bytes).expect("reads");
    assert_eq!(
        texts(&x),
        [
            "Vraag 1",
            "Kent u het bericht?",
            "Vraag 2 Deelt u de mening?",
            "a. eerste deel",
            "b. tweede deel",
            "2.1 diep",
            "Vraag 3 gedeelde lijst telt door",
            "a. weer a",
            "Vraag 4 Uit de stijl",
            "Zonder nummer",
            "Vraag 7 eigen start",
            "Vraag 8 en verder",
            "III. romeins",
            "- opsomming",
        ]
    );
    let styled = line(&x, "Vraag 4");
    assert!(styled.bold && !line(&x, "Vraag 1").bold);
    assert_eq!((styled.size, styled.font.as_str()), (10.0, "Verdana"));
}

#[test]
fn turns_tables_text_boxes_fields_and_special_characters_into_text() {
    let textbox = |t: &str| {
        format!(
            "<w:drawing><w:txbxContent>{}</w:txbxContent></w:drawing>",
            para(t)
        )
    };
    let body = format!(
        "{}<w:p><w:r><mc:AlternateContent><mc:Choice Requires=\"wps\">{}</mc:Choice><mc:Fallback><w:pict>{}</w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>\
         <w:tbl><w:tr><w:tc>{}{}</w:tc><w:tc><w:p/></w:tc><w:tc>{}</w:tc></w:tr></w:tbl>\
         <w:p><w:r><w:t>Datum:</w:t></w:r><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> DOCPROPERTY datum </w:instrText></w:r>\
         <w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t xml:space=\"preserve\"> 3 mei 2024</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>\
         <w:p/><w:p><w:r><w:t>A</w:t><w:noBreakHyphen/><w:t>B</w:t><w:tab/><w:t>C</w:t><w:br/><w:t>D</w:t><w:sym w:font=\"Symbol\" w:char=\"F0B7\"/><w:t>  E  </w:t></w:r></w:p>",
        para("Inleiding"),
        textbox("Kader tekst"),
        textbox("Kader tekst"),
        para("Vraag"),
        para("1"),
        para("Antwoord")
    );
    let x = read(&docx(&[("word/document.xml", &document(&body))])).expect("reads");
    assert_eq!(
        texts(&x),
        [
            "Inleiding",
            "Kader tekst",
            "Vraag 1 | Antwoord",
            "Datum: 3 mei 2024",
            "A-B C D E"
        ]
    );
    assert!(x.lines[4].gap_before && !x.lines[3].gap_before);
}

#[test]
fn numbers_footnotes_then_endnotes_and_keeps_custom_marks() {
    let note = |kind: &str, id: &str, text: &str| {
        format!("<w:{kind} w:id=\"{id}\"><w:p><w:r><w:{kind}Ref/></w:r><w:r><w:t xml:space=\"preserve\"> {text}</w:t></w:r></w:p></w:{kind}>")
    };
    let separators = "<w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>\
                      <w:footnote w:type=\"continuationSeparator\" w:id=\"0\"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>";
    let footnotes = format!(
        "<w:footnotes {NS}>{separators}{}{}{}{}</w:footnotes>",
        note("footnote", "5", "Eerste noot."),
        note("footnote", "3", "Tweede noot."),
        note("footnote", "9", "Nooit genoemd."),
        note("footnote", "7", "Eigen teken.")
    );
    let endnotes = format!(
        "<w:endnotes {NS}>{}</w:endnotes>",
        note("endnote", "2", "Eindnoot.")
    );
    let body = "<w:p><w:r><w:t>Een</w:t></w:r><w:r><w:endnoteReference w:id=\"2\"/></w:r><w:r><w:t xml:space=\"preserve\"> twee</w:t></w:r>\
                <w:r><w:footnoteReference w:id=\"5\"/></w:r><w:r><w:t>, drie</w:t></w:r><w:r><w:footnoteReference w:id=\"3\"/></w:r></w:p>\
                <w:p><w:r><w:br w:type=\"page\"/></w:r></w:p><w:p><w:r><w:lastRenderedPageBreak/><w:t>Weer</w:t><w:footnoteReference w:id=\"5\"/></w:r>\
                <w:r><w:footnoteReference w:customMarkFollows=\"1\" w:id=\"7\"/><w:t>*</w:t></w:r></w:p>";
    let bytes = docx(&[
        ("word/document.xml", &document(body)),
        ("word/footnotes.xml", &footnotes),
        ("word/endnotes.xml", &endnotes),
    ]);
    let x = read(&bytes).expect("reads");
    let expected = [
        format!("Een{} twee{}, drie{}", m("3"), m("1"), m("2")),
        format!("Weer{}{}", m("1"), m("*")),
    ];
    assert_eq!(texts(&x), expected);
    let notes: Vec<(&str, &str, u32)> = x
        .notes
        .iter()
        .map(|n| (n.number.as_str(), n.text.as_str(), n.page))
        .collect();
    assert_eq!(
        notes,
        [
            ("1", "Eerste noot.", 1),
            ("2", "Tweede noot.", 1),
            ("3", "Eindnoot.", 1),
            ("*", "Eigen teken.", 2)
        ]
    );
    assert_eq!(x.pages, 2);
}

#[test]
fn reads_letterhead_fields_from_text_boxes_in_the_first_page_header_once() {
    let field = |instr: &str, result: &str| {
        format!("<w:p><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText>{instr}</w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>{result}</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>")
    };
    let boxed = [
        para("Datum"),
        field(" DOCPROPERTY datum ", "3 mei 2024"),
        para("Ons kenmerk"),
        field(" DOCPROPERTY kenmerk ", "12345"),
    ]
    .concat();
    let header = format!(
        "<w:hdr {NS}>{}<w:p><w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><w:txbxContent>{boxed}</w:txbxContent></w:drawing></mc:Choice>\
         <mc:Fallback><w:pict><w:txbxContent>{boxed}</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p></w:hdr>",
        para("&gt; Retouradres Postbus 20301")
    );
    let rels = r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>
        <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header2.xml"/></Relationships>"#;
    let body = format!(
        "{}<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rId1\"/><w:headerReference w:type=\"first\" r:id=\"rId2\"/><w:titlePg/></w:sectPr>",
        para("Geachte voorzitter,")
    );
    let bytes = docx(&[
        ("word/document.xml", &document(&body)),
        ("word/_rels/document.xml.rels", rels),
        (
            "word/header1.xml",
            &format!("<w:hdr {NS}>{}</w:hdr>", para("Datum")),
        ),
        ("word/header2.xml", &header),
    ]);
    let x = read(&bytes).expect("reads");
    assert_eq!(texts(&x), ["Geachte voorzitter,"]);
    assert_eq!(
        x.letterhead,
        [
            ("Datum".to_string(), "3 mei 2024".to_string()),
            ("Ons kenmerk".to_string(), "12345".to_string())
        ]
    );
}

#[test]
fn the_first_pages_values_come_first_and_the_following_pages_header_fills_its_blanks() {
    let header = |paras: &[&str]| {
        let paras: String = paras.iter().map(|p| para(p)).collect();
        format!("<w:hdr {NS}>{paras}</w:hdr>")
    };
    let rels = r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>
        <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header2.xml"/></Relationships>"#;
    // Two pages: the author typed a page break.
    let second_page = "<w:p><w:r><w:br w:type=\"page\"/><w:t>Hoogachtend,</w:t></w:r></w:p>";
    let sect = |title_page: &str, pages: &str| {
        format!(
            "{}{pages}<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rId1\"/><w:headerReference w:type=\"first\" r:id=\"rId2\"/>{title_page}</w:sectPr>",
            para("Geachte voorzitter,")
        )
    };
    let later = header(&["Datum", "4 mei 2024", "Ons kenmerk", "777", "Uw brief", "–"]);
    let first = header(&["Datum", "3 mei 2024", "Ons kenmerk", "-"]);
    let read_with = |body: &str| {
        let bytes = docx(&[
            ("word/document.xml", &document(body)),
            ("word/_rels/document.xml.rels", rels),
            ("word/header1.xml", &later),
            ("word/header2.xml", &first),
        ]);
        read(&bytes).expect("reads").letterhead
    };
    let pair = |k: &str, v: &str| (k.to_string(), v.to_string());
    assert_eq!(
        read_with(&sect("<w:titlePg/>", second_page)),
        [pair("Datum", "3 mei 2024"), pair("Ons kenmerk", "777")]
    );
    // A letter of one page prints no header of the following pages.
    assert_eq!(
        read_with(&sect("<w:titlePg/>", "")),
        [pair("Datum", "3 mei 2024")]
    );
    // Without a title page the default header is on every page, the first included.
    assert_eq!(
        read_with(&sect("", second_page)),
        [pair("Datum", "4 mei 2024"), pair("Ons kenmerk", "777")]
    );
}

fn message(bytes: &[u8]) -> String {
    read(bytes).expect_err("must be refused").message
}

#[test]
fn refuses_random_bytes_as_not_a_zip() {
    let noise: Vec<u8> = (0u32..4096)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    assert!(message(&noise).starts_with("geen Word-bestand (.docx): geen zip-archief"));
    assert!(message(b"").contains("leeg"));
}

#[test]
fn recognises_an_old_binary_doc() {
    let mut doc = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    doc.resize(2048, 0);
    let m = message(&doc);
    assert!(
        m.contains(".doc") && m.contains("sla het op als .docx"),
        "{m}"
    );
}

#[test]
fn reports_a_truncated_file_as_corrupt() {
    let full = original(WOLVEGA);
    for cut in [full.len() / 2, full.len() - 30, 100] {
        let m = message(full.get(..cut).unwrap_or_default());
        assert!(m.contains("beschadigd of onvolledig"), "{m}");
    }
}

#[test]
fn refuses_a_zip_without_word_document() {
    let bytes = docx(&[("xl/workbook.xml", "<workbook/>")]);
    let m = message(&bytes);
    assert!(
        m.starts_with("geen Word-document") && m.contains("word/document.xml"),
        "{m}"
    );
}

#[test]
fn names_the_part_with_malformed_xml() {
    let bytes = docx(&[(
        "word/document.xml",
        &format!("<w:document {NS}><w:body><w:p></w:body></w:document>"),
    )]);
    let m = message(&bytes);
    assert!(
        m.starts_with("word/document.xml is geen geldige XML bij byte"),
        "{m}"
    );
    let bytes = docx(&[
        ("word/document.xml", &document(&para("x"))),
        ("word/footnotes.xml", "<w:footnotes"),
    ]);
    let bytes_with_ref = docx(&[
        (
            "word/document.xml",
            &document("<w:p><w:r><w:footnoteReference w:id=\"1\"/></w:r></w:p>"),
        ),
        ("word/footnotes.xml", "<w:footnotes"),
    ]);
    assert!(
        read(&bytes).is_ok(),
        "an unreferenced notes part is not read"
    );
    assert!(message(&bytes_with_ref).starts_with("word/footnotes.xml is geen geldige XML"));
}

#[test]
fn reports_truncated_xml_inside_a_real_letter() {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(original(ARGOS))).expect("zip");
    let mut xml = String::new();
    std::io::Read::read_to_string(
        &mut archive.by_name("word/document.xml").expect("part"),
        &mut xml,
    )
    .expect("utf-8");
    for tenth in 1..10 {
        let mut cut = xml.len() * tenth / 10;
        while !xml.is_char_boundary(cut) {
            cut -= 1;
        }
        let m = message(&docx(&[("word/document.xml", &xml[..cut])]));
        assert!(
            m.starts_with("word/document.xml is geen geldige XML bij byte"),
            "{m}"
        );
    }
}

#[test]
fn refuses_a_zip_bomb() {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let deflated = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("word/document.xml", deflated)
        .expect("entry");
    let chunk = vec![b' '; 1 << 20];
    for _ in 0..65 {
        zip.write_all(&chunk).expect("write");
    }
    let mut bytes = zip.finish().expect("finish").into_inner();
    assert!(message(&bytes).contains("groter dan 64 MB"));
    // The same bomb lying about its size in the local header and the central directory.
    for (signature, offset) in [([0x50u8, 0x4b, 3, 4], 22usize), ([0x50, 0x4b, 1, 2], 24)] {
        let at = bytes
            .windows(4)
            .position(|w| w == signature)
            .expect("header")
            + offset;
        bytes[at..at + 4].copy_from_slice(&1000u32.to_le_bytes());
    }
    assert!(message(&bytes).contains("groter dan 64 MB"));
}

#[test]
fn never_panics_on_damaged_copies() {
    let full = original(ARGOS);
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    for _ in 0..60 {
        let mut bytes = full.clone();
        for _ in 0..8 {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            let at = (seed >> 33) as usize % bytes.len();
            bytes[at] ^= (seed >> 25) as u8 | 1;
        }
        let _ = read(&bytes);
    }
}
