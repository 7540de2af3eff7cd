//! The items of a map: sources, lanes, events, claims, links and the citations
//! that tie them to sources. Plain data; see [`super::Map`] for the whole.

use super::{Argument, ClaimId, Date, EventId, LaneId, LinkId, Rgb, SourceId};
use serde::{Deserialize, Serialize};

fn is_false(value: &bool) -> bool {
    !value
}

/// Title, summary and credits of a map, and the format version of its file.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    pub title: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub summary: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub authors: Vec<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub license: String,
}

/// A published text that quotes cite.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: SourceId,
    pub title: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub author: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub outlet: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub url: String,
    /// The source's own text, attached from a file beside the map.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<TextFile>,
}

/// Where a source's text is kept, and which text it was: the map stores the
/// reference, never the text (articles are not the map's to redistribute).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TextFile {
    /// A path relative to the map file's folder, `/`-separated; for a text
    /// kept outside that folder, its file name alone (found in the folder the
    /// user points at: `--texts DIR`, File ▸ Attach source texts…).
    pub file: String,
    /// The SHA-256 of the file's bytes, in lowercase hexadecimal.
    pub sha256: String,
}

/// Where a quote stands in its source's text, as the W3C Web Annotation
/// selectors say it: a position (character offsets, counted in Unicode scalar
/// values of the text as Argline reads it) and a quote's context (the words
/// just before and after), so that the quote can be found again when the text
/// moves.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Anchor {
    /// The offset of the quote's first character.
    pub start: usize,
    /// The offset just past its last character.
    pub end: usize,
    /// Up to 32 characters just before the quote.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub prefix: String,
    /// Up to 32 characters just after it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub suffix: String,
}

/// A row of the timeline (e.g. United States, China, bilateral).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lane {
    pub id: LaneId,
    pub name: String,
    pub color: Rgb,
}

/// Words quoted verbatim from a source, with where they stand in it; or,
/// without a quote, a reference to a place in the source (its locator), for
/// a public record whose words the map does not quote.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Citation {
    pub source: SourceId,
    /// The exact words of the source; empty for a reference by locator only.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub quote: String,
    /// Where in the source: a paragraph, a page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locator: Option<String>,
    /// Where the quote stands in the source's attached text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anchor: Option<Anchor>,
}

impl Citation {
    /// `quote` from `source`, with no locator and no anchor yet.
    pub fn new(source: impl Into<SourceId>, quote: impl Into<String>) -> Self {
        Self { source: source.into(), quote: quote.into(), locator: None, anchor: None }
    }
}

/// Something that happened on a date, or over a span of dates.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    pub id: EventId,
    pub date: Date,
    /// The last date of a span; `None` for a point event.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<Date>,
    pub title: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub detail: String,
    pub lane: LaneId,
    /// Where the event's chip sits on the argument map when it serves as
    /// evidence; `None` places it beneath the claims it bears on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<Position>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub citations: Vec<Citation>,
    /// As evidence: how far it can be trusted.
    #[serde(default, skip_serializing_if = "Level::is_medium")]
    pub credibility: Level,
    /// As evidence: how much it bears on the question.
    #[serde(default, skip_serializing_if = "Level::is_medium")]
    pub relevance: Level,
}

impl Event {
    /// A point event titled `title` on `lane`, with nothing else yet: no
    /// detail, tags or citations, no place of its own on the map, medium weights.
    pub fn new(id: impl Into<EventId>, date: Date, title: impl Into<String>, lane: LaneId) -> Self {
        Self {
            id: id.into(),
            date,
            end: None,
            title: title.into(),
            detail: String::new(),
            lane,
            position: None,
            tags: Vec::new(),
            citations: Vec::new(),
            credibility: Level::Medium,
            relevance: Level::Medium,
        }
    }

    pub fn is_span(&self) -> bool {
        self.end.is_some()
    }

    /// When it happened, as people write it: "7 Jun 2013" or "22 Sep 2015 – 28 Sep 2015".
    pub fn when(&self) -> String {
        match &self.end {
            Some(end) => format!("{} – {}", self.date.human(), end.human()),
            None => self.date.human(),
        }
    }

    /// The last date the event covers: its end for a span, else its date.
    pub fn last_date(&self) -> Date {
        self.end.unwrap_or(self.date)
    }
}

/// What role a claim plays in the argument.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ClaimKind {
    /// A rival account of what happened and why: a hypothesis.
    Explanation,
    /// A statement offered as a reason.
    Claim,
    /// A statement raised against another.
    Objection,
    /// An open question.
    Question,
}

impl ClaimKind {
    pub const ALL: [ClaimKind; 4] = [Self::Explanation, Self::Claim, Self::Objection, Self::Question];

    pub fn label(self) -> &'static str {
        match self {
            Self::Explanation => "Explanation",
            Self::Claim => "Claim",
            Self::Objection => "Objection",
            Self::Question => "Question",
        }
    }

    /// The kind in lowercase, as the interchange formats write it in their data.
    pub fn name(self) -> &'static str {
        match self {
            Self::Explanation => "explanation",
            Self::Claim => "claim",
            Self::Objection => "objection",
            Self::Question => "question",
        }
    }

    /// The kind whose [`name`](Self::name) is `name`.
    pub fn named(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.name() == name)
    }
}

