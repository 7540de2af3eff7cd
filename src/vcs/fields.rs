//! The fields of each kind of item, as the diff names them and the merge
//! settles them one by one: a table per type (which struct fields make up each
//! named field, and which are lists that merge element by element), so that
//! the diff and the merge can never disagree about what a field is.

use crate::model::{Claim, Event, Lane, Link, Meta, Source, StoryStep};
use serde_json::Value;

/// An item whose fields can be compared, shown, copied and merged one by one.
pub trait Fields: Clone + PartialEq {
    /// The fields' names, in the file's order.
    const NAMES: &'static [&'static str];
    /// Whether field `field` (an index into [`Self::NAMES`]) is the same in both.
    fn same(&self, other: &Self, field: usize) -> bool;
    /// The value of a field, as JSON (for reports and scripts).
    fn value(&self, field: usize) -> Value;
    /// Sets a field to its value in `other`.
    fn take(&mut self, other: &Self, field: usize);
    /// Sets a list field to the three-way merge of its versions (see
    /// [`super::sequence::merge_lists`]); false, leaving it, when the field is
    /// not a list or its versions conflict.
    fn merge_list(&mut self, base: &Self, ours: &Self, theirs: &Self, field: usize) -> bool;
}

/// An item named by an id that is unique in its section of the map.
pub trait Keyed {
    fn key(&self) -> &str;
    /// What a person reads to know the item: its text, title or name.
    fn title(&self) -> String;
}

/// A named field's JSON value: the struct field's own, or an object of its parts.
macro_rules! value_of {
    ($item:ident; $field:ident) => {
        serde_json::to_value(&$item.$field).unwrap_or(Value::Null)
    };
    ($item:ident; $($field:ident),+) => {{
        let mut parts = serde_json::Map::new();
        $(
            let part = serde_json::to_value(&$item.$field).unwrap_or(Value::Null);
            if !part.is_null() {
                parts.insert(stringify!($field).to_owned(), part);
            }
        )+
        Value::Object(parts)
    }};
}

macro_rules! field_table {
    ($type:ty {
        atoms: { $($name:literal => [$($field:ident),+]),* $(,)? },
        lists: { $($list_name:literal => $list:ident),* $(,)? } $(,)?
    }) => {
        impl Fields for $type {
            const NAMES: &'static [&'static str] = &[$($name,)* $($list_name,)*];

            fn same(&self, other: &Self, field: usize) -> bool {
                let index = 0;
                $(
                    if field == index {
                        return true $(&& self.$field == other.$field)+;
                    }
                    let index = index + 1;
                )*
                $(
                    if field == index {
                        return self.$list == other.$list;
                    }
                    let index = index + 1;
                )*
                let _ = index;
                true
            }

            fn value(&self, field: usize) -> Value {
                let index = 0;
                $(
                    if field == index {
                        return value_of!(self; $($field),+);
                    }
                    let index = index + 1;
                )*
                $(
                    if field == index {
                        return value_of!(self; $list);
                    }
                    let index = index + 1;
                )*
                let _ = index;
                Value::Null
            }

            fn take(&mut self, other: &Self, field: usize) {
                let index = 0;
                $(
                    if field == index {
                        $(self.$field = other.$field.clone();)+
                        return;
                    }
                    let index = index + 1;
                )*
                $(
                    if field == index {
                        self.$list = other.$list.clone();
                        return;
                    }
                    let index = index + 1;
                )*
                let _ = index;
            }

            fn merge_list(&mut self, base: &Self, ours: &Self, theirs: &Self, field: usize) -> bool {
                let index = <[&str]>::len(&[$($name),*]);
                $(
                    if field == index {
                        return match super::sequence::merge_lists(&base.$list, &ours.$list, &theirs.$list) {
                            Some(merged) => {
                                self.$list = merged;
                                true
                            }
                            None => false,
                        };
                    }
                    let index = index + 1;
                )*
                let _ = (index, base, ours, theirs, field);
                false
            }
        }
    };
}

