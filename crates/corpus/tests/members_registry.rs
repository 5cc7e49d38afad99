//! The member registry (data/members.csv): a member's party on a date, names that fit several members, and askers named without a party.

use briefwissel_corpus::members::{MemberParty, Members};
use briefwissel_corpus::model::Question;
use briefwissel_corpus::parse::member_parties::names_in_file_name;
use briefwissel_corpus::parse::{parse_paths, ParseOutput};
use briefwissel_corpus::Date;
use std::path::Path;

fn members() -> Members {
    Members::builtin().expect("data/members.csv reads")
}

fn day(iso: &str) -> Date {
    Date::parse_iso(iso).expect("date")
}

fn faction(name: &str, on: &str) -> Option<String> {
    match members().party_on(name, day(on)) {
        MemberParty::Found(seat) => Some(seat.faction),
        _ => None,
    }
}

#[test]
fn a_member_who_changed_faction_is_resolved_by_date() {
    // Joris Thijssen sat for the PvdA, then for the joint GroenLinks-PvdA faction (from 27 October 2023).
    assert_eq!(faction("Thijssen", "2023-05-01").as_deref(), Some("PvdA"));
    assert_eq!(
        faction("Thijssen", "2024-11-20").as_deref(),
        Some("GroenLinks-PvdA")
    );
    // Agnes Joseph left Nieuw Sociaal Contract for BBB in July 2025.
    assert_eq!(
        faction("Joseph", "2025-01-15").as_deref(),
        Some("Nieuw Sociaal Contract")
    );
    assert_eq!(faction("Joseph", "2025-09-01").as_deref(), Some("BBB"));
    // Corinne Ellemeet sat for GroenLinks before the joint faction.
    assert_eq!(faction("Ellemeet", "2023-03-01").as_deref(), Some("GL"));
}

#[test]
fn a_name_that_fits_several_members_is_reported_not_guessed() {
    // In 2024 the Kamer had Inge van Dijk (CDA), Olger van Dijk (NSC), Emiel van Dijk (PVV) and
    // Diederik van Dijk (SGP).
    match members().party_on("Van Dijk", day("2024-06-01")) {
        MemberParty::Ambiguous(who) => {
            assert_eq!(who.len(), 4, "{who:?}");
            assert!(who.iter().any(|w| w.contains("Inge") && w.contains("CDA")));
        }
        other => panic!("expected an ambiguous name, got {other:?}"),
    }
    // A first name or initials settle it.
    assert_eq!(
        faction("Inge van Dijk", "2024-06-01").as_deref(),
        Some("CDA")
    );
    assert_eq!(
        faction("O.C. van Dijk", "2024-06-01").as_deref(),
        Some("Nieuw Sociaal Contract")
    );
    assert_eq!(
        members().party_on("Nordkamp", day("2020-01-01")),
        MemberParty::NotSeated
    );
    assert_eq!(
        members().party_on("Pietersen-Puk", day("2024-01-01")),
        MemberParty::Unknown
    );
}

#[test]
fn the_registry_file_reads_completely_and_bad_rows_are_named() {
    let members = members();
    assert!(members.seats().len() > 600, "{}", members.seats().len());
    let err = Members::from_csv(
        "family,initials,given,faction,from,to,id\nNispen,M.,Michiel,SP,2014-13-02,,x\n",
    )
    .expect_err("a month 13 is no date");
    assert!(err.contains("members.csv:2:"), "{err}");
}

#[test]
fn a_member_named_without_a_party_gets_it_from_the_registry_on_the_day_asked() {
    let out = parse_member_fixture("lid_without_party.txt");
    let q = &out.corpus.questions[0];
    assert_eq!(q.askers.len(), 1);
    assert_eq!(q.askers[0].name.as_deref(), Some("Van Nispen"));
    assert_eq!(q.askers[0].party_as_printed, "");
    assert_eq!(q.askers[0].party_on, Some(day("2024-10-03")));
    assert_eq!(q.parties, ["SP"]);
    assert_eq!(q.ministries, ["jenv"]);
}

/// `names_in_file_name` as (names, more askers cut off, last name may be cut off).
fn file_name_askers(file: &str) -> (Vec<String>, bool, bool) {
    let found = names_in_file_name(file);
    (found.names, found.more_cut_off, found.last_may_be_cut)
}

fn names(names: &[&str]) -> Vec<String> {
    names.iter().map(|n| n.to_string()).collect()
}

