//! A Markdown report: the map's title and summary, each explanation with the
//! evidence for and against it (with notes, quotes and their sources), the
//! other claims, the timeline as a table, and the list of sources. A quote
//! anchored in its source's attached text says which paragraph it stands in.

use super::report::{self, QuestionMatrix, evidence_quotes, item_name, links_on};
use crate::model::{Citation, Link, LinkFrom, Map, Relation};
use crate::sources::LoadedTexts;
use std::fmt::Write;

/// `text` as literal Markdown inline text: markup characters escaped, line
/// breaks folded into spaces (a report cell or list item is one line).
pub fn escape(text: &str) -> String {
    let escaped = super::backslash_escape(text, &['`', '*', '_', '[', ']', '<', '>', '|', '#', '~', '$']);
    // Text that would start a list item or a numbered list where it stands.
    let digits = escaped.bytes().take_while(u8::is_ascii_digit).count();
    if escaped.starts_with(['-', '+']) {
        format!("\\{escaped}")
    } else if digits > 0 && escaped[digits..].starts_with(['.', ')']) {
        format!("{}\\{}", &escaped[..digits], &escaped[digits..])
    } else {
        escaped
    }
}

/// Which paragraph of its source's attached text an anchored quote stands in, as "¶ 7".
fn paragraph(texts: &LoadedTexts, citation: &Citation) -> Option<String> {
    let anchor = citation.anchor.as_ref()?;
    let text = texts.text_of(&citation.source).ok()?;
    text.paragraph_of(anchor.start).map(|paragraph| format!("¶ {paragraph}"))
}

fn citations(out: &mut String, map: &Map, texts: &LoadedTexts, citations: &[Citation], indent: &str) {
    for citation in citations {
        let mut credit = Vec::new();
        if let Some(source) = map.source(&citation.source) {
            credit.push(if source.url.is_empty() {
                escape(&source.title)
            } else {
                format!("[{}](<{}>)", escape(&source.title), source.url.replace(['<', '>', '\n'], ""))
            });
            credit.extend([&source.author, &source.outlet].into_iter().filter(|s| !s.is_empty()).map(|s| escape(s)));
            credit.extend(source.date.map(|date| date.human()));
        } else {
            credit.push(escape(citation.source.as_str()));
        }
        credit.extend(citation.locator.as_deref().map(escape));
        credit.extend(paragraph(texts, citation));
        if citation.quote.is_empty() {
            let _ = writeln!(out, "{indent}> {}", credit.join(", "));
        } else {
            let _ = writeln!(out, "{indent}> “{}” — {}", escape(&citation.quote), credit.join(", "));
        }
    }
}

fn evidence(out: &mut String, map: &Map, texts: &LoadedTexts, heading: &str, links: &[&Link]) {
    let _ = writeln!(out, "**{heading}**\n");
    if links.is_empty() {
        out.push_str("- none\n\n");
        return;
    }
    for link in links {
        let from = escape(&item_name(map, &link.source_item()));
        let note = if link.note.is_empty() { String::new() } else { format!(": {}", escape(&link.note)) };
        let _ = writeln!(out, "- {from} — *{}*{note}", link.strength.label());
        citations(out, map, texts, &evidence_quotes(map, link), "  ");
        for other in links_on(map, link) {
            let by = escape(&item_name(map, &other.source_item()));
            let _ = writeln!(out, "  - {} {by}", report::passive(other.relation));
        }
    }
    out.push('\n');
}

/// The competing-hypotheses scores: one row per explanation, fewest
/// inconsistencies first; a table per question when explanations answer questions.
fn scores(out: &mut String, map: &Map) {
    let matrices = report::matrices(map);
    if matrices.is_empty() {
        return;
    }
    out.push_str("## Competing hypotheses\n\n");
    for QuestionMatrix { heading, matrix } in matrices {
        if let Some(heading) = heading {
            let _ = writeln!(out, "### {}\n", escape(&heading));
        }
        score_table(out, map, &matrix);
    }
}

/// One matrix's scores as a table, fewest inconsistencies first.
fn score_table(out: &mut String, map: &Map, matrix: &crate::analysis::Matrix) {
    let mut scores = matrix.scores();
    scores.sort_by_key(|score| score.rank);
    let _ = writeln!(
        out,
        "{} pieces of evidence rated against {} explanations. Inconsistency: I counts 1, II counts 2; \
         weighted: each times the evidence's credibility and relevance.\n",
        matrix.rows.len(),
        matrix.explanations.len()
    );
    out.push_str("| rank | explanation | inconsistency | weighted |\n|---:|---|---:|---:|\n");
    for score in scores {
        let text = map.claim(&score.explanation).map_or_else(|| score.explanation.to_string(), |c| c.text.clone());
        let _ =
            writeln!(out, "| {} | {} | {} | {:.2} |", score.rank, escape(&text), score.inconsistency, score.weighted);
    }
    out.push('\n');
}

