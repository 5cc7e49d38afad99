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
    parse_sources(sources::gather(paths)?)
}

/// Parses source files given as bytes (gathered from folders, or dropped in a browser) into one
/// corpus: each file on its own, then the passes over the whole corpus (duplicates, glued words,
/// linked sets, question facts, themes, member parties, report notes). Never reads the disk.
pub fn parse_sources(sources: sources::Sources) -> Result<ParseOutput, String> {
    let builtin = Builtin::checked()?;
    let mut out = read_sources(sources, &builtin.registry, &mut |_| {});
    corpus_passes(&mut out, &builtin, &|_| true);
    Ok(out)
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
    // Content hash and length of every file read, with its name: a copy is named and skipped.
    let mut seen: FastMap<(String, usize), String> = Default::default();
    let mut names = NamesRead::default();
    // By name, whatever order they came in (a browser hands dropped files over in any order).
    let mut files = sources.files;
    files.sort_by(|a, b| a.name.cmp(&b.name).then(a.shown.cmp(&b.shown)));
    for source in files {
        on_file(&source.name);
        let sources::SourceFile { name, shown, bytes } = source;
        if Format::of(&name).is_none() {
            out.diagnostics
                .push(sources::unsupported_format(&name, &shown));
            continue;
        }
        if let Some(too_large) = sources::too_large(&name, bytes.len() as u64) {
            out.diagnostics.push(too_large);
            continue;
        }
        let hash = crate::hash::content_hash(&bytes);
        // Only a file that was read is a first copy: the same bytes refused under one name (a
        // PDF saved as `.docx`) are read again under another.
        if let Some(first) = seen.get(&(hash.clone(), bytes.len())) {
            out.diagnostics.push(Diagnostic::new(
                &name,
                None,
                Severity::Warning,
                format!("dezelfde inhoud als {first}; deze kopie is overgeslagen"),
            ));
            continue;
        }
        let Some((read_as, id)) = names.claim(&name, &shown, &hash) else {
            out.diagnostics.push(Diagnostic::new(
                &name,
                None,
                Severity::Error,
                format!("een ander bestand heet ook {name}; dit bestand ({shown}) is overgeslagen"),
            ));
            continue;
        };
        let (own, name) = (name, read_as);
        let format = format_read_as(&name, &bytes, &mut out.diagnostics);
        let mut parsed = match format {
            Some(f @ (Format::Pdf | Format::Docx)) => {
                match originals::parse_original(&name, &id, f, &bytes, registry) {
                    Ok(p) => p,
                    Err(d) => {
                        out.diagnostics.push(d);
                        continue;
                    }
                }
            }
            _ => {
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
        if let Some(note) = names.record(&own, &name, &id, &shown) {
            out.diagnostics.push(note);
        }
        seen.insert((hash, bytes.len()), name.clone());
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
    /// The name and id a file's document gets: its own name and the id of that
    /// ([`document_id`]); a name read before (the same in another folder) gets its folder's name
    /// before it (else the whole path, else the start of the content hash before the extension);
    /// an id read before (that name, or Word names alike in their first 60 characters) gets the
    /// start of the content hash after it. `None` if that is taken too.
    fn claim(&self, name: &str, shown: &str, hash: &str) -> Option<(String, String)> {
        let short = &hash[..8.min(hash.len())];
        let folder = std::path::Path::new(shown)
            .parent()
            .and_then(|p| p.file_name())
            .map(|f| format!("{}/{name}", f.to_string_lossy()));
        let (stem, extension) = name.rsplit_once('.').unwrap_or((name, ""));
        let name = [Some(name.to_string()), folder, Some(shown.to_string())]
            .into_iter()
            .flatten()
            .find(|n| !self.names.contains_key(n))
            .unwrap_or_else(|| format!("{stem} ({short}).{extension}"));
        let id = document_id(&name);
        if !self.ids.contains_key(&id) {
            return Some((name, id));
        }
        let own = format!("{id}-{short}");
        (!self.ids.contains_key(&own)).then_some((name, own))
    }

    /// Records the file `own` (its own name), read under the name and id [`NamesRead::claim`]
    /// gave it; a note where these are not the file's own.
    fn record(&mut self, own: &str, name: &str, id: &str, shown: &str) -> Option<Diagnostic> {
        let note = if name != own {
            Some(format!(
                "een ander bestand ({}) heet ook {own}; dit document heet {name}, met id {id}",
                self.names.get(own).map_or("?", String::as_str)
            ))
        } else if id != document_id(name) {
            Some(format!(
                "een ander bestand ({}) heeft dezelfde document-id; dit document heet {id}",
                self.ids.get(&document_id(name)).map_or("?", String::as_str)
            ))
        } else {
            None
        };
        self.names.insert(name.to_string(), shown.to_string());
        self.ids.insert(id.to_string(), shown.to_string());
        note.map(|n| Diagnostic::new(name, None, Severity::Info, n))
    }
}

/// The format to read a file as: its content's where that shows one its name does not give (a PDF
/// saved as `.docx` or `.txt`), with a warning; else its name's.
fn format_read_as(name: &str, bytes: &[u8], diagnostics: &mut Vec<Diagnostic>) -> Option<Format> {
    let named = Format::of(name);
    match Format::of_content(bytes) {
        Some(content) if Some(content) != named => {
            let extension = name.rsplit_once('.').map_or("", |(_, e)| e);
            diagnostics.push(Diagnostic::new(
                name,
                None,
                Severity::Warning,
                format!(
                    "de inhoud is {}, maar de naam eindigt op .{extension}; gelezen als {}",
                    content.content_name(),
                    content.name()
                ),
            ));
            Some(content)
        }
        _ => named,
    }
}

/// The passes over the whole corpus: duplicates, glued words (in the texts of the documents
/// `repairs` selects by id), linked sets, question facts, themes, member parties, report notes.
pub fn corpus_passes(out: &mut ParseOutput, builtin: &Builtin, repairs: &dyn Fn(&str) -> bool) {
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
    link_sets::link_sets(out);
    question_facts::add_question_facts(out, ministries);
    question_themes::assign_question_themes(out, registry, ministries);
    member_parties::add_member_parties(out, members, registry);
    references::report_missing_references(out);
    crate::report::attach_report_notes(out);
    out.corpus.parties = registry.parties().to_vec();
    out.corpus.themes = registry.themes().to_vec();
}