#[test]
fn askers_are_read_from_a_published_file_name_when_the_letter_prints_none() {
    // The name runs to the end of the file name: it may be cut off there.
    assert_eq!(
        file_name_askers("kv-005-antwoord-op-vragen-van-het-lid-nordkamp-docx.txt"),
        (names(&["nordkamp"]), false, true)
    );
    // Cut off inside "over" and inside "en": the second member is lost and that is said.
    assert_eq!(
        file_name_askers("kv-015-antwoord-op-vragen-van-het-lid-grinwis-o-docx.txt"),
        (names(&["grinwis"]), false, false)
    );
    assert_eq!(
        file_name_askers("kv-067-antwoord-op-vragen-van-de-leden-hirsch-e-docx.txt"),
        (names(&["hirsch"]), true, false)
    );
    assert_eq!(
        file_name_askers("Antwoord op vragen van de leden Van Nispen en Dijk over zorg.docx"),
        (names(&["van nispen", "dijk"]), false, false)
    );
    // The first "van het lid" anywhere, and a bracketed party is no part of the name.
    assert_eq!(
        file_name_askers("beantwoording-van-de-kamervragen-van-het-lid-van-nispen-(sp)-over-x.pdf"),
        (names(&["van nispen"]), false, false)
    );
    assert_eq!(
        file_name_askers("ah-tk-20242025-575.pdf"),
        (Vec::new(), false, false)
    );
}

#[test]
fn a_family_name_cut_off_at_the_end_of_a_file_name_is_read_by_its_first_letters() {
    let on = day("2024-11-20");
    let found = |m: MemberParty| match m {
        MemberParty::Found(seat) => Some((seat.family, seat.faction)),
        _ => None,
    };
    let pair = |family: &str, faction: &str| Some((family.to_string(), faction.to_string()));
    assert_eq!(
        found(members().party_on_cut_off("paternott", on)),
        pair("Paternotte", "D66")
    );
    assert_eq!(
        found(members().party_on_cut_off("van nisp", on)),
        pair("van Nispen", "SP")
    );
    assert_eq!(
        found(members().party_on_cut_off("slagt tich", on)),
        pair("Slagt-Tichelman", "GroenLinks-PvdA")
    );
    // A whole name is never read as cut off; too little of a name, or a tussenvoegsel, says
    // nobody; and a cut name that fits several members is not guessed.
    assert_eq!(members().party_on("paternott", on), MemberParty::Unknown);
    assert_eq!(members().party_on_cut_off("pa", on), MemberParty::Unknown);
    assert_eq!(members().party_on_cut_off("van", on), MemberParty::Unknown);
    assert!(matches!(
        members().party_on_cut_off("van dij", day("2024-06-01")),
        MemberParty::Ambiguous(_)
    ));
}

#[test]
fn an_answer_letter_whose_file_name_cuts_its_askers_name_gets_the_party() {
    let out = parse_member_fixture("kv-900-antwoord-op-vragen-van-het-lid-paternott-docx.txt");
    assert_eq!(out.corpus.questions.len(), 2);
    for q in &out.corpus.questions {
        assert_eq!(q.askers.len(), 1);
        assert_eq!(q.askers[0].name.as_deref(), Some("Paternotte"));
        assert_eq!(q.parties, ["D66"]);
    }
    assert!(out
        .diagnostics
        .iter()
        .any(|d| d.message.contains("Paternotte: partij D66")
            && d.message
                .contains("de bestandsnaam breekt de naam af: paternott")));
}

#[test]
fn the_word_answer_letters_of_the_corpus_name_their_askers_party() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/documents");
    let out = parse_paths(&[dir]).expect("the real corpus parses");
    let party_of = |file_part: &str| -> Vec<Vec<String>> {
        let mut parties: Vec<Vec<String>> = out
            .corpus
            .questions
            .iter()
            .filter(|q| q.document_id.contains(file_part))
            .map(|q| q.parties.iter().map(|p| p.to_string()).collect::<Vec<_>>())
            .collect();
        parties.dedup();
        parties
    };
    // Members of the Kamer in November 2024, when these letters were answered.
    assert_eq!(party_of("kv-005-"), [["GroenLinks-PvdA"]]);
    assert_eq!(party_of("kv-015-"), [["ChristenUnie"]]);
    assert_eq!(party_of("kv-022-"), [["SP"]]);
    assert_eq!(party_of("kv-032-"), [["PVV"]]);
    assert_eq!(party_of("kv-033-"), [["Nieuw Sociaal Contract"]]);
    assert_eq!(party_of("kv-049-"), [["Nieuw Sociaal Contract"]]);
    assert_eq!(party_of("kv-059-"), [["GroenLinks-PvdA"]]);
    assert_eq!(party_of("kv-067-"), [["GroenLinks-PvdA"]]);
    // Printed parties stay as printed: Ellemeet asked as GroenLinks, Mutluer as PvdA (2023).
    let printed: Vec<(&str, &str)> = out
        .corpus
        .questions
        .iter()
        .flat_map(|q| q.askers.iter())
        .filter_map(|a| Some((a.name.as_deref()?, a.party.as_deref()?)))
        .filter(|(n, _)| *n == "Ellemeet")
        .collect();
    assert!(!printed.is_empty() && printed.iter().all(|(_, p)| *p == "GroenLinks"));
    assert!(out
        .diagnostics
        .iter()
        .any(|d| d.file.contains("kv-067-") && d.message.contains("meer vragenstellers")));
}