/// The report of `map`; each anchored quote says its paragraph where `texts` holds its source's text.
pub fn render(map: &Map, texts: &LoadedTexts) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", escape(&map.meta.title));
    if !map.meta.summary.is_empty() {
        let _ = writeln!(out, "{}\n", escape(&map.meta.summary));
    }
    let license = Some(&map.meta.license).filter(|l| !l.is_empty()).map(|l| format!("licence {}", escape(l)));
    let credits: Vec<String> = map.meta.authors.iter().map(|a| escape(a)).chain(license).collect();
    if !credits.is_empty() {
        let _ = writeln!(out, "*{}*\n", credits.join(", "));
    }
    scores(&mut out, map);
    out.push_str("## Explanations\n\n");
    for explanation in map.explanations() {
        let _ = writeln!(out, "### {}\n", escape(&explanation.text));
        if !explanation.detail.is_empty() {
            let _ = writeln!(out, "{}\n", escape(&explanation.detail));
        }
        citations(&mut out, map, texts, &explanation.citations, "");
        if !explanation.citations.is_empty() {
            out.push('\n');
        }
        evidence(&mut out, map, texts, "Evidence for", &map.evidence_for(&explanation.id));
        evidence(&mut out, map, texts, "Evidence against", &map.evidence_against(&explanation.id));
        let undercuts = map.evidence_with(&explanation.id, Relation::Undercuts);
        if !undercuts.is_empty() {
            evidence(&mut out, map, texts, "Undercut by", &undercuts);
        }
    }
    let others: Vec<_> = map.claims.iter().filter(|c| c.kind != crate::model::ClaimKind::Explanation).collect();
    if !others.is_empty() {
        out.push_str("## Claims, objections and questions\n\n");
        for claim in others {
            let _ = writeln!(out, "- **{}**: {}", claim.kind.label(), escape(&claim.text));
            for link in map.links.iter().filter(|link| matches!(&link.from, LinkFrom::Claim(id) if id == &claim.id)) {
                let target = escape(&item_name(map, &link.target_item()));
                let _ = writeln!(out, "  - {} ({}) {target}", link.relation.label(), link.strength.label());
            }
            citations(&mut out, map, texts, &claim.citations, "  ");
        }
        out.push('\n');
    }
    timeline(&mut out, map);
    if !map.sources.is_empty() {
        out.push_str("## Sources\n\n");
        for source in &map.sources {
            let mut parts = vec![escape(&source.title)];
            parts.extend([&source.author, &source.outlet].into_iter().filter(|s| !s.is_empty()).map(|s| escape(s)));
            parts.extend(source.date.map(|date| date.human()));
            if !source.url.is_empty() {
                parts.push(format!("<{}>", source.url.replace(['<', '>', '\n'], "")));
            }
            let _ = writeln!(out, "- {}", parts.join(", "));
        }
    }
    out
}

fn timeline(out: &mut String, map: &Map) {
    if map.events.is_empty() {
        return;
    }
    out.push_str("## Timeline\n\n| When | Lane | Event | Sources |\n| --- | --- | --- | --- |\n");
    for event in report::events_by_date(map) {
        let lane = map.lane(&event.lane).map_or(event.lane.as_str(), |lane| lane.name.as_str());
        let mut sources: Vec<String> = Vec::new();
        for citation in &event.citations {
            let title = map.source(&citation.source).map_or(citation.source.as_str(), |s| s.title.as_str());
            let title = escape(title);
            if !sources.contains(&title) {
                sources.push(title);
            }
        }
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |",
            escape(&event.when()),
            escape(lane),
            escape(&event.title),
            sources.join("; ")
        );
    }
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn markup_and_list_markers_are_escaped() {
        assert_eq!(escape("a *b* [c](d) | e"), "a \\*b\\* \\[c\\](d) \\| e");
        assert_eq!(escape("- not a list"), "\\- not a list");
        assert_eq!(escape("1. not numbered"), "1\\. not numbered");
        assert_eq!(escape("2015 was"), "2015 was");
        assert_eq!(escape("two\nlines"), "two lines");
    }
}
