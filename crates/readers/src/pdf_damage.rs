//! Damaged PDFs: a file lopdf had to rebuild is refused when its pages refer to parts it no longer holds.

use crate::ReadError;
use lopdf::{Document, Object, ObjectId};
use std::collections::BTreeMap;

/// Objects followed per page when looking for parts a damaged file lost.
const MAX_OBJECTS_CHECKED: usize = 20_000;

/// A file whose cross-reference table had to be rebuilt (cut off, or damaged) still loads, but
/// pages whose content, fonts or images are gone would come out short or empty, or look like a
/// scan. Such a file is refused, naming the first damaged page and listing them all.
pub(crate) fn damaged(
    doc: &Document,
    page_ids: &BTreeMap<u32, ObjectId>,
    bytes: &[u8],
) -> Result<(), ReadError> {
    let damaged: Vec<u32> = page_ids
        .iter()
        .filter(|(_, &id)| refers_to_missing(doc, id))
        .map(|(&n, _)| n)
        .collect();
    let declared = doc
        .catalog()
        .ok()
        .and_then(|c| c.get(b"Pages").ok())
        .and_then(|p| doc.dereference(p).ok())
        .and_then(|(_, p)| p.as_dict().ok())
        .and_then(|p| p.get(b"Count").ok())
        .and_then(|c| c.as_i64().ok())
        .and_then(|c| usize::try_from(c).ok())
        .unwrap_or(0);
    let lost = declared.saturating_sub(page_ids.len());
    if damaged.is_empty() && lost == 0 {
        return Ok(());
    }
    let tail = &bytes[bytes.len().saturating_sub(1024)..];
    let why = if tail.windows(5).any(|w| w == b"%%EOF") {
        "beschadigd"
    } else {
        "onvolledig (het bestand eindigt zonder de eindmarkering %%EOF, zoals na een onderbroken download)"
    };
    let mut what = Vec::new();
    if !damaged.is_empty() {
        let list: Vec<String> = damaged.iter().map(u32::to_string).collect();
        what.push(format!(
            "{} {} van {} {} naar inhoud die niet meer in het bestand zit",
            if damaged.len() == 1 {
                "pagina"
            } else {
                "pagina's"
            },
            list.join(", "),
            page_ids.len().max(declared),
            if damaged.len() == 1 {
                "verwijst"
            } else {
                "verwijzen"
            },
        ));
    }
    if lost > 0 {
        what.push(format!(
            "{lost} van de {declared} pagina's die het bestand noemt, zijn niet te vinden"
        ));
    }
    Err(ReadError {
        page: damaged.first().copied(),
        message: format!(
            "de PDF is {why}: {}; zorg voor een volledige kopie van het bestand",
            what.join(", en ")
        ),
    })
}

/// Whether a page's content or resources refer to an object the file does not hold.
fn refers_to_missing(doc: &Document, page: ObjectId) -> bool {
    let Ok(dict) = doc.get_dictionary(page) else {
        return true;
    };
    let mut todo: Vec<&Object> = [b"Contents".as_slice(), b"Resources"]
        .iter()
        .filter_map(|k| dict.get(k).ok())
        .collect();
    let mut seen = std::collections::HashSet::new();
    while let Some(object) = todo.pop() {
        if seen.len() > MAX_OBJECTS_CHECKED {
            break;
        }
        match object {
            Object::Reference(id) => {
                if !seen.insert(*id) {
                    continue;
                }
                match doc.objects.get(id) {
                    Some(o) => todo.push(o),
                    None => return true,
                }
            }
            Object::Array(items) => todo.extend(items),
            Object::Dictionary(d) => todo.extend(
                d.iter()
                    .filter(|(k, _)| k.as_slice() != b"Parent")
                    .map(|(_, v)| v),
            ),
            Object::Stream(s) => todo.extend(s.dict.iter().map(|(_, v)| v)),
            _ => {}
        }
    }
    false
}
