//! Spacing accents set apart from their letter ("c" then "´", drawn or extracted as two characters) put back on it ("ć").

use std::borrow::Cow;

/// A spacing accent and the letters it goes on, with the accented letters in the same order.
const TABLE: [(char, &str, &str); 13] = [
    ('´', "aeiouycnszAEIOUYCNSZ", "áéíóúýćńśźÁÉÍÓÚÝĆŃŚŹ"),
    ('`', "aeiouAEIOU", "àèìòùÀÈÌÒÙ"),
    ('¨', "aeiouyAEIOU", "äëïöüÿÄËÏÖÜ"),
    ('ˆ', "aeiouAEIOU", "âêîôûÂÊÎÔÛ"),
    ('ˇ', "cszrendtCSZRNEDT", "čšžřěňďťČŠŽŘŇĚĎŤ"),
    ('˜', "anoANO", "ãñõÃÑÕ"),
    ('¸', "csgklnrtCSGKLNRT", "çşģķļņŗţÇŞĢĶĻŅŖŢ"),
    ('˘', "agAG", "ăğĂĞ"),
    ('˚', "auAU", "åůÅŮ"),
    ('˛', "aeiuAEIU", "ąęįųĄĘĮŲ"),
    ('˝', "ouOU", "őűŐŰ"),
    ('˙', "zegZEGI", "żėġŻĖĠİ"),
    ('¯', "aeiouAEIOU", "āēīōūĀĒĪŌŪ"),
];

/// The accented letter `accent` makes of the last letter of `before` (`Yes` + `¸` gives `Yeş`):
/// `before` with that letter replaced, or `None` when `accent` is not one spacing accent or does
/// not go on that letter.
pub fn compose_accent(before: &str, accent: &str) -> Option<String> {
    let mut accent_chars = accent.chars();
    let a = accent_chars.next()?;
    if accent_chars.next().is_some() {
        return None;
    }
    let (_, plain, marked) = TABLE.iter().find(|(c, _, _)| *c == a)?;
    let last = before.chars().next_back()?;
    let i = plain.chars().position(|c| c == last)?;
    let replacement = marked.chars().nth(i)?;
    let mut out = before[..before.len() - last.len_utf8()].to_string();
    out.push(replacement);
    Some(out)
}

/// A line of text another tool extracted, with every spacing accent it set apart after a name
/// put back on its last letter: "Vragen van het lid Kostic ´ (PvdD)" gives "… Kostić (PvdD)".
/// Only an accent standing alone between a space after a capitalised word and a space, a
/// punctuation mark or the line's end is moved (names are what such tools tear apart, and a
/// lowercase word is left as printed); an accent used as an apostrophe ("auto´s") stays.
pub fn rejoin_spacing_accents(line: &str) -> Cow<'_, str> {
    if line.is_ascii() || !line.chars().any(|c| TABLE.iter().any(|(a, _, _)| *a == c)) {
        return Cow::Borrowed(line);
    }
    let mut out = String::with_capacity(line.len());
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        let accent = TABLE.iter().any(|(a, _, _)| *a == c);
        let mut alone = || {
            chars
                .peek()
                .is_none_or(|next| next.is_whitespace() || next.is_ascii_punctuation())
        };
        let after_name = || {
            out.strip_suffix(' ').is_some_and(|before| {
                let word = before.rsplit(' ').next().unwrap_or(before);
                word.starts_with(char::is_uppercase) && word.ends_with(char::is_alphabetic)
            })
        };
        let composed = (accent && alone() && after_name())
            .then(|| compose_accent(&out[..out.len() - 1], c.encode_utf8(&mut [0; 4])))
            .flatten();
        match composed {
            Some(composed) => out = composed,
            None => out.push(c),
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::{compose_accent, rejoin_spacing_accents, Cow};

    #[test]
    fn a_spacing_accent_after_a_letter_becomes_one_accented_letter() {
        let composed = |before: &str, accent: &str| compose_accent(before, accent);
        assert_eq!(composed("Yes", "¸").as_deref(), Some("Yeş"));
        assert_eq!(composed("Franc", "¸").as_deref(), Some("Franç"));
        assert_eq!(composed("Kostic", "´").as_deref(), Some("Kostić"));
        assert_eq!(composed("Dvor", "ˇ").as_deref(), Some("Dvoř"));
        assert_eq!(composed("Erdog", "˘").as_deref(), Some("Erdoğ"));
        assert_eq!(composed("Wał", "˛"), None);
        assert_eq!(composed("Yes", "¸¸"), None);
        assert_eq!(composed("", "¸"), None);
        assert_eq!(composed("Yes", "x"), None);
    }

    #[test]
    fn an_accent_an_extraction_set_apart_goes_back_on_its_letter() {
        assert_eq!(
            rejoin_spacing_accents("Vragen van het lid Kostic ´ (PvdD) aan de Minister"),
            "Vragen van het lid Kostić (PvdD) aan de Minister"
        );
        assert_eq!(
            rejoin_spacing_accents("minister Yes ¸ilgöz"),
            "minister Yes ¸ilgöz"
        );
        assert_eq!(rejoin_spacing_accents("door Kostic ´."), "door Kostić.");
        assert_eq!(rejoin_spacing_accents("Kostic ´"), "Kostić");
        // An apostrophe, an accent after a digit or a lowercase word, a letter it does not go
        // on: kept.
        assert_eq!(rejoin_spacing_accents("twee auto´s en"), "twee auto´s en");
        assert_eq!(rejoin_spacing_accents("artikel 3 ´ lid"), "artikel 3 ´ lid");
        assert_eq!(rejoin_spacing_accents("de ´ regel"), "de ´ regel");
        assert_eq!(rejoin_spacing_accents("zie ` hier"), "zie ` hier");
        assert_eq!(rejoin_spacing_accents("Het ´ bericht"), "Het ´ bericht");
        assert!(matches!(
            rejoin_spacing_accents("Kostic (PvdD)"),
            Cow::Borrowed(_)
        ));
    }
}
