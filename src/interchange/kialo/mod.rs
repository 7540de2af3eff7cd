//! Kialo discussions, from the text Kialo exports (read only: Kialo imports
//! nothing). The thesis and every claim become claims — the thesis a claim, a
//! Pro a claim that supports the claim above it, a Con an objection that
//! opposes it; in a multi-thesis discussion the top claim is the question and
//! each thesis an explanation answering it. A `-> See 1.4.2.` claim is that
//! claim linked once more, here. The `Sources:` list becomes the map's
//! sources. Claims are laid out as a tree by the importers' placement.
//! A claim whose parent number is missing is linked to the nearest claim
//! above it that exists, and said; a number given twice is an error.

mod parse;

use crate::format::{Diagnostic, TextPosition};
use crate::import::builder::MapBuilder;
use crate::import::{ImportError, Imported};
use crate::model::{ClaimId, ClaimKind, LinkFrom, LinkTo, Relation, Source, SourceId, Strength};
use parse::{Entry, Stance, parent_of};
use std::collections::HashMap;

/// The claim kind each stance makes; the top claim is a question when theses answer it.
fn kind_of(stance: Stance, has_theses: bool) -> ClaimKind {
    match stance {
        Stance::Root if has_theses => ClaimKind::Question,
        Stance::Root | Stance::Pro => ClaimKind::Claim,
        Stance::Thesis => ClaimKind::Explanation,
        Stance::Con => ClaimKind::Objection,
    }
}

/// A source made from a line of the `Sources:` list (`[1] Title https://…`).
fn source_of(builder: &mut MapBuilder, line: &str) -> Source {
    let url = line.split_whitespace().find(|word| word.starts_with("http://") || word.starts_with("https://"));
    let id = SourceId::new(builder.unique_id(line, "source"));
    Source {
        id,
        title: line.to_owned(),
        author: String::new(),
        outlet: String::new(),
        date: None,
        url: url.unwrap_or_default().to_owned(),
        text: None,
    }
}

pub fn import(text: &str) -> Result<Imported, ImportError> {
    let discussion = parse::parse(text);
    let Some(root) = discussion.entries.iter().find(|entry| entry.stance == Stance::Root) else {
        let position = discussion.entries.first().map_or(TextPosition { line: 1, col: 1 }, |entry| entry.position);
        return Err(ImportError::at(
            position,
            "no thesis: a Kialo discussion's text numbers its thesis \"1.\" and each claim below it \"1.1. Pro: …\"",
        ));
    };
    let mut problems = Vec::new();
    let mut notices = Vec::new();
    let mut first_of: HashMap<&str, &Entry> = HashMap::new();
    for entry in &discussion.entries {
        if let Some(first) = first_of.get(entry.number.as_str()) {
            let first = first.position;
            let message = format!("claim {} is numbered twice (first at {}:{})", entry.number, first.line, first.col);
            problems.push(Diagnostic { position: entry.position, message });
        } else if entry.text.is_empty() {
            let message = format!("claim {} has no text", entry.number);
            problems.push(Diagnostic { position: entry.position, message });
        } else {
            first_of.insert(&entry.number, entry);
        }
    }
    if !problems.is_empty() {
        return Err(ImportError::Problems { problems });
    }
    let has_theses = discussion.entries.iter().any(|entry| entry.stance == Stance::Thesis);
    let mut builder = MapBuilder::new(&discussion.title);
    builder.meta_mut().summary = discussion.preamble.clone();
    let mut claims: HashMap<&str, ClaimId> = HashMap::new();
    let written_here = |entry: &&Entry| entry.stance == Stance::Root || entry.see_also().is_none();
    for entry in discussion.entries.iter().filter(written_here) {
        let id = builder.add_claim(&entry.text, kind_of(entry.stance, has_theses), &entry.text, None).id.clone();
        claims.insert(&entry.number, id);
    }
    let mut note = |position: TextPosition, message: String| notices.push(Diagnostic { position, message });
    for entry in discussion.entries.iter().filter(|entry| entry.stance != Stance::Root) {
        // The nearest claim above that the file has.
        let mut above = entry.parent_number();
        while let Some(number) = above.filter(|number| !claims.contains_key(number)) {
            above = parent_of(number);
        }
        let Some(above) = above else { continue };
        if entry.parent_number() != Some(above) {
            let missing = entry.parent_number().unwrap_or_default();
            note(
                entry.position,
                format!("skipped: claim {missing} is not in the file; {} bears on {above} instead", entry.number),
            );
        }
        let Some(to) = claims.get(above).cloned() else { continue };
        let from = match entry.see_also() {
            Some(target) => match claims.get(target) {
                Some(id) => id.clone(),
                None => {
                    note(
                        entry.position,
                        format!("skipped: claim {} links to {target}, which is not in the file", entry.number),
                    );
                    continue;
                }
            },
            None => match claims.get(entry.number.as_str()) {
                Some(id) => id.clone(),
                None => continue,
            },
        };
        if entry.stance == Stance::Thesis && above == root.number {
            let explanation = builder.claim_mut(&from).filter(|claim| claim.kind == ClaimKind::Explanation);
            if let Some(claim) = explanation.filter(|claim| claim.answers.is_none()) {
                claim.answers = Some(to);
                continue;
            }
        }
        let relation = match entry.stance {
            Stance::Con => Relation::Opposes,
            Stance::Pro | Stance::Thesis | Stance::Root => Relation::Supports,
        };
        let wanted = format!("{from} {} {to}", relation.name());
        if let Err(why) =
            builder.add_link(&wanted, LinkFrom::Claim(from), LinkTo::Claim(to), relation, Strength::Moderate)
        {
            note(entry.position, format!("skipped: the link of claim {}: {why}", entry.number));
        }
    }
    for line in &discussion.sources {
        let source = source_of(&mut builder, line);
        builder.add_source(source);
    }
    Ok(Imported { map: builder.finish()?, notices })
}
