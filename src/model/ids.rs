//! Identifiers of the items in a map: short human-readable slugs such as
//! `"eo-13694"` or `"china-blinked"`, one newtype per kind of item so that a
//! claim id cannot be passed where an event id is expected.

use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! slug_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl $name {
            pub fn new(slug: impl Into<String>) -> Self {
                Self(slug.into())
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<String> for $name {
            fn from(slug: String) -> Self {
                Self(slug)
            }
        }

        impl From<&str> for $name {
            fn from(slug: &str) -> Self {
                Self(slug.to_owned())
            }
        }
    };
}

slug_id!(
    /// Names a [`crate::model::Source`].
    SourceId
);
slug_id!(
    /// Names a [`crate::model::Lane`] of the timeline.
    LaneId
);
slug_id!(
    /// Names a dated [`crate::model::Event`].
    EventId
);
slug_id!(
    /// Names a [`crate::model::Claim`] on the argument map.
    ClaimId
);
slug_id!(
    /// Names a [`crate::model::Link`] between two items.
    LinkId
);

/// Whether a slug is well formed: non-empty, lowercase ASCII letters, digits,
/// `-`, `_` and `.`, so that it reads well in RON, DOT, AIF and URLs.
pub fn is_valid_slug(slug: &str) -> bool {
    !slug.is_empty()
        && slug.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'-' | b'_' | b'.'))
}

/// Any item of a map that can be selected, shown in a story step, or linked.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ItemRef {
    Event(EventId),
    Claim(ClaimId),
    Link(LinkId),
}

impl ItemRef {
    pub fn slug(&self) -> &str {
        match self {
            Self::Event(id) => id.as_str(),
            Self::Claim(id) => id.as_str(),
            Self::Link(id) => id.as_str(),
        }
    }
}

impl fmt::Display for ItemRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Event(id) => write!(f, "event \"{id}\""),
            Self::Claim(id) => write!(f, "claim \"{id}\""),
            Self::Link(id) => write!(f, "link \"{id}\""),
        }
    }
}
