//! The whole run in order: every file read and parsed on its own, then the passes over the whole corpus.

use super::sources::{self, decode};
use super::{
    dedupe, document_id, glued_words_corpus, link_sets, member_parties, originals, parse_text_as,
    question_facts, question_themes, references, ParseOutput,
};
use crate::diagnostics::{Diagnostic, Severity};
use crate::hash::{FastMap, FastSet};
use crate::model::{Corpus, SCHEMA_VERSION};
use crate::registry::Registry;
use briefwissel_readers::Format;
use std::path::PathBuf;

/// Parses files and folders (recursively: `.txt`, `.pdf` and `.docx`; SOURCES and README files are
/// documentation; any other file is named in a warning), sorted by file name.
/// `Err` when a path cannot be read or a registry data file (parties, themes, ministries, members)
/// is malformed ("data/themes.toml:12: reason"); problems inside documents are diagnostics.
pub fn parse_paths(paths: &[PathBuf]) -> Result<ParseOutput, String> {
    parse_paths_in_steps(paths, &mut |_| {})
}

/// [`parse_paths`], calling `step_done` with the name of each step as it ends (the built-in data
/// checked and the files found, each file read and parsed, then each pass over the corpus): the
/// CLI times the build with it.
pub fn parse_paths_in_steps(
    paths: &[PathBuf],
    step_done: &mut dyn FnMut(&'static str),
) -> Result<ParseOutput, String> {
    let sources = sources::gather(paths)?;
    let builtin = Builtin::checked()?;
    step_done("built-in data, find and load the files");
    Ok(parse_with(sources, &builtin, step_done))
}

/// Parses source files given as bytes (gathered from folders, or dropped in a browser) into one
/// corpus: each file on its own, then the passes over the whole corpus (duplicates, glued words,
/// linked sets, question facts, themes, member parties, report notes). Never reads the disk.
pub fn parse_sources(sources: sources::Sources) -> Result<ParseOutput, String> {
    Ok(parse_with(sources, &Builtin::checked()?, &mut |_| {}))
}

/// Reads and parses `sources`, then the passes over the corpus, calling `step_done` as each ends.
fn parse_with(
    sources: sources::Sources,
    builtin: &Builtin,
    step_done: &mut dyn FnMut(&'static str),
) -> ParseOutput {
    let mut out = read_sources(sources, &builtin.registry, &mut |_| {});
    step_done("read and parse each file");
    corpus_passes_in_steps(&mut out, builtin, &|_| true, step_done);
    out
}

/// The registry data the parser reads (parties, themes, ministries, members), checked together.
pub struct Builtin {
    pub registry: Registry,
    pub ministries: crate::ministry::Ministries,
    pub members: crate::members::Members,
}

impl Builtin {
    /// The built-in data files, or where one is malformed ("data/themes.toml:12: reason").
    pub fn checked() -> Result<Builtin, String> {
        let registry = Registry::checked_builtin()?;
        let ministries = crate::ministry::Ministries::checked_builtin()?;
        let ministry_ids: Vec<&str> = ministries.list().iter().map(|m| m.id.as_str()).collect();
        registry.check_theme_ministries(&ministry_ids)?;
        let members = crate::members::Members::builtin().map_err(|e| format!("data/{e}"))?;
        Ok(Builtin {
            registry,
            ministries,
            members,
        })
    }
}

/// Reads and parses every file on its own, in name order (refused files become diagnostics),
/// calling `on_file` with each file's name when it is done; the passes over the whole corpus come
/// after ([`corpus_passes`]).
pub fn read_sources(
    sources: sources::Sources,
    registry: &Registry,
    on_file: &mut dyn FnMut(&str),
) -> ParseOutput {
    let mut out = ParseOutput {
        corpus: Corpus {
            schema_version: SCHEMA_VERSION,
            ..Default::default()
        },
        diagnostics: sources.skipped,
        line_fates: Vec::new(),
        vocabulary: Default::default(),
    };
    // Content hash and length of every file read, with its name and path: a copy is named and
    // skipped.
    let mut seen: FastMap<(String, usize), (String, String)> = Default::default();
    let mut names = NamesRead::default();
    // By name, whatever order they came in (a browser hands dropped files over in any order).
    let mut files = sources.files;
    files.sort_by(|a, b| {
        (a.name.cmp(&b.name))
            .then(a.shown.cmp(&b.shown))
            .then_with(|| a.bytes.cmp(&b.bytes))
    });
    for source in files {
        on_file(&source.name);
        let sources::SourceFile { name, shown, bytes } = source;
        let Some(named) = Format::of(&name) else {
            out.diagnostics
                .push(sources::unsupported_format(&name, &shown));
            continue;
        };
        // A file of a name already read is named by its path in messages (the name is the read
        // one's: its report row, and for added documents whether they were read).
        let about = names.label(&name, &shown);
        if let Some(too_large) = sources::too_large(about, bytes.len() as u64) {
            out.diagnostics.push(too_large);
            continue;
        }
        if bytes.is_empty() {
            out.diagnostics.push(sources::empty(about));
            continue;
        }
        let hash = crate::hash::content_hash(&bytes);
        // Only a file that was read is a first copy: the same bytes refused under one name (a
        // PDF saved as `.docx`) are read again under another.
        if let Some((first, first_shown)) = seen.get(&(hash.clone(), bytes.len())) {
            let first = if *first == name { first_shown } else { first };
            out.diagnostics.push(Diagnostic::new(
                about,
                None,
                Severity::Warning,
                format!("dezelfde inhoud als {first}; deze kopie is overgeslagen"),
            ));
            continue;
        }
        let id = match names.claim(&name, &hash) {
            Ok(id) => id,
            Err(message) => {
                out.diagnostics
                    .push(Diagnostic::new(about, None, Severity::Error, message));
                continue;
            }
        };
        let format = match format_by_name(&name, named, &bytes) {
            Ok(format) => format,
            Err(refused) => {
                out.diagnostics.push(refused);
                continue;
            }
        };
        let mut parsed = match format {
            f @ (Format::Pdf | Format::Docx) => {
                match originals::parse_original(&name, &id, f, &bytes, registry) {
                    Ok(p) => p,
                    Err(d) => {
                        out.diagnostics.push(d);
                        continue;
                    }
                }
            }
            Format::Text => {
                let (text, note) = decode(&bytes);
                if let Some((sev, msg)) = note {
                    out.diagnostics.push(Diagnostic::new(&name, None, sev, msg));
                    if sev == Severity::Error {
                        continue;
                    }
                }
                if text.trim().is_empty() {
                    out.diagnostics.push(sources::empty(&name));
                    continue;
                }
                parse_text_as(&name, &id, &text, registry)
            }
        };
        if let Some(note) = names.record(&name, &id, &shown) {
            out.diagnostics.push(note);
        }
        seen.insert((hash, bytes.len()), (name.clone(), shown.clone()));
        out.diagnostics.append(&mut parsed.diagnostics);
        out.line_fates
            .push((parsed.document.id.to_string(), parsed.line_fates));
        out.corpus.documents.push(parsed.document);
        out.corpus.questions.extend(parsed.questions);
        out.corpus.answers.extend(parsed.answers);
    }
    out
}

/// The names and document ids of the files read so far, to give each document its own.
#[derive(Default)]
struct NamesRead {
    /// Each name, and each document id, with where its file is.
    names: FastMap<String, String>,
    ids: FastMap<String, String>,
}

impl NamesRead {
    /// The document id of a file: the id of its name ([`document_id`]), or where a file read
    /// before has that (Word names alike in their first 60 characters), that id with the start of
    /// the content hash after it. `Err` with a message where a file of the same name (in another
    /// folder) was read before, or the id is taken even so.
    fn claim(&self, name: &str, hash: &str) -> Result<String, String> {
        if let Some(first) = self.names.get(name) {
            return Err(format!(
                "een ander bestand met dezelfde naam ({first}) is al gelezen; dit bestand is \
                 overgeslagen: geef een van beide een andere naam"
            ));
        }
        let id = document_id(name);
        let Some(first) = self.ids.get(&id) else {
            return Ok(id);
        };
        let own = format!("{id}-{}", &hash[..8.min(hash.len())]);
        match self.ids.get(&own) {
            None => Ok(own),
            Some(other) => Err(format!(
                "de document-id {id} is al van {first} en {own} van {other}; dit bestand is \
                 overgeslagen: geef het een andere naam"
            )),
        }
    }

    /// What messages about a file go under: its name, or where a file of that name was read
    /// already, its path (a browser gives names only: then the name).
    fn label<'a>(&self, name: &'a str, shown: &'a str) -> &'a str {
        if self.names.contains_key(name) {
            shown
        } else {
            name
        }
    }

    /// Records a file read under the id [`NamesRead::claim`] gave it; a note where that is not
    /// the id of its name.
    fn record(&mut self, name: &str, id: &str, shown: &str) -> Option<Diagnostic> {
        let note = (id != document_id(name)).then(|| {
            Diagnostic::new(
                name,
                None,
                Severity::Info,
                format!(
                    "de naam geeft dezelfde document-id ({}) als die van {}; dit document krijgt id {id}",
                    document_id(name),
                    self.ids.get(&document_id(name)).map_or("?", String::as_str)
                ),
            )
        });
        self.names.insert(name.to_string(), shown.to_string());
        self.ids.insert(id.to_string(), shown.to_string());
        note
    }
}

/// The format to read a file as, by its name; `Err` with a message where its content is clearly
/// another format the readers take (a PDF saved as `.docx` or `.txt`): the name decides how the
/// document is shown and linked to, so it has to say what the file is.
fn format_by_name(name: &str, named: Format, bytes: &[u8]) -> Result<Format, Diagnostic> {
    match Format::of_content(bytes) {
        Some(content) if content != named => {
            let extension = name.rsplit_once('.').map_or("", |(_, e)| e);
            Err(Diagnostic::new(
                name,
                None,
                Severity::Error,
                format!(
                    "de inhoud is een {}, maar de naam eindigt op .{extension}; geef het bestand \
                     de extensie .{}; niet verwerkt",
                    content.name(),
                    content.extension()
                ),
            ))
        }
        _ => Ok(named),
    }
}

/// The passes over the whole corpus: duplicates, glued words (in the texts of the documents
/// `repairs` selects by id), linked sets, question facts, themes, member parties, report notes.
pub fn corpus_passes(out: &mut ParseOutput, builtin: &Builtin, repairs: &dyn Fn(&str) -> bool) {
    corpus_passes_in_steps(out, builtin, repairs, &mut |_| {});
}

/// [`corpus_passes`], calling `step_done` with the name of each pass as it ends.
fn corpus_passes_in_steps(
    out: &mut ParseOutput,
    builtin: &Builtin,
    repairs: &dyn Fn(&str) -> bool,
    step_done: &mut dyn FnMut(&'static str),
) {
    let Builtin {
        registry,
        ministries,
        members,
    } = builtin;
    dedupe::set_aside_extracts(out);
    // Only text another tool extracted lost its spaces where lines were joined; what this
    // project's readers lay out from a PDF or Word original keeps the spaces the original prints,
    // and a split there only breaks a whole word ("instabiel", "welbevinden").
    let laid_out_here: FastSet<String> = out
        .corpus
        .documents
        .iter()
        .filter(|d| d.pages.is_some())
        .map(|d| d.id.to_string())
        .collect();
    let extracted = |id: &str| repairs(id) && !laid_out_here.contains(id);
    let (vocabulary, repaired) = glued_words_corpus::repair_corpus(&mut out.corpus, &extracted);
    out.vocabulary = vocabulary;
    let file_of: FastMap<&str, &str> = out
        .corpus
        .documents
        .iter()
        .map(|d| (d.id.as_str(), d.file.as_str()))
        .collect();
    for (document_id, n) in repaired {
        if let Some(file) = file_of.get(document_id.as_str()) {
            out.diagnostics.push(Diagnostic::new(
                file,
                None,
                Severity::Info,
                format!("{n} aan elkaar geschreven woorden gescheiden (bij het omzetten naar tekst verloren spaties)"),
            ));
        }
    }
    step_done("duplicates and glued words");
    link_sets::link_sets(out);
    step_done("link question sets");
    question_facts::add_question_facts(out, ministries);
    question_themes::assign_question_themes(out, registry, ministries);
    step_done("question facts and themes");
    member_parties::add_member_parties(out, members, registry);
    references::report_missing_references(out);
    crate::report::attach_report_notes(out);
    step_done("member parties and report notes");
    out.corpus.parties = registry.parties().to_vec();
    out.corpus.themes = registry.themes().to_vec();
}