/// A point on the argument map's canvas, in canvas units (not pixels).
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Position {
    pub x: f32,
    pub y: f32,
}

impl Position {
    pub fn new(x: f32, y: f32) -> Self {
        Self { x, y }
    }
}

/// A statement on the argument map.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Claim {
    pub id: ClaimId,
    pub kind: ClaimKind,
    pub text: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub detail: String,
    pub position: Position,
    /// Kept in place by automatic layout.
    #[serde(default, skip_serializing_if = "is_false")]
    pub pinned: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub citations: Vec<Citation>,
    /// As evidence: how far it can be trusted.
    #[serde(default, skip_serializing_if = "Level::is_medium")]
    pub credibility: Level,
    /// As evidence: how much it bears on the question.
    #[serde(default, skip_serializing_if = "Level::is_medium")]
    pub relevance: Level,
    /// Set when the claim stands for an argument (as Argdown's `<Title>`), with its reconstruction.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub argument: Option<Argument>,
    /// For an explanation: the question (a [`ClaimKind::Question`] claim) it
    /// answers; its competing-hypotheses matrix is that question's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answers: Option<ClaimId>,
    /// For an explanation: it is some combination of the others, so the
    /// matrix leaves it out (it would rank first with nothing rated against it).
    #[serde(default, skip_serializing_if = "is_false")]
    pub composite: bool,
}

impl Claim {
    /// A claim of `kind` saying `text` at `position`, with nothing else yet:
    /// no detail, tags or citations, not pinned, medium weights, answering no
    /// question and not composite.
    pub fn new(id: impl Into<ClaimId>, kind: ClaimKind, text: impl Into<String>, position: Position) -> Self {
        Self {
            id: id.into(),
            kind,
            text: text.into(),
            detail: String::new(),
            position,
            pinned: false,
            tags: Vec::new(),
            citations: Vec::new(),
            credibility: Level::Medium,
            relevance: Level::Medium,
            argument: None,
            answers: None,
            composite: false,
        }
    }
}

/// Where a link starts: an event (as evidence) or a claim.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum LinkFrom {
    Event(EventId),
    Claim(ClaimId),
}

/// What a link bears on: a claim, or another link (an undercutter attacks the
/// inference a link draws, not its conclusion).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum LinkTo {
    Claim(ClaimId),
    Link(LinkId),
}

/// How the start of a link bears on its end.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Relation {
    Supports,
    Opposes,
    Undercuts,
    /// Weighed and found neither for nor against: an N cell of a
    /// competing-hypotheses matrix, as distinct from evidence not yet weighed.
    Neutral,
}

impl Relation {
    pub const ALL: [Relation; 4] = [Self::Supports, Self::Opposes, Self::Undercuts, Self::Neutral];

    /// The relation as a verb, for sentences: "X supports Y", "X is neutral to Y".
    pub fn label(self) -> &'static str {
        match self {
            Self::Supports => "supports",
            Self::Opposes => "opposes",
            Self::Undercuts => "undercuts",
            Self::Neutral => "is neutral to",
        }
    }

    /// The relation in one word, for legends and menus.
    pub fn name(self) -> &'static str {
        match self {
            Self::Neutral => "neutral",
            other => other.label(),
        }
    }
}

/// Low, medium or high: how credible a piece of evidence is, or how relevant
/// (the weights of a competing-hypotheses matrix).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Level {
    Low,
    #[default]
    Medium,
    High,
}

impl Level {
    pub const ALL: [Level; 3] = [Self::Low, Self::Medium, Self::High];

    pub fn label(self) -> &'static str {
        match self {
            Self::Low => "low",
            Self::Medium => "medium",
            Self::High => "high",
        }
    }

    /// The weight in a matrix's weighted score: low 1/√2, medium 1, high √2.
    pub fn weight(self) -> f64 {
        match self {
            Self::Low => std::f64::consts::FRAC_1_SQRT_2,
            Self::Medium => 1.0,
            Self::High => std::f64::consts::SQRT_2,
        }
    }

    pub fn is_medium(&self) -> bool {
        *self == Self::Medium
    }
}

/// How strongly a link bears on its end. With the relation, also the rating of
/// a cell of a competing-hypotheses matrix (strong support = CC, …).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Strength {
    Weak,
    #[default]
    Moderate,
    Strong,
}

impl Strength {
    pub const ALL: [Strength; 3] = [Self::Weak, Self::Moderate, Self::Strong];

    pub fn label(self) -> &'static str {
        match self {
            Self::Weak => "weak",
            Self::Moderate => "moderate",
            Self::Strong => "strong",
        }
    }
}

/// A directed, typed relation from an event or claim to a claim or link.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Link {
    pub id: LinkId,
    pub from: LinkFrom,
    pub to: LinkTo,
    pub relation: Relation,
    #[serde(default)]
    pub strength: Strength,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub citations: Vec<Citation>,
}
