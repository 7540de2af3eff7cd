//! Questions the views ask of a map: look-ups by id, the links that touch an
//! item, the evidence for and against an explanation, events in a date range.

use super::{
    Claim, ClaimId, ClaimKind, Event, EventId, ItemRef, Lane, LaneId, Link, LinkFrom, LinkId, LinkTo, Map, Relation,
    Source, SourceId,
};
use chrono::NaiveDate;

impl Map {
    pub fn event(&self, id: &EventId) -> Option<&Event> {
        self.events.iter().find(|event| &event.id == id)
    }

    pub fn claim(&self, id: &ClaimId) -> Option<&Claim> {
        self.claims.iter().find(|claim| &claim.id == id)
    }

    pub fn link(&self, id: &LinkId) -> Option<&Link> {
        self.links.iter().find(|link| &link.id == id)
    }

    pub fn source(&self, id: &SourceId) -> Option<&Source> {
        self.sources.iter().find(|source| &source.id == id)
    }

    pub fn lane(&self, id: &LaneId) -> Option<&Lane> {
        self.lanes.iter().find(|lane| &lane.id == id)
    }

    /// What an event or claim says: its title or its text (a link: its id).
    pub fn title_of(&self, item: &ItemRef) -> String {
        match item {
            ItemRef::Event(id) => self.event(id).map_or_else(|| id.to_string(), |event| event.title.clone()),
            ItemRef::Claim(id) => self.claim(id).map_or_else(|| id.to_string(), |claim| claim.text.clone()),
            ItemRef::Link(id) => id.to_string(),
        }
    }

    /// Every event, claim and link of the map, in that order, each as the item it is.
    pub fn items(&self) -> impl Iterator<Item = ItemRef> + '_ {
        let events = self.events.iter().map(|event| ItemRef::Event(event.id.clone()));
        let claims = self.claims.iter().map(|claim| ItemRef::Claim(claim.id.clone()));
        events.chain(claims).chain(self.links.iter().map(|link| ItemRef::Link(link.id.clone())))
    }

    pub fn explanations(&self) -> impl Iterator<Item = &Claim> {
        self.claims.iter().filter(|claim| claim.kind == ClaimKind::Explanation)
    }

    /// Links that start or end at `item` (for a link: also the links that bear on it).
    pub fn links_touching<'a>(&'a self, item: &'a ItemRef) -> impl Iterator<Item = &'a Link> + 'a {
        self.links.iter().filter(move |link| {
            link.starts_at(item) || link.ends_at(item) || matches!(item, ItemRef::Link(id) if &link.id == id)
        })
    }

    /// The items one link away from `item`, and the links that join them: for
    /// an event or claim, the links touching it and their other ends; for a
    /// link, its two ends and the links bearing on it.
    pub fn neighbours(&self, item: &ItemRef) -> Vec<ItemRef> {
        let mut found = Vec::new();
        if let ItemRef::Link(id) = item
            && let Some(link) = self.link(id)
        {
            found.push(link.source_item());
            found.push(link.target_item());
        }
        for link in self.links_touching(item) {
            if matches!(item, ItemRef::Link(id) if &link.id == id) {
                continue;
            }
            found.push(ItemRef::Link(link.id.clone()));
            found.push(if link.starts_at(item) { link.target_item() } else { link.source_item() });
        }
        found
    }

    /// Links that bear on the claim `explanation` with `relation`.
    pub fn evidence_with(&self, explanation: &ClaimId, relation: Relation) -> Vec<&Link> {
        self.links
            .iter()
            .filter(|link| link.relation == relation && matches!(&link.to, LinkTo::Claim(id) if id == explanation))
            .collect()
    }

    /// Links that support `explanation`.
    pub fn evidence_for(&self, explanation: &ClaimId) -> Vec<&Link> {
        self.evidence_with(explanation, Relation::Supports)
    }

    /// Links that oppose `explanation`.
    pub fn evidence_against(&self, explanation: &ClaimId) -> Vec<&Link> {
        self.evidence_with(explanation, Relation::Opposes)
    }

    /// Events whose period (from the first day of their date to the last day of
    /// their end) overlaps `first..=last`.
    pub fn events_between(&self, first: NaiveDate, last: NaiveDate) -> impl Iterator<Item = &Event> {
        self.events.iter().filter(move |event| event.date.first_day() <= last && event.last_date().last_day() >= first)
    }

    /// The first and last day covered by any event, if there is one.
    pub fn date_extent(&self) -> Option<(NaiveDate, NaiveDate)> {
        let first = self.events.iter().map(|event| event.date.first_day()).min()?;
        let last = self.events.iter().map(|event| event.last_date().last_day()).max()?;
        Some((first, last))
    }
}

