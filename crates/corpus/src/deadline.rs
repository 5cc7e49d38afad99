//! The answer term of a question: three weeks from the day it was sent in, three more after a postponement notice; how long it took or has been open, and whether that is within the term.

use crate::date::Date;
use crate::model::{Answer, Question};

/// Days a minister has to answer (Reglement van Orde van de Tweede Kamer, art. 12.3).
pub const TERM_DAYS: i64 = 21;
/// Days a postponement notice adds to the term.
pub const POSTPONEMENT_DAYS: i64 = 21;

/// Whether the term was kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Term {
    /// Answered by the last day of the term, or open and the term still runs.
    Within,
    /// Answered after the last day of the term, or open past it.
    Passed,
    /// A date needed to tell is missing (asked, answered, or today's).
    Unknown,
}

impl Term {
    pub const ALL: [Term; 3] = [Term::Passed, Term::Within, Term::Unknown];

    /// The URL value (`termijn=`).
    pub fn slug(self) -> &'static str {
        match self {
            Term::Within => "binnen",
            Term::Passed => "verlopen",
            Term::Unknown => "onbekend",
        }
    }

    /// Dutch label for the interface.
    pub fn label(self) -> &'static str {
        match self {
            Term::Within => "Binnen de termijn",
            Term::Passed => "Termijn verlopen",
            Term::Unknown => "Termijn onbekend",
        }
    }

    pub fn from_slug(s: &str) -> Option<Term> {
        Term::ALL.into_iter().find(|t| t.slug() == s)
    }
}

/// Where a question stands against its term.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Deadline {
    pub answered: bool,
    /// Days from asked to answered, or, while open, from asked to today (`None` without the dates).
    pub days: Option<i64>,
    /// The last day of the term (`None` without an asked date).
    pub due: Option<Date>,
    pub postponed: bool,
    pub term: Term,
}

/// The deadline of `question`, answered by `answer` (if any), as of `today` (the reader's date,
/// so that a copy kept offline stays right; `None` when unknown).
pub fn deadline(question: &Question, answer: Option<&Answer>, today: Option<Date>) -> Deadline {
    let postponed = question.postponed;
    let extra = if postponed { POSTPONEMENT_DAYS } else { 0 };
    let due = question
        .asked_on
        .and_then(|d| d.add_days(TERM_DAYS + extra));
    let until = match answer {
        Some(a) => a.answered_on,
        None => today,
    };
    // An answer dated before the question (or a clock before it) tells nothing: no days, no term.
    let days = match (question.asked_on, until) {
        (Some(asked), Some(until)) => Some(asked.days_until(until)).filter(|d| *d >= 0),
        _ => None,
    };
    let term = match (due, until, days) {
        (Some(due), Some(until), Some(_)) if until > due => Term::Passed,
        (Some(_), Some(_), Some(_)) => Term::Within,
        _ => Term::Unknown,
    };
    Deadline {
        answered: answer.is_some(),
        days,
        due,
        postponed,
        term,
    }
}