/// The parse of one file of `tests/fixtures/members`.
fn parse_member_fixture(name: &str) -> ParseOutput {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/members")
        .join(name);
    parse_paths(&[fixture]).expect("parses")
}

/// A question's askers as (name, party, party as printed).
fn askers(q: &Question) -> Vec<(Option<&str>, Option<&str>, &str)> {
    q.askers
        .iter()
        .map(|a| {
            (
                a.name.as_deref(),
                a.party.as_deref(),
                a.party_as_printed.as_str(),
            )
        })
        .collect()
}

#[test]
fn a_member_without_a_printed_party_beside_one_with_gets_it_too() {
    let out = parse_member_fixture("printed_and_unprinted_party.txt");
    let q = &out.corpus.questions[0];
    assert_eq!(
        askers(q),
        [
            (Some("Sneller"), Some("D66"), "D66"),
            (Some("Van Nispen"), Some("SP"), "")
        ]
    );
    assert_eq!(q.parties, ["D66", "SP"]);
    // "Ministers van Economische Zaken en Klimaat en Groene Groei": EZ and KGG, not EZK.
    assert_eq!(q.ministries, ["ez", "kgg"]);
}

#[test]
fn a_faction_the_party_registry_does_not_know_is_reported_not_used_as_a_party() {
    // Nilüfer Gündoğan sat as a one-member group "Gündoğan" in June 2022, which data/parties.toml does not list.
    assert_eq!(
        faction("Gündoğan", "2022-06-01").as_deref(),
        Some("Gündoğan")
    );
    let out = parse_member_fixture("faction_not_in_party_registry.txt");
    let q = &out.corpus.questions[0];
    assert!(q.parties.is_empty(), "{:?}", q.parties);
    assert!(out
        .diagnostics
        .iter()
        .any(|d| d.message.contains("Gündoğan")
            && d.message.contains("niet in data/parties.toml staat")));
}

#[test]
fn a_party_printed_beside_a_member_that_the_registry_contradicts_gives_way_and_is_reported() {
    // Teunissen sat for the Partij voor de Dieren on 4 April 2024 (data/members.csv); "PvdA"
    // beside her name is a misprint. Sneller's printed D66 agrees with the registry.
    let out = parse_member_fixture("printed_party_contradicted.txt");
    assert_eq!(out.corpus.questions.len(), 2);
    for q in &out.corpus.questions {
        assert_eq!(
            askers(q),
            [
                (Some("Sneller"), Some("D66"), "D66"),
                (Some("Teunissen"), Some("Partij voor de Dieren"), "PvdA")
            ]
        );
        assert_eq!(q.parties, ["D66", "Partij voor de Dieren"]);
    }
    let reported: Vec<&str> = out
        .diagnostics
        .iter()
        .filter(|d| d.message.contains("staat er als"))
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(
        reported,
        ["Kamerlid Teunissen staat er als PvdA, maar had op 2024-04-04 zitting voor Partij voor de \
          Dieren (data/members.csv); die partij aangehouden"]
    );
}

#[test]
fn a_party_a_member_left_shortly_before_the_question_stays_as_printed() {
    // Heutink sat for the PVV until 19 January 2026 and for Groep Markuszower from the 20th
    // (data/members.csv): a question of 2 February 2026 that prints "PVV" may have been drafted
    // before the change, so it is no misprint.
    let out = parse_member_fixture("printed_party_before_a_change_of_faction.txt");
    let q = &out.corpus.questions[0];
    assert_eq!(askers(q), [(Some("Heutink"), Some("PVV"), "PVV")]);
    assert_eq!(q.parties, ["PVV"]);
    assert!(!out
        .diagnostics
        .iter()
        .any(|d| d.message.contains("staat er als")));
}