impl Link {
    pub fn source_item(&self) -> ItemRef {
        match &self.from {
            LinkFrom::Event(id) => ItemRef::Event(id.clone()),
            LinkFrom::Claim(id) => ItemRef::Claim(id.clone()),
        }
    }

    pub fn target_item(&self) -> ItemRef {
        match &self.to {
            LinkTo::Claim(id) => ItemRef::Claim(id.clone()),
            LinkTo::Link(id) => ItemRef::Link(id.clone()),
        }
    }

    pub fn starts_at(&self, item: &ItemRef) -> bool {
        match (&self.from, item) {
            (LinkFrom::Event(a), ItemRef::Event(b)) => a == b,
            (LinkFrom::Claim(a), ItemRef::Claim(b)) => a == b,
            _ => false,
        }
    }

    pub fn ends_at(&self, item: &ItemRef) -> bool {
        match (&self.to, item) {
            (LinkTo::Claim(a), ItemRef::Claim(b)) => a == b,
            (LinkTo::Link(a), ItemRef::Link(b)) => a == b,
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Date, Lane, Position, Rgb, Strength};

    fn small_map() -> Map {
        let claim = |id: &str, kind| Claim::new(id, kind, id, Position::default());
        let event = |id: &str, date: Date, end: Option<Date>| Event { end, ..Event::new(id, date, id, "us".into()) };
        let link = |id: &str, from: LinkFrom, to: LinkTo, relation| Link {
            id: id.into(),
            from,
            to,
            relation,
            strength: Strength::Strong,
            note: String::new(),
            citations: vec![],
        };
        Map {
            lanes: vec![Lane { id: "us".into(), name: "US".into(), color: Rgb([0, 0, 255]) }],
            events: vec![
                event("summit", Date::day(2015, 9, 25), None),
                event("group", Date::month(2013, 7), Some(Date::month(2014, 5))),
                event("report", Date::year(2013), None),
            ],
            claims: vec![claim("blinked", ClaimKind::Explanation), claim("doubt", ClaimKind::Objection)],
            links: vec![
                link("l1", LinkFrom::Event("summit".into()), LinkTo::Claim("blinked".into()), Relation::Supports),
                link("l2", LinkFrom::Claim("doubt".into()), LinkTo::Claim("blinked".into()), Relation::Opposes),
                link("l3", LinkFrom::Event("group".into()), LinkTo::Link("l1".into()), Relation::Undercuts),
            ],
            ..Map::default()
        }
    }

    #[test]
    fn evidence_for_and_against_an_explanation() {
        let map = small_map();
        let blinked = ClaimId::from("blinked");
        let ids = |links: Vec<&Link>| links.iter().map(|l| l.id.0.clone()).collect::<Vec<_>>();
        assert_eq!(ids(map.evidence_for(&blinked)), ["l1"]);
        assert_eq!(ids(map.evidence_against(&blinked)), ["l2"]);
    }

    #[test]
    fn links_touching_an_item_include_links_on_links() {
        let map = small_map();
        let touching = |item: ItemRef| map.links_touching(&item).map(|l| l.id.0.clone()).collect::<Vec<_>>();
        assert_eq!(touching(ItemRef::Claim("blinked".into())), ["l1", "l2"]);
        assert_eq!(touching(ItemRef::Event("group".into())), ["l3"]);
        assert_eq!(touching(ItemRef::Link("l1".into())), ["l1", "l3"]);
    }

    #[test]
    fn neighbours_are_one_link_away() {
        let map = small_map();
        let names = |item: ItemRef| map.neighbours(&item).iter().map(|i| i.slug().to_owned()).collect::<Vec<_>>();
        assert_eq!(names(ItemRef::Claim("blinked".into())), ["l1", "summit", "l2", "doubt"]);
        assert_eq!(names(ItemRef::Link("l1".into())), ["summit", "blinked", "l3", "group"]);
    }

    #[test]
    fn events_between_respects_spans_and_precision() {
        let map = small_map();
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let in_range = |a, b| map.events_between(a, b).map(|e| e.id.0.clone()).collect::<Vec<_>>();
        assert_eq!(in_range(day(2014, 1, 1), day(2014, 1, 31)), ["group"]);
        assert_eq!(in_range(day(2013, 12, 31), day(2013, 12, 31)), ["group", "report"]);
        assert_eq!(in_range(day(2015, 9, 25), day(2016, 1, 1)), ["summit"]);
        assert!(in_range(day(2016, 1, 1), day(2017, 1, 1)).is_empty());
        assert_eq!(map.date_extent(), Some((day(2013, 1, 1), day(2015, 9, 25))));
    }
}
