//! Slides: one PNG per story step, named in order (`01-sunnylands….png`), for
//! a class without the app. Each slide is the SVG figure of what the step
//! shows — its highlighted items and what they are linked to, or what it
//! lists — with the timeline cut to the step's window, rendered through resvg.

use super::{ExportError, ExportOptions, png, svg};
use crate::edit::commands::slug_of;
use crate::model::{ItemRef, Map, StoryStep};
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// Why slides could not be written.
#[derive(Debug, thiserror::Error)]
pub enum SlidesError {
    #[error("the map has no story: add story steps in the app (View ▸ Story panel) before exporting slides")]
    NoStory,
    #[error("cannot create the folder {}: {source}", path.display())]
    Folder { path: PathBuf, source: std::io::Error },
    #[error("cannot write {}: {source}", path.display())]
    Write { path: PathBuf, source: std::io::Error },
    #[error("slide {number}: {source}")]
    Render { number: usize, source: ExportError },
}

/// The part of `map` that story step `index` shows, titled with the step.
pub fn slide_map(map: &Map, index: usize, step: &StoryStep) -> Map {
    let mut shown: HashSet<ItemRef> = step.shows.iter().chain(&step.highlights).cloned().collect();
    if step.shows.is_empty() {
        if step.highlights.is_empty() {
            shown.extend(map.claims.iter().map(|c| ItemRef::Claim(c.id.clone())));
            shown.extend(map.events.iter().map(|e| ItemRef::Event(e.id.clone())));
        } else {
            for item in &step.highlights {
                shown.extend(map.neighbours(item));
            }
        }
    }
    let in_window = |event: &crate::model::Event| {
        step.window.is_some_and(|window| {
            event.date.first_day() <= window.end.last_day() && event.last_date().last_day() >= window.start.first_day()
        })
    };
    let mut slide = map.clone();
    slide.meta.title = format!("{}. {}", index + 1, step.title);
    slide.story.clear();
    slide.claims.retain(|claim| shown.contains(&ItemRef::Claim(claim.id.clone())));
    slide.events.retain(|event| shown.contains(&ItemRef::Event(event.id.clone())) || in_window(event));
    // Links need both ends; a link on a link needs that link: repeat until nothing more goes.
    loop {
        let before = slide.links.len();
        let kept = slide.clone();
        slide.links.retain(|link| {
            let present = |item: &ItemRef| match item {
                ItemRef::Claim(id) => kept.claim(id).is_some(),
                ItemRef::Event(id) => kept.event(id).is_some(),
                ItemRef::Link(id) => kept.link(id).is_some(),
            };
            present(&link.source_item()) && present(&link.target_item())
        });
        if slide.links.len() == before {
            break;
        }
    }
    slide
}

/// Writes one PNG per story step into `folder` (created if needed); returns their paths in order.
pub fn write_slides(map: &Map, folder: &Path, options: &ExportOptions) -> Result<Vec<PathBuf>, SlidesError> {
    if map.story.is_empty() {
        return Err(SlidesError::NoStory);
    }
    std::fs::create_dir_all(folder).map_err(|source| SlidesError::Folder { path: folder.to_owned(), source })?;
    let digits = map.story.len().to_string().len().max(2);
    let mut written = Vec::with_capacity(map.story.len());
    for (index, step) in map.story.iter().enumerate() {
        let slide = slide_map(map, index, step);
        let bytes = png::render(&svg::render(&slide, options.dark), options.scale)
            .map_err(|source| SlidesError::Render { number: index + 1, source })?;
        let path = folder.join(format!("{:0digits$}-{}.png", index + 1, slug_of(&step.title)));
        crate::format::write_atomically(&path, &bytes)
            .map_err(|source| SlidesError::Write { path: path.clone(), source })?;
        written.push(path);
    }
    Ok(written)
}
