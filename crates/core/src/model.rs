//! The serde types of a negotiation: the agenda of issues and one position file per party.
//!
//! Field order here is the order in which files are written, so keep it stable: reordering
//! fields turns every saved file into a noisy diff. `docs/format.md` documents every field.

use serde::{Deserialize, Serialize};

/// The newest `format` number this build reads and writes. Files with a higher number are
/// refused whole rather than half-read.
pub const FORMAT_VERSION: u32 = 2;

/// The format numbers this build still reads; each means the same today as when it was written,
/// and loading lifts it to [`FORMAT_VERSION`] in memory, so any save writes the newest.
pub const OLDEST_FORMAT_VERSION: u32 = 1;

/// The lowest and highest point of every issue scale.
pub const SCALE_MIN: f64 = 0.0;
pub const SCALE_MAX: f64 = 100.0;

/// `agenda.ron`: the issues on the table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Agenda {
    pub format: u32,
    /// The negotiation's name, shown in the window title and report headings.
    pub name: String,
    #[serde(default)]
    pub description: String,
    pub issues: Vec<AgendaIssue>,
    /// The dated rounds of the negotiation, oldest first (format 2). Without rounds every
    /// statement simply holds.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rounds: Vec<Round>,
}

/// One dated round of a negotiation: a draft, a written reply, a summit, a communiqué.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Round {
    /// Stable kebab-case id that statements' `from` and `until` refer to.
    pub id: String,
    pub name: String,
    /// `YYYY-MM-DD`; rounds are listed in date order.
    pub date: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AgendaIssue {
    /// Stable kebab-case id that statements refer to.
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub category: String,
    #[serde(default)]
    pub description: String,
    /// What points of the 0–100 scale mean; at least 0 and 100 must be named.
    pub scale: Vec<Anchor>,
    /// Ids of the parties the analyst judges to have no stake in the issue: their silence
    /// leaves a finding as it is, where any other party's silence leaves it untested.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub no_stake: Vec<String>,
    /// The analyst's own reasoning, kept beside the issue.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Anchor {
    pub at: f64,
    pub meaning: String,
}

/// One party's position file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PartyFile {
    pub format: u32,
    pub party: Party,
    /// The date the positions were last checked, `YYYY-MM-DD`.
    pub as_of: String,
    #[serde(default)]
    pub summary: String,
    #[serde(default)]
    pub statements: Vec<Statement>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Party {
    /// Stable kebab-case id, unique across the negotiation.
    pub id: String,
    pub name: String,
    pub short_name: String,
    /// `#rrggbb`.
    pub colour: String,
    /// Relative power to shape the outcome, 0–1; an analyst estimate when given.
    #[serde(default)]
    pub capability: Option<f64>,
    /// The ids of the parties this one is a bloc of (NATO of its members, the EU of its
    /// states), each with a file of its own; empty for a party that is not a bloc.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub members: Vec<String>,
    /// The analyst's own reasoning about the party.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Statement {
    /// Kebab-case id, unique within the file, so conditions and reports can point at it.
    pub id: String,
    /// The agenda issue this statement is about.
    pub issue: String,
    pub kind: Kind,
    /// One line in the analyst's words; the sources carry the party's own.
    pub summary: String,
    /// The point on the issue's scale the party argues for.
    #[serde(default)]
    pub stance: Option<f64>,
    /// The outcomes on the issue's scale the party could accept.
    #[serde(default)]
    pub range: Option<Range>,
    /// How much the issue matters to the party, 0–100.
    pub salience: f64,
    pub firmness: Firmness,
    /// True when stance, range and salience are the analyst's estimates rather than
    /// numbers the party stated.
    pub estimated: bool,
    #[serde(default)]
    pub conditions: Vec<Condition>,
    #[serde(default)]
    pub sources: Vec<Source>,
    /// The analyst's own reasoning behind the numbers, such as why a range is estimated so.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// The first round the statement holds in (format 2); `None`: from the first round.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "round_reference"
    )]
    pub from: Option<String>,
    /// The last round the statement holds in, inclusive (format 2); `None`: still holds.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "round_reference"
    )]
    pub until: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Range {
    pub min: f64,
    pub max: f64,
}

impl Range {
    pub fn contains(&self, point: f64) -> bool {
        self.min <= point && point <= self.max
    }

    /// The common part of two ranges, `None` when they do not meet.
    pub fn intersect(&self, other: &Range) -> Option<Range> {
        let min = self.min.max(other.min);
        let max = self.max.min(other.max);
        (min <= max).then_some(Range { min, max })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Kind {
    Demand,
    /// A red line: the range is what the party can live with, everything outside it is refused.
    Rejection,
    Offer,
    OpenToTalks,
    Condition,
    Concern,
    Warning,
}

impl Kind {
    pub const ALL: [Kind; 7] = [
        Kind::Demand,
        Kind::Rejection,
        Kind::Offer,
        Kind::OpenToTalks,
        Kind::Condition,
        Kind::Concern,
        Kind::Warning,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Kind::Demand => "demand",
            Kind::Rejection => "red line",
            Kind::Offer => "offer",
            Kind::OpenToTalks => "open to talks",
            Kind::Condition => "condition",
            Kind::Concern => "concern",
            Kind::Warning => "warning",
        }
    }

    /// Offers and openings are what a conditional offer can be made of.
    pub fn is_opening(self) -> bool {
        matches!(self, Kind::Offer | Kind::OpenToTalks)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Firmness {
    NonNegotiable,
    Firm,
    Flexible,
}

impl Firmness {
    pub fn label(self) -> &'static str {
        match self {
            Firmness::NonNegotiable => "non-negotiable",
            Firmness::Firm => "firm",
            Firmness::Flexible => "flexible",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Condition {
    /// The condition in words, e.g. "if Russia withdraws its troops from the Ukrainian border".
    pub text: String,
    /// Whose action, on which issue, the condition waits for.
    #[serde(default)]
    pub waits_on: Option<WaitsOn>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WaitsOn {
    pub party: String,
    pub issue: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    /// The speaker's or the article's own words, verbatim.
    pub quote: String,
    /// Who said it, or "article (narration)" when the article itself says it.
    pub speaker: String,
    /// `YYYY-MM-DD`.
    pub date: String,
    /// Where the quote comes from: publication, title, URL.
    pub reference: String,
}

/// `from` and `until` are written as a bare round id, `from: "geneva-draft"`, not wrapped in
/// `Some(...)`: they are left out when absent, so the wrapper would only be noise to type.
mod round_reference {
    use serde::{Deserialize, Deserializer, Serializer};

    pub(super) fn serialize<S: Serializer>(
        value: &Option<String>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match value {
            Some(id) => serializer.serialize_str(id),
            None => serializer.serialize_none(),
        }
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<String>, D::Error> {
        String::deserialize(deserializer).map(Some)
    }
}