field_table!(Meta {
    atoms: { "title" => [title], "summary" => [summary], "license" => [license] },
    lists: { "authors" => authors },
});

field_table!(Source {
    atoms: { "title" => [title], "author" => [author], "outlet" => [outlet], "date" => [date], "url" => [url] },
    lists: {},
});

field_table!(Lane {
    atoms: { "name" => [name], "color" => [color] },
    lists: {},
});

field_table!(Event {
    atoms: {
        "dates" => [date, end],
        "title" => [title],
        "detail" => [detail],
        "lane" => [lane],
        "position" => [position],
        "credibility" => [credibility],
        "relevance" => [relevance],
    },
    lists: { "tags" => tags, "citations" => citations },
});

field_table!(Claim {
    atoms: {
        "kind" => [kind],
        "text" => [text],
        "detail" => [detail],
        "position" => [position],
        "pinned" => [pinned],
        "credibility" => [credibility],
        "relevance" => [relevance],
    },
    lists: { "tags" => tags, "citations" => citations },
});

field_table!(Link {
    atoms: { "from" => [from], "to" => [to], "relation" => [relation], "strength" => [strength], "note" => [note] },
    lists: { "citations" => citations },
});

field_table!(StoryStep {
    atoms: {
        "title" => [title],
        "window" => [window],
        "viewport" => [viewport],
        "as_of" => [as_of],
        "notes" => [notes],
    },
    lists: { "shows" => shows, "highlights" => highlights },
});

/// `Keyed` for items whose title is one text field.
macro_rules! keyed_by_id {
    ($($type:ty => $title:ident),* $(,)?) => {
        $(
            impl Keyed for $type {
                fn key(&self) -> &str {
                    self.id.as_str()
                }
                fn title(&self) -> String {
                    self.$title.clone()
                }
            }
        )*
    };
}

keyed_by_id!(Source => title, Lane => name, Event => title, Claim => text);

impl Keyed for Link {
    fn key(&self) -> &str {
        self.id.as_str()
    }
    fn title(&self) -> String {
        let from = match &self.from {
            crate::model::LinkFrom::Event(id) => id.as_str(),
            crate::model::LinkFrom::Claim(id) => id.as_str(),
        };
        let to = match &self.to {
            crate::model::LinkTo::Claim(id) => id.as_str(),
            crate::model::LinkTo::Link(id) => id.as_str(),
        };
        format!("{from} {} {to}", self.relation.label())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ClaimKind, Date, Position};

    #[test]
    fn every_name_is_a_field_that_compares_takes_and_shows() {
        let a = Claim::new("a", ClaimKind::Claim, "One", Position::new(1.0, 2.0));
        let b =
            Claim { tags: vec!["t".into()], ..Claim::new("a", ClaimKind::Question, "Two", Position::new(3.0, 4.0)) };
        for (field, name) in Claim::NAMES.iter().enumerate() {
            let mut copy = a.clone();
            copy.take(&b, field);
            assert!(copy.same(&b, field), "{name}");
            assert_eq!(copy.value(field), b.value(field), "{name}");
        }
        assert_eq!(a.value(1), Value::from("One"));
        assert!(!a.same(&b, 3), "position");
    }

    #[test]
    fn dates_are_one_field_of_start_and_end() {
        let lane = "us".into();
        let point = Event::new("e", Date::day(2015, 9, 25), "Summit", lane);
        let span = Event { end: Some(Date::day(2015, 9, 28)), ..point.clone() };
        let dates = Event::NAMES.iter().position(|name| *name == "dates").expect("dates");
        assert!(!point.same(&span, dates));
        assert_eq!(point.value(dates), serde_json::json!({ "date": "2015-09-25" }));
        assert_eq!(span.value(dates), serde_json::json!({ "date": "2015-09-25", "end": "2015-09-28" }));
    }
}
